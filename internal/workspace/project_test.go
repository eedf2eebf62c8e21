package workspace

import (
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestLoadContactCenter(t *testing.T) {
	t.Parallel()
	ws, err := Load(filepath.Join("testdata", "contact-center"))
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, p := range ws.Projects {
		names = append(names, p.Name)
	}
	if diff := cmp.Diff([]string{"flow-billing", "shared-schedules", "shared-skills"}, names); diff != "" {
		t.Fatalf("projects (-want +got):\n%s", diff)
	}
	p := ws.Project("flow-billing")
	wantDeclares := []Object{
		// The flow's name comes from its YAML, found through ${path.module}.
		{Type: "genesyscloud_flow", Name: "Billing IVR", Address: "genesyscloud_flow.billing", Pos: Pos{File: "flow-billing/flows/billing.yaml", Line: 2, Column: 9}},
		{Type: "genesyscloud_routing_queue", Name: "Billing", Address: "genesyscloud_routing_queue.billing", Pos: Pos{File: "flow-billing/main.tf", Line: 15, Column: 10}},
	}
	if diff := cmp.Diff(wantDeclares, p.Declares); diff != "" {
		t.Errorf("Declares (-want +got):\n%s", diff)
	}
	wantRefers := []Ref{
		// "{{hours}}" resolved through the resource's substitutions map.
		{Type: "genesyscloud_architect_schedulegroups", Name: "Billing Hours", Via: "flow", Kind: "scheduleGroup", Pos: Pos{File: "flow-billing/flows/billing.yaml", Line: 23, Column: 25}},
		{Type: "genesyscloud_routing_queue", Name: "Billing", Via: "flow", Kind: "queue", Pos: Pos{File: "flow-billing/flows/billing.yaml", Line: 35, Column: 25}},
		{Type: "genesyscloud_routing_skill", Name: "Billing", Via: "flow", Kind: "skill", Pos: Pos{File: "flow-billing/flows/billing.yaml", Line: 39, Column: 29}},
		{Type: "genesyscloud_routing_skill", Name: "billing", Via: "data", Pos: Pos{File: "flow-billing/main.tf", Line: 11, Column: 10}},
	}
	if diff := cmp.Diff(wantRefers, p.Refers); diff != "" {
		t.Errorf("Refers (-want +got):\n%s", diff)
	}
	wantEnv := map[string]EnvFiles{
		"dev":  {Vars: "flow-billing/env/dev.tfvars"},
		"prod": {Substitutions: "flow-billing/env/prod.substitutions.yaml"},
	}
	if diff := cmp.Diff(wantEnv, p.Environments); diff != "" {
		t.Errorf("Environments (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]string{"flow-billing/flow.tf", "flow-billing/main.tf"}, p.Files); diff != "" {
		t.Errorf("Files (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]string{"flow-billing/flows/billing.yaml"}, p.Reads); diff != "" {
		t.Errorf("Reads (-want +got):\n%s", diff)
	}
	if len(p.Unknown) != 0 || len(p.Diagnostics) != 0 {
		t.Errorf("Unknown = %v, Diagnostics = %v; want none", p.Unknown, p.Diagnostics)
	}
}

func TestDiscovery(t *testing.T) {
	t.Parallel()
	base := t.TempDir()
	writeFiles(t, base, map[string]string{
		"ws/cx.hcl":                   "projects {\n  include = [\"*\", \"../billing-repo/flow-*\"]\n  exclude = [\"flow-legacy\"]\n}\n",
		"ws/shared-skills/main.tf":    "",
		"ws/flow-legacy/main.tf":      "",
		"ws/docs/README.md":           "no .tf files: not a project",
		"ws/.terraform/modules/x.tf":  "",
		"ws/.cx/x.tf":                 "",
		"billing-repo/flow-x/main.tf": "",
		"billing-repo/other/main.tf":  "",
	})
	ws, err := Load(filepath.Join(base, "ws"))
	if err != nil {
		t.Fatal(err)
	}
	var dirs []string
	for _, p := range ws.Projects {
		dirs = append(dirs, p.Name+"="+p.Dir)
	}
	if diff := cmp.Diff([]string{"flow-x=../billing-repo/flow-x", "shared-skills=shared-skills"}, dirs); diff != "" {
		t.Errorf("projects (-want +got):\n%s", diff)
	}
}

func TestDuplicateProjectName(t *testing.T) {
	t.Parallel()
	base := t.TempDir()
	writeFiles(t, base, map[string]string{
		"ws/cx.hcl":            `projects { include = ["flow-*", "../other/flow-*"] }`,
		"ws/flow-x/main.tf":    "",
		"other/flow-x/main.tf": "",
	})
	_, err := Load(filepath.Join(base, "ws"))
	want := `two projects are named "flow-x": ../other/flow-x and flow-x; rename one directory (a project's name is its directory name)`
	if err == nil || err.Error() != want {
		t.Errorf("error = %v, want %s", err, want)
	}
}

func TestScanUnknownAndProblems(t *testing.T) {
	t.Parallel()
	root := t.TempDir()
	writeFiles(t, root, map[string]string{
		"p/main.tf": `
resource "genesyscloud_routing_queue" "q" {
  name = "${var.prefix} Queue"
}
resource "genesyscloud_flow" "missing" {
  filepath = "flows/missing.yaml"
}
resource "genesyscloud_flow" "computed" {
  filepath = var.flow_file
}
resource "genesyscloud_flow" "dynamic" {
  filepath = "flows/dynamic.yaml"
}
data "genesyscloud_user" "by_email" {
  email = "a@example.com"
}
resource "aws_s3_bucket" "not_ours" {
  bucket = "x"
}
`,
		"p/flows/dynamic.yaml": `inboundCall:
  name: Dynamic
  startUpRef: "/inboundCall/tasks/task[t]"
  tasks:
    - task:
        name: T
        refId: t
        actions:
          - transferToAcd:
              name: Transfer
              targetQueue:
                exp: FindQueue(State.QueueName)
              failureOutputs:
                errorType:
                  noValue: true
          - transferToAcd:
              name: Transfer
              targetQueue:
                lit:
                  name: "{{queue}}"
`,
		"p/broken.tf": "resource \"genesyscloud_routing_skill\" {\n",
	})
	p, err := ScanProject(root, "p", nil)
	if err != nil {
		t.Fatal(err)
	}
	wantUnknown := []Unknown{
		{Address: "genesyscloud_routing_queue.q", Reason: "name is not a literal string", Pos: Pos{File: "p/main.tf", Line: 3, Column: 10}},
		{Address: "genesyscloud_flow.computed", Reason: "filepath is not a literal path (only ${path.module} is understood)", Pos: Pos{File: "p/main.tf", Line: 9, Column: 14}},
		{Address: "genesyscloud_flow.dynamic", Reason: `queue "{{queue}}" uses an unresolved substitution`, Pos: Pos{File: "p/flows/dynamic.yaml", Line: 20, Column: 25}},
		{Address: "genesyscloud_flow.dynamic", Reason: "queue looked up at run time by State.QueueName", Pos: Pos{File: "p/flows/dynamic.yaml", Line: 12, Column: 22}},
	}
	if diff := cmp.Diff(wantUnknown, p.Unknown); diff != "" {
		t.Errorf("Unknown (-want +got):\n%s", diff)
	}
	var got []string
	for _, d := range p.Diagnostics {
		got = append(got, d.String())
	}
	want := []string{
		"p/broken.tf:1:39: project p: Unclosed configuration block: There is no closing brace for this block before the end of the file. This may be caused by incorrect brace nesting elsewhere in this file.",
		"p/main.tf:6:14: genesyscloud_flow.missing: cannot read flow file p/flows/missing.yaml: no such file or directory",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Diagnostics (-want +got):\n%s", diff)
	}
	if len(p.Refers) != 0 {
		t.Errorf("Refers = %v, want none (lookups by email name nothing)", p.Refers)
	}
}
