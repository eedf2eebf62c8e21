package drift

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/cxascode/cxascode/internal/runner"
	"github.com/cxascode/cxascode/internal/target"
	"github.com/cxascode/cxascode/internal/workspace"
)

// accTofu skips unless acceptance tests are enabled, like the provider's and the runner's:
// TF_ACC=1 and TF_ACC_TERRAFORM_PATH naming the OpenTofu binary.
func accTofu(t *testing.T) string {
	t.Helper()
	if os.Getenv("TF_ACC") == "" {
		t.Skip("acceptance test: set TF_ACC=1 and TF_ACC_TERRAFORM_PATH to the tofu binary")
	}
	tofu := os.Getenv("TF_ACC_TERRAFORM_PATH")
	if tofu == "" {
		t.Skip("TF_ACC_TERRAFORM_PATH is not set")
	}
	return tofu
}

const accProviderBlock = `terraform {
  required_providers {
    genesyscloud = {
      source = "mypurecloud/genesyscloud"
    }
  }
}
`

// TestAccManagedDrift applies a two-project workspace with the real OpenTofu and provider,
// checks that drift finds nothing right after the apply, then changes a queue's alerting
// timeout as another client and creates a queue by hand: drift reports exactly those two,
// with the attribute's old and new values and who made each change.
func TestAccManagedDrift(t *testing.T) {
	tofu := accTofu(t)
	o := newTestOrg(t)
	ctx := context.Background()
	cred := o.ts.Credential(t, "dev", "deploy")
	orgEnv, err := target.OrgEnv(o.ts.URL, cred.ClientID, cred.ClientSecret)
	if err != nil {
		t.Fatal(err)
	}
	providerDir := t.TempDir()
	build := exec.Command("go", "build", "-o", filepath.Join(providerDir, target.ProviderBinary), "github.com/cxascode/cxascode/cmd/terraform-provider-genesyscloud")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("build provider: %v\n%s", err, out)
	}

	root := t.TempDir()
	files := map[string]string{
		"cx.hcl": "environment \"dev\" {\n  org = \"local:dev\"\n}\n",
		"shared-skills/main.tf": accProviderBlock + `
resource "genesyscloud_routing_skill" "billing" {
  name = "Cx Drift Billing"
}
`,
		"shared-queues/main.tf": accProviderBlock + `
resource "genesyscloud_routing_queue" "support" {
  name        = "Cx Drift Support"
  description = "Support line"
  media_settings_call {
    alerting_timeout_sec = 8
  }
}
`,
	}
	for name, content := range files {
		p := filepath.Join(root, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	ws, err := workspace.Load(root)
	if err != nil {
		t.Fatal(err)
	}
	g, diags := workspace.BuildGraph(ws)
	if workspace.Diagnostics(diags).HasErrors() {
		t.Fatalf("graph: %s", workspace.Diagnostics(diags))
	}
	var progress bytes.Buffer
	res, err := runner.Run(ctx, runner.Options{Workspace: ws, Graph: g, Env: "dev", Action: runner.ActionApply,
		Tofu: tofu, ProviderDir: providerDir, OrgEnv: orgEnv, Progress: &progress})
	if err != nil || res.ExitCode != 0 {
		t.Fatalf("apply: %v %+v\n%s", err, res, progress.String())
	}

	detect := func() *Report {
		t.Helper()
		planner := &TofuPlanner{Workspace: ws, Env: "dev", Tofu: tofu, ProviderDir: providerDir, OrgEnv: orgEnv}
		rep, err := Detect(ctx, Options{Workspace: ws, Env: "dev", Planner: planner, Client: o.deploy})
		if err != nil {
			t.Fatal(err)
		}
		var out bytes.Buffer
		rep.WriteTable(&out)
		t.Logf("drift:\n%s", out.String())
		return rep
	}

	rep := detect()
	if rep.ExitCode() != ExitInSync || len(rep.Findings) != 0 {
		t.Fatalf("right after apply: exit %d, findings %+v, errors %+v", rep.ExitCode(), rep.Findings, rep.Errors)
	}
	if len(rep.Checked) != 2 || len(rep.Projects) != 2 {
		t.Errorf("checked %+v, projects %v", rep.Checked, rep.Projects)
	}

	var queueID string
	for _, c := range rep.Checked {
		if c.Address == "genesyscloud_routing_queue.support" {
			queueID = c.ID
		}
	}
	setAlertingTimeout(t, o.console, queueID, 30)
	hand := o.createQueue(t, o.console, "Cx Drift Hand Made")

	rep = detect()
	if rep.ExitCode() != ExitDrift || len(rep.Findings) != 2 || len(rep.Errors) != 0 {
		t.Fatalf("after console changes: exit %d, findings %+v, errors %+v", rep.ExitCode(), rep.Findings, rep.Errors)
	}
	m, u := rep.Findings[0], rep.Findings[1]
	if m.Kind != KindManaged || m.Project != "shared-queues" || m.Address != "genesyscloud_routing_queue.support" || m.ID != queueID {
		t.Errorf("managed finding %+v", m)
	}
	if len(m.Attributes) != 1 || m.Attributes[0].Path != "media_settings_call[0].alerting_timeout_sec" ||
		m.Attributes[0].Old != 8.0 || m.Attributes[0].New != 30.0 {
		t.Errorf("managed attributes %+v", m.Attributes)
	}
	if a := m.Attribution; a == nil || a.Who != "console" || a.Action != "Update" || a.When.IsZero() {
		t.Errorf("managed attribution %+v", a)
	}
	if u.Kind != KindUnmanaged || u.ID != hand || u.Attribution == nil || u.Attribution.Who != "console" {
		t.Errorf("unmanaged finding %+v (attribution %+v)", u, u.Attribution)
	}
}
