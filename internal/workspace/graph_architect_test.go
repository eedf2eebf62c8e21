package workspace

import (
	"os"
	"path/filepath"
	"testing"
)

// A flow that looks callers up in a data table and plays a user prompt depends on the
// project declaring both: the graph matches the flow's references to them by name.
func TestGraphDataTablesAndPrompts(t *testing.T) {
	t.Parallel()
	root := t.TempDir()
	files := map[string]string{
		"cx.hcl": "",
		"shared-architect/main.tf": `resource "genesyscloud_architect_datatable" "callers" {
  name = "Known Callers"
  properties {
    name = "key"
    type = "string"
  }
}
resource "genesyscloud_architect_user_prompt" "welcome" {
  name = "Welcome_greeting"
}
`,
		"flow-greeting/main.tf": "resource \"genesyscloud_flow\" \"f\" {\n  filepath = \"greeting.yaml\"\n}\n",
		"flow-greeting/greeting.yaml": `inboundCall:
  name: Greeting line
  startUpRef: "/inboundCall/tasks/task[Greet_1]"
  initialGreeting:
    exp: AudioPlaybackOptions(ToAudio(Prompt.Welcome_greeting), true)
  tasks:
    - task:
        name: Greet
        refId: Greet_1
        actions:
          - dataTableLookup:
              name: Look up caller
              lookupValue:
                exp: Call.Ani
              dataTable:
                Known Callers:
                  failureOutputs:
                    errorType:
                      noValue: true
`,
	}
	for rel, content := range files {
		p := filepath.Join(root, filepath.FromSlash(rel))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	wantEdgeRefs(t, root, "flow-greeting", "shared-architect",
		"genesyscloud_architect_user_prompt Welcome_greeting", "genesyscloud_architect_datatable Known Callers")
}
