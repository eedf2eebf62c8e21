package tofu

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/cxascode/cxascode/internal/workspace"
	"github.com/zclconf/go-cty/cty"
)

// recordingTofu is a tofu that answers `version` and otherwise writes its arguments and
// plugin cache to $RECORD, then exits with $EXIT (plan's 2: changes; apply succeeds then).
func recordingTofu(t *testing.T) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "tofu")
	script := `#!/bin/sh
if [ "$1" = "version" ]; then echo '{"terraform_version":"1.10.6","platform":"linux_amd64","provider_selections":{},"terraform_outdated":false}'; exit 0; fi
echo "$* cache=$TF_PLUGIN_CACHE_DIR" >> "$RECORD"
if [ "$1" = "apply" ] && [ "$EXIT" = 2 ]; then exit 0; fi
exit "${EXIT:-0}"
`
	if err := os.WriteFile(p, []byte(script), 0o755); err != nil {
		t.Fatal(err)
	}
	return p
}

func driverWorkspace(t *testing.T) *workspace.Workspace {
	t.Helper()
	root := t.TempDir()
	for name, content := range map[string]string{
		"cx.hcl":           "environment \"dev\" {\n  org = \"local:dev\"\n}\n",
		"p/main.tf":        "resource \"terraform_data\" \"x\" {}\n",
		"p/env/dev.tfvars": "",
	} {
		path := filepath.Join(root, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	ws, err := workspace.Load(root)
	if err != nil {
		t.Fatal(err)
	}
	return ws
}

// TestSessionPlansAppliesAndRefreshes drives a recording tofu through the commands the
// runner, drift and backport use: every one gets the local state and the environment's
// variables, the saved plan is applied as it is and removed afterwards.
func TestSessionPlansAppliesAndRefreshes(t *testing.T) {
	ctx := context.Background()
	ws := driverWorkspace(t)
	record := filepath.Join(t.TempDir(), "record")
	env := &Environment{Workspace: ws, Name: "dev", Tofu: recordingTofu(t), ProviderDir: t.TempDir(), Command: "test",
		ExtraEnv: map[string]string{"RECORD": record, "EXIT": "2"}}
	release, err := env.Hold(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer release()
	project := env.Project(ws.Project("p"))
	if !project.NeverApplied() {
		t.Error("a project without state should count as never applied")
	}
	session, err := project.Start("drift")
	if err != nil {
		t.Fatal(err)
	}
	defer session.Close()
	if filepath.Base(session.LogFile) != "p.drift.log" {
		t.Errorf("log %s", session.LogFile)
	}
	if err := session.PrepareBackend(); err != nil {
		t.Fatal(err)
	}
	if need, why := session.NeedsInit(); need {
		t.Errorf("a project of built-in resources needs no init (%s)", why)
	}
	plansDir := Path(env.Root(), "plans", "dev")
	plan, err := session.Plan(ctx, PlanOptions{Dir: plansDir, RefreshOnly: true, Parallelism: 3})
	if err != nil {
		t.Fatal(err)
	}
	if !plan.Changes {
		t.Error("exit code 2 means changes")
	}
	if err := session.Apply(ctx, plan, 0); err != nil {
		t.Fatal(err)
	}
	plan.Remove()
	if err := session.RefreshState(ctx); err != nil {
		t.Fatal(err)
	}
	b, _ := os.ReadFile(record)
	lines := strings.Split(strings.TrimSpace(string(b)), "\n")
	if len(lines) != 3 {
		t.Fatalf("commands:\n%s", b)
	}
	state := "-state=" + project.StatePath
	vars := "-var-file=" + filepath.Join(env.Root(), "p", "env", "dev.tfvars")
	cache := "cache=" + PluginCacheDir(env.Root())
	for i, want := range [][]string{
		{"plan ", "-refresh-only", "-parallelism=3", "-out=" + plansDir, state, vars, cache},
		{"apply ", state, plansDir, cache},
		{"apply ", "-refresh-only", state, vars, cache},
	} {
		for _, w := range want {
			if !strings.Contains(lines[i], w) {
				t.Errorf("command %d lacks %q: %s", i, w, lines[i])
			}
		}
	}
	if entries, _ := os.ReadDir(plansDir); len(entries) != 0 {
		t.Errorf("plans left behind: %v", entries)
	}
}

func TestFailedPlanLeavesNoFile(t *testing.T) {
	ctx := context.Background()
	ws := driverWorkspace(t)
	env := &Environment{Workspace: ws, Name: "dev", Tofu: recordingTofu(t), ProviderDir: t.TempDir(),
		ExtraEnv: map[string]string{"RECORD": filepath.Join(t.TempDir(), "record"), "EXIT": "1"}}
	release, err := env.Hold(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer release()
	session, err := env.Project(ws.Project("p")).Start("")
	if err != nil {
		t.Fatal(err)
	}
	defer session.Close()
	dir := Path(env.Root(), "plans", "dev")
	if _, err := session.Plan(ctx, PlanOptions{Dir: dir}); err == nil {
		t.Fatal("a failing plan should fail")
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("plans left behind: %v", entries)
	}
}

func TestTerraformGetsNoSharedPluginCache(t *testing.T) {
	for bin, want := range map[string]bool{"/usr/bin/tofu": true, "bin/tofu": true, "/usr/bin/terraform": false, "terraform.exe": false} {
		if got := sharesPluginCache(bin); got != want {
			t.Errorf("%s: %v, want %v", bin, got, want)
		}
	}
}

func TestNeedsInit(t *testing.T) {
	for _, tt := range []struct {
		src  string
		need bool
		why  string
	}{
		{`resource "genesyscloud_routing_skill" "s" {}` + "\n" + `resource "terraform_data" "d" {}`, false, ""},
		{`module "m" { source = "./m" }`, true, "module"},
		{`resource "random_id" "r" {}`, true, "provider of random_id"},
		{`provider "aws" {}`, true, "provider aws"},
		{`terraform {` + "\n" + `backend "s3" {}` + "\n}", true, "backend"},
		{`terraform {` + "\n" + `required_providers {` + "\n" + `null = {}` + "\n}\n}", true, "provider null"},
		{`this is { not hcl`, false, ""},
	} {
		dir := t.TempDir()
		if err := os.WriteFile(filepath.Join(dir, "main.tf"), []byte(tt.src), 0o644); err != nil {
			t.Fatal(err)
		}
		if need, why := needsInit(dir, true); need != tt.need || why != tt.why {
			t.Errorf("%q: %v %q, want %v %q", tt.src, need, why, tt.need, tt.why)
		}
	}
	if need, why := needsInit(t.TempDir(), false); !need || why != "backend" {
		t.Errorf("a remote backend always needs init: %v %q", need, why)
	}
}

func TestBackendConfig(t *testing.T) {
	settings := map[string]cty.Value{"bucket": cty.StringVal("b"), "port": cty.NumberIntVal(5432), "encrypt": cty.True, "skip": cty.NullVal(cty.String)}
	if got := strings.Join(backendConfig(settings, false), " "); got != "bucket=b encrypt=true port=5432" {
		t.Errorf("got %q", got)
	}
	if got := backendConfig(settings, true); got != nil {
		t.Errorf("a local backend takes no -backend-config: %v", got)
	}
}

func TestErrorSummaries(t *testing.T) {
	err := errors.New("exit status 1\n\n╷\n│ Error: Invalid reference\n│ \n│   on main.tf line 3:\n│ A reference to a resource type must be followed by a name.\n╵\n")
	if got, want := SummarizeError(err), "Error: Invalid reference on main.tf line 3: A reference to a resource type must be followed by a name."; got != want {
		t.Errorf("SummarizeError: %q, want %q", got, want)
	}
	if got, want := FirstError(err), "Error: Invalid reference: on main.tf line 3:"; got != want {
		t.Errorf("FirstError: %q, want %q", got, want)
	}
	if got := FirstError(errors.New(" no diagnostics ")); got != "no diagnostics" {
		t.Errorf("FirstError without Error: %q", got)
	}
}
