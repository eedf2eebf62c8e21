package cli

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/cxascode/cxascode/internal/orgserver"
	"github.com/cxascode/cxascode/internal/runner"
	"github.com/cxascode/cxascode/internal/target"
	"github.com/cxascode/cxascode/internal/test"
	"github.com/cxascode/cxascode/internal/workspace"
	"github.com/zclconf/go-cty/cty"
)

func writeTestFile(t *testing.T, path, content string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

const sharedSkills = `terraform {
  required_providers {
    genesyscloud = {
      source = "mypurecloud/genesyscloud"
    }
  }
}

resource "genesyscloud_routing_skill" "general" {
  name = "Cx Init Skill"
}
`

// TestGraphCommand renders a workspace's graph through the command line.
func TestGraphCommand(t *testing.T) {
	root := t.TempDir()
	writeTestFile(t, filepath.Join(root, "shared-skills", "main.tf"), sharedSkills)
	writeTestFile(t, filepath.Join(root, "flow-x", "main.tf"), `data "genesyscloud_routing_skill" "g" {
  name = "cx init skill"
}
`)
	var out, errOut bytes.Buffer
	if code := Main([]string{"graph", "-C", root, "--format", "mermaid"}, &out, &errOut); code != 0 {
		t.Fatalf("exit %d: %s", code, errOut.String())
	}
	if !strings.Contains(out.String(), "flow-x") || !strings.Contains(out.String(), "shared-skills") || !strings.Contains(out.String(), "-->") {
		t.Errorf("mermaid graph lacks the edge:\n%s", out.String())
	}
	if code := Main([]string{"graph", "-C", root, "--format", "nope"}, &out, &errOut); code != 1 {
		t.Errorf("unknown format: exit %d", code)
	}
}

// TestAccInitPlansCleanly scaffolds a project with cx init and plans it with the real
// OpenTofu and provider against an in-process local org holding the shared skill.
func TestAccInitPlansCleanly(t *testing.T) {
	if os.Getenv("TF_ACC") == "" || os.Getenv("TF_ACC_TERRAFORM_PATH") == "" {
		t.Skip("acceptance test: set TF_ACC=1 and TF_ACC_TERRAFORM_PATH to the tofu binary")
	}
	root := t.TempDir()
	writeTestFile(t, filepath.Join(root, "shared-skills", "main.tf"), sharedSkills)
	var out, errOut bytes.Buffer
	if code := Main([]string{"init", "flow-billing", "-C", root}, &out, &errOut); code != 0 {
		t.Fatalf("cx init: exit %d: %s", code, errOut.String())
	}
	for _, f := range []string{"main.tf", "flows/flow-billing.yaml", "env/dev.tfvars", "env/test.tfvars", "env/prod.tfvars"} {
		if _, err := os.Stat(filepath.Join(root, "flow-billing", f)); err != nil {
			t.Errorf("cx init did not write %s: %v", f, err)
		}
	}
	if code := Main([]string{"init", "flow-billing", "-C", root}, &out, &errOut); code != 1 {
		t.Errorf("cx init over an existing project: exit %d", code)
	}

	providerDir := t.TempDir()
	build := exec.Command("go", "build", "-o", filepath.Join(providerDir, target.ProviderBinary), "github.com/cxascode/cxascode/cmd/terraform-provider-genesyscloud")
	if b, err := build.CombinedOutput(); err != nil {
		t.Fatalf("build provider: %v\n%s", err, b)
	}
	ts := orgserver.NewTestServer(t)
	cred := ts.Credential(t, "dev", "deploy")
	orgEnv, err := target.OrgEnv(ts.URL, cred.ClientID, cred.ClientSecret)
	if err != nil {
		t.Fatal(err)
	}
	ws, err := workspace.Load(root)
	if err != nil {
		t.Fatal(err)
	}
	g, diags := workspace.BuildGraph(ws)
	if e := g.Edge("flow-billing", "shared-skills"); e == nil {
		t.Fatalf("the scaffold should depend on shared-skills by name; diagnostics: %v", diags)
	}
	var progress bytes.Buffer
	res, err := runner.Run(context.Background(), runner.Options{Workspace: ws, Graph: g, Env: "dev", Action: runner.ActionApply,
		Projects: []string{"shared-skills"}, Tofu: os.Getenv("TF_ACC_TERRAFORM_PATH"), ProviderDir: providerDir, OrgEnv: orgEnv, Progress: &progress})
	if err != nil || res.ExitCode != 0 {
		t.Fatalf("apply shared-skills: %v %+v\n%s", err, res, progress.String())
	}
	res, err = runner.Run(context.Background(), runner.Options{Workspace: ws, Graph: g, Env: "dev", Action: runner.ActionPlan,
		Projects: []string{"flow-billing"}, Tofu: os.Getenv("TF_ACC_TERRAFORM_PATH"), ProviderDir: providerDir, OrgEnv: orgEnv, Progress: &progress})
	if err != nil {
		t.Fatal(err)
	}
	if p := res.Project("flow-billing"); p == nil || p.Status != runner.StatusChanges || p.Add != 1 || res.ExitCode != 2 {
		t.Fatalf("the scaffold should plan one queue to add: %+v\n%s", res, progress.String())
	}
}

// TestInitScaffoldsTests: cx init writes a test file that parses, and its call test parses
// too once uncommented with the number it dials.
func TestInitScaffoldsTests(t *testing.T) {
	root := t.TempDir()
	writeTestFile(t, filepath.Join(root, "cx.hcl"), "environment \"dev\" {\n  org = \"local:dev\"\n}\n")
	if _, err := scaffoldProject(root, "flow-claims", "", ""); err != nil {
		t.Fatal(err)
	}
	rel := "flow-claims/tests/flow-claims.cxtest.hcl"
	src := readTestFile(t, filepath.Join(root, filepath.FromSlash(rel)))
	tests, err := test.ParseFile(rel, "flow-claims", []byte(src), nil)
	if err != nil || len(tests) != 1 || tests[0].Object == nil || tests[0].Object.Name != "Claims" {
		t.Fatalf("scaffolded tests = %+v, %v", tests, err)
	}
	var uncommented []string
	for _, line := range strings.Split(src, "\n") {
		prose := strings.HasPrefix(line, "# Once") || strings.HasPrefix(line, "# Post-deploy")
		if !prose && strings.HasPrefix(line, "#") {
			line = strings.TrimPrefix(strings.TrimPrefix(line, "#"), " ")
		}
		uncommented = append(uncommented, line)
	}
	vars := map[string]cty.Value{"ivr_dnis": cty.ListVal([]cty.Value{cty.StringVal("+13175550001")})}
	tests, err = test.ParseFile(rel, "flow-claims", []byte(strings.Join(uncommented, "\n")), vars)
	if err != nil || len(tests) != 2 || tests[1].Call.Expect.Target != "Claims" || tests[1].Call.Expect.Flows[0] != "Claims" {
		t.Fatalf("the call test, uncommented: %+v, %v", tests, err)
	}
}
