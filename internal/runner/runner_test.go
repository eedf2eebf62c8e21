package runner_test

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/cxascode/cxascode/internal/orgserver"
	"github.com/cxascode/cxascode/internal/platform"
	"github.com/cxascode/cxascode/internal/runner"
	"github.com/cxascode/cxascode/internal/target"
	"github.com/cxascode/cxascode/internal/workspace"
)

// accTofu skips unless acceptance tests are enabled, like the provider's: TF_ACC=1 and
// TF_ACC_TERRAFORM_PATH naming the OpenTofu binary.
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

// devOrg starts an in-process local org and returns the provider's environment for its dev
// org's deploy client and an API client of the same.
func devOrg(t *testing.T) (map[string]string, *platform.Client) {
	t.Helper()
	ts := orgserver.NewTestServer(t)
	cred := ts.Credential(t, "dev", "deploy")
	orgEnv, err := target.OrgEnv(ts.URL, cred.ClientID, cred.ClientSecret)
	if err != nil {
		t.Fatal(err)
	}
	api, err := platform.New(platform.Config{BaseURL: ts.URL, ClientID: cred.ClientID, ClientSecret: cred.ClientSecret, RateLimitPerMinute: -1})
	if err != nil {
		t.Fatal(err)
	}
	return orgEnv, api
}

// buildProvider builds the provider plugin into a temp dir and returns the dir.
func buildProvider(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	cmd := exec.Command("go", "build", "-o", filepath.Join(dir, target.ProviderBinary), "github.com/cxascode/cxascode/cmd/terraform-provider-genesyscloud")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("build provider: %v\n%s", err, out)
	}
	return dir
}

const providerBlock = `terraform {
  required_providers {
    genesyscloud = {
      source = "mypurecloud/genesyscloud"
    }
  }
}
`

func flowProject(queue, description string) string {
	return providerBlock + `
variable "description" {
  type    = string
  default = "` + description + `"
}

data "genesyscloud_routing_skill" "shared" {
  name = "Cx Runner Skill"
}

resource "genesyscloud_routing_queue" "q" {
  name        = "` + queue + `"
  description = var.description
}
`
}

