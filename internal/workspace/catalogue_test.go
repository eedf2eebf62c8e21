package workspace

import (
	"testing"
)

// The graph matches Archy references through the catalogue: an emergency group a flow
// evaluates is the genesyscloud_architect_emergencygroup another project declares.
func TestGraphMatchesArchyEmergencyGroup(t *testing.T) {
	t.Parallel()
	root := t.TempDir()
	writeFiles(t, root, map[string]string{
		"cx.hcl":                   "environment \"dev\" {\n  org = \"local:dev\"\n}\n",
		"shared-emergency/main.tf": "resource \"genesyscloud_architect_emergencygroup\" \"storm\" {\n  name = \"Storm Emergency\"\n}\n",
		"flow-main/main.tf":        "resource \"genesyscloud_flow\" \"main\" {\n  filepath = \"${path.module}/main.yaml\"\n}\n",
		"flow-main/main.yaml": `inboundCall:
  name: Main
  startUpRef: "/inboundCall/tasks/task[Start_1]"
  tasks:
    - task:
        name: Start
        refId: Start_1
        actions:
          - evaluateScheduleGroup:
              name: Evaluate
              scheduleGroup:
                noValue: true
              emergencyGroup:
                lit:
                  name: storm emergency
`,
	})
	ws, err := Load(root)
	if err != nil {
		t.Fatal(err)
	}
	g, diags := BuildGraph(ws)
	if Diagnostics(diags).HasErrors() {
		t.Fatalf("diagnostics:\n%s", Diagnostics(diags))
	}
	e := g.Edge("flow-main", "shared-emergency")
	if e == nil || len(e.Refs) != 1 {
		t.Fatalf("edge flow-main → shared-emergency: %+v", e)
	}
	if r := e.Refs[0]; r.Type != "genesyscloud_architect_emergencygroup" || r.Kind != "emergencyGroup" || r.Via != "flow" {
		t.Errorf("reference %+v", r)
	}
}