func writeFiles(t *testing.T, root string, files map[string]string) {
	t.Helper()
	for name, content := range files {
		p := filepath.Join(root, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

type harness struct {
	t           *testing.T
	root        string
	tofu        string
	providerDir string
	orgEnv      map[string]string
	findByName  runner.FindByName
	// progress is the last run's progress output.
	progress string
}

func (h *harness) run(action runner.Action, parallel int, projects ...string) *runner.Result {
	h.t.Helper()
	ws, err := workspace.Load(h.root)
	if err != nil {
		h.t.Fatal(err)
	}
	g, diags := workspace.BuildGraph(ws)
	if workspace.Diagnostics(diags).HasErrors() {
		h.t.Fatalf("graph: %s", workspace.Diagnostics(diags))
	}
	var progress bytes.Buffer
	res, err := runner.Run(context.Background(), runner.Options{
		Workspace: ws, Graph: g, Env: "dev", Action: action, Projects: projects, Parallel: parallel,
		Tofu: h.tofu, ProviderDir: h.providerDir, OrgEnv: h.orgEnv, FindByName: h.findByName, Progress: &progress,
	})
	if err != nil {
		h.t.Fatalf("%s: %v\n%s", action, err, progress.String())
	}
	var summary bytes.Buffer
	res.WriteSummary(&summary)
	h.t.Logf("%s:\n%s\n%s", action, progress.String(), summary.String())
	h.progress = progress.String()
	return res
}

func (h *harness) want(res *runner.Result, exit int, statuses map[string]runner.Status) {
	h.t.Helper()
	for p, want := range statuses {
		got := res.Project(p)
		if got == nil {
			h.t.Errorf("%s: no result for %s", res.Action, p)
			continue
		}
		if got.Status != want {
			h.t.Errorf("%s: %s is %q (%s), want %q", res.Action, p, got.Status, got.Error, want)
		}
	}
	if len(res.Projects) != len(statuses) {
		h.t.Errorf("%s: %d results, want %d", res.Action, len(res.Projects), len(statuses))
	}
	if res.ExitCode != exit {
		h.t.Errorf("%s: exit code %d, want %d", res.Action, res.ExitCode, exit)
	}
}

func orgObjects(t *testing.T, c *platform.Client) []string {
	t.Helper()
	ctx := context.Background()
	skills, err := platform.ListAll[platform.RoutingSkill](ctx, c, "/api/v2/routing/skills", nil, 0)
	if err != nil {
		t.Fatal(err)
	}
	queues, err := platform.ListAll[platform.Queue](ctx, c, "/api/v2/routing/queues", nil, 0)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, s := range skills {
		out = append(out, "skill "+*s.Name)
	}
	for _, q := range queues {
		out = append(out, "queue "+*q.Name)
	}
	slices.Sort(out)
	return out
}

// TestAccWorkspaceRun walks a three-project workspace through the whole life cycle with the
// real OpenTofu and provider against an in-process local org: a first plan (the flows'
// lookups wait for the shared skill), apply, an empty re-plan, a failure that skips its
// dependent while the rest completes, a re-run that finishes the job, and a destroy that
// leaves the org as seeded.
func TestAccWorkspaceRun(t *testing.T) {
	tofu := accTofu(t)
	orgEnv, api := devOrg(t)
	seeded := orgObjects(t, api)

	root := t.TempDir()
	writeFiles(t, root, map[string]string{
		"cx.hcl": `environment "dev" {
  org = "local:dev"
}
`,
		"shared-skills/main.tf": providerBlock + `
resource "genesyscloud_routing_skill" "s" {
  name = "Cx Runner Skill"
}
`,
		"flow-a/main.tf":        flowProject("Cx Runner A", "first"),
		"flow-b/main.tf":        flowProject("Cx Runner B", "first"),
		"flow-b/env/dev.tfvars": `description = "from dev.tfvars"` + "\n",
	})
	h := &harness{t: t, root: root, tofu: tofu, providerDir: buildProvider(t), orgEnv: orgEnv}

	// First plan on an empty org: the flows' lookups cannot resolve before the skill exists.
	// The flows start planning while shared-skills does; it has changes and there is no
	// speculative org here, so planning them again would change nothing: their early plans
	// stand, deferred.
	res := h.run(runner.ActionPlan, 4)
	h.want(res, 2, map[string]runner.Status{
		"shared-skills": runner.StatusChanges, "flow-a": runner.StatusDeferred, "flow-b": runner.StatusDeferred,
	})
	for _, f := range []string{"flow-a", "flow-b"} {
		if !regexp.MustCompile(`(?m)^\[.*\] `+f+` +started while its dependencies plan`).MatchString(h.progress) ||
			strings.Contains(h.progress, "plans again") || !strings.Contains(res.Project(f).Error, "waits for the changes of shared-skills") {
			t.Errorf("%s should start early and stand deferred on shared-skills (%s):\n%s", f, res.Project(f).Error, h.progress)
		}
	}
	res = h.run(runner.ActionApply, 4)
	h.want(res, 0, map[string]runner.Status{
		"shared-skills": runner.StatusApplied, "flow-a": runner.StatusApplied, "flow-b": runner.StatusApplied,
	})
	if res.Projects[0].Project != "shared-skills" || res.Projects[0].Add != 1 {
		t.Errorf("shared-skills should run first and add one skill: %+v", res.Projects[0])
	}
	queues, err := platform.ListAll[platform.Queue](context.Background(), api, "/api/v2/routing/queues", nil, 0)
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range queues {
		if *q.Name == "Cx Runner B" && (q.Description == nil || *q.Description != "from dev.tfvars") {
			t.Errorf("flow-b's queue should take its description from env/dev.tfvars: %+v", q.Description)
		}
	}
	for _, f := range []string{"flow-a/.terraform", "flow-a/terraform.tfstate", ".cx/state/dev/flow-a.tfstate", ".cx/.gitignore"} {
		_, err := os.Stat(filepath.Join(root, f))
		if inProject := !strings.HasPrefix(f, ".cx/"); inProject != os.IsNotExist(err) {
			t.Errorf("%s: exists=%v (nothing may be written into projects; state goes under .cx)", f, err == nil)
		}
	}

	// A plan with no changes keeps the flows' early plans.
	h.want(h.run(runner.ActionPlan, 4), 0, map[string]runner.Status{
		"shared-skills": runner.StatusNoChanges, "flow-a": runner.StatusNoChanges, "flow-b": runner.StatusNoChanges,
	})
	if !strings.Contains(h.progress, "started while its dependencies plan") || strings.Contains(h.progress, "plans again") {
		t.Errorf("with no changes in shared-skills the flows' early plans should stand:\n%s", h.progress)
	}
	// OpenTofu attached to the provider cx started instead of starting it itself: one process
	// served the plans of the projects with the same environment (the flows, started early,
	// plan with lookups that do not wait; shared-skills has a process of its own).
	attached := regexp.MustCompile(`OpenTofu attaches to the shared provider cx started \(pid (\d+),`)
	pids := map[string]string{}
	for _, p := range []string{"shared-skills", "flow-a", "flow-b"} {
		log, err := os.ReadFile(filepath.Join(root, ".cx", "logs", "dev", p+".log"))
		m := attached.FindSubmatch(log)
		if err != nil || m == nil {
			t.Errorf("%s's plan should run attached to the shared provider cx started (err %v):\n%s", p, err, log)
			continue
		}
		pids[p] = string(m[1])
	}
	if pids["flow-a"] != pids["flow-b"] {
		t.Errorf("flow-a and flow-b should share one provider process, got pids %v", pids)
	}
	// CX_PROVIDER_SHARED=0: a provider process per command, as before.
	t.Setenv("CX_PROVIDER_SHARED", "0")
	h.want(h.run(runner.ActionPlan, 4), 0, map[string]runner.Status{
		"shared-skills": runner.StatusNoChanges, "flow-a": runner.StatusNoChanges, "flow-b": runner.StatusNoChanges,
	})
	if log, err := os.ReadFile(filepath.Join(root, ".cx", "logs", "dev", "flow-a.log")); err != nil || !strings.Contains(string(log), "OpenTofu attaches to the provider cx started (pid") {
		t.Errorf("with CX_PROVIDER_SHARED=0 flow-a's plan should run attached to a process of its own (err %v):\n%s", err, log)
	}
	os.Unsetenv("CX_PROVIDER_SHARED")

	// flow-b breaks; flow-c looks up flow-b's queue by name, so it waits for flow-b.
	writeFiles(t, root, map[string]string{
		"flow-a/main.tf": flowProject("Cx Runner A", "second"),
		"flow-b/main.tf": strings.Replace(flowProject("Cx Runner B", "second"), "description = var.description",
			"description = var.description\n  skill_evaluation_method = \"BOGUS\"", 1),
		"flow-c/main.tf": providerBlock + `
data "genesyscloud_routing_queue" "b" {
  name = "Cx Runner B"
}

resource "genesyscloud_routing_queue" "c" {
  name = "Cx Runner C"
}
`,
	})
	res = h.run(runner.ActionApply, 2)
	h.want(res, 1, map[string]runner.Status{
		"shared-skills": runner.StatusNoChanges, "flow-a": runner.StatusApplied,
		"flow-b": runner.StatusFailed, "flow-c": runner.StatusSkipped,
	})
	if e := res.Project("flow-b").Error; !strings.Contains(e, "BOGUS") && !strings.Contains(strings.ToLower(e), "skill_evaluation_method") {
		t.Errorf("flow-b's error should name the bad value: %s", e)
	}
	if e := res.Project("flow-c").Error; !strings.Contains(e, "flow-b") {
		t.Errorf("flow-c should be skipped because of flow-b: %s", e)
	}
	var summary bytes.Buffer
	res.WriteSummary(&summary)
	for _, want := range []string{"1 failed", "1 skipped", "Exit code 1"} {
		if !strings.Contains(summary.String(), want) {
			t.Errorf("summary lacks %q:\n%s", want, summary.String())
		}
	}

	// Fixed: the re-run finishes the job.
	writeFiles(t, root, map[string]string{"flow-b/main.tf": flowProject("Cx Runner B", "second")})
	h.want(h.run(runner.ActionApply, 2), 0, map[string]runner.Status{
		"shared-skills": runner.StatusNoChanges, "flow-a": runner.StatusNoChanges,
		"flow-b": runner.StatusNoChanges, "flow-c": runner.StatusApplied,
	})

	// Destroy goes dependents first; the org is left as seeded.
	res = h.run(runner.ActionDestroy, 4)
	h.want(res, 0, map[string]runner.Status{
		"shared-skills": runner.StatusDestroyed, "flow-a": runner.StatusDestroyed,
		"flow-b": runner.StatusDestroyed, "flow-c": runner.StatusDestroyed,
	})
	if last := res.Projects[len(res.Projects)-1].Project; last != "shared-skills" {
		t.Errorf("destroy should end with shared-skills, ended with %s", last)
	}
	if got := orgObjects(t, api); !slices.Equal(got, seeded) {
		t.Errorf("after destroy the org holds %v, seeded with %v", got, seeded)
	}
}
