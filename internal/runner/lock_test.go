package runner_test

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/cxascode/cxascode/internal/runner"
	"github.com/cxascode/cxascode/internal/workspace"
)

// fakeTofu is a tofu that fails every command after $FAKE_TOFU_SLEEP seconds: enough for
// the runner to go through a run (each project fails) without OpenTofu.
func fakeTofu(t *testing.T) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "tofu")
	script := "#!/bin/sh\nsleep \"${FAKE_TOFU_SLEEP:-0}\"\necho 'Error: fake tofu' >&2\nexit 1\n"
	if err := os.WriteFile(p, []byte(script), 0o755); err != nil {
		t.Fatal(err)
	}
	return p
}

// fakeWorkspace has environments dev and test and two projects, flow-a depending on
// shared-skills through a lookup of its skill by name.
func fakeWorkspace(t *testing.T) string {
	t.Helper()
	root := t.TempDir()
	writeFiles(t, root, map[string]string{
		"cx.hcl": "environment \"dev\" {\n  org = \"local:dev\"\n}\n\nenvironment \"test\" {\n  org = \"local:test\"\n}\n",
		"shared-skills/main.tf": providerBlock + `
resource "genesyscloud_routing_skill" "s" {
  name = "Cx Runner Skill"
}
`,
		"flow-a/main.tf": flowProject("Cx Runner A", "first"),
	})
	return root
}

func fakeRun(t *testing.T, root string, o runner.Options) (*runner.Result, string, error) {
	t.Helper()
	ws, err := workspace.Load(root)
	if err != nil {
		t.Fatal(err)
	}
	g, diags := workspace.BuildGraph(ws)
	if workspace.Diagnostics(diags).HasErrors() {
		t.Fatalf("graph: %s", workspace.Diagnostics(diags))
	}
	var progress bytes.Buffer
	o.Workspace, o.Graph, o.ProviderDir, o.Progress = ws, g, t.TempDir(), &progress
	if o.Env == "" {
		o.Env = "dev"
	}
	res, err := runner.Run(context.Background(), o)
	return res, progress.String(), err
}

// TestRunLocksTheEnvironment runs a slow apply and, while it runs, a plan of the same
// environment that may not wait (it fails naming the apply), one that waits (it runs after
// the apply), and a plan of another environment (it runs at once).
func TestRunLocksTheEnvironment(t *testing.T) {
	root := fakeWorkspace(t)
	tofu := fakeTofu(t)
	slow := map[string]string{"FAKE_TOFU_SLEEP": "1"}

	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		if _, _, err := fakeRun(t, root, runner.Options{Action: runner.ActionApply, Tofu: tofu, ExtraEnv: slow, Parallel: 1}); err != nil {
			t.Errorf("first apply: %v", err)
		}
	}()
	lockFile := filepath.Join(root, ".cx", "locks", "dev.lock")
	for deadline := time.Now().Add(10 * time.Second); ; time.Sleep(20 * time.Millisecond) {
		if b, _ := os.ReadFile(lockFile); len(b) > 0 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("the apply never took the environment's lock")
		}
	}

	_, _, err := fakeRun(t, root, runner.Options{Action: runner.ActionPlan, Tofu: tofu, LockTimeout: -1})
	want := fmt.Sprintf("environment dev is in use by pid %d (cx apply --env dev since ", os.Getpid())
	if err == nil || !strings.Contains(err.Error(), want) {
		t.Errorf("a second run on dev: %v, want an error containing %q", err, want)
	}

	start := time.Now()
	if res, _, err := fakeRun(t, root, runner.Options{Env: "test", Action: runner.ActionPlan, Tofu: tofu}); err != nil || len(res.Projects) != 2 {
		t.Errorf("a run on another environment: %v", err)
	} else if d := time.Since(start); d > 1500*time.Millisecond {
		t.Errorf("a run on another environment took %s: it waited for dev's lock", d)
	}

	res, progress, err := fakeRun(t, root, runner.Options{Action: runner.ActionPlan, Tofu: tofu, LockTimeout: time.Minute})
	wg.Wait()
	if err != nil {
		t.Fatalf("a waiting run on dev: %v", err)
	}
	if !strings.Contains(progress, fmt.Sprintf("waiting for the lock held by pid %d (cx apply --env dev since ", os.Getpid())) {
		t.Errorf("the waiting run should say whom it waits for:\n%s", progress)
	}
	if len(res.Projects) != 2 {
		t.Errorf("waiting run: %+v", res)
	}
	// Plans are files of each run's own, removed after use.
	if entries, err := os.ReadDir(filepath.Join(root, ".cx", "plans", "dev")); err != nil || len(entries) != 0 {
		t.Errorf("plans left behind: %v %v", entries, err)
	}
}

func TestPartialDestroyRefusesWithDependents(t *testing.T) {
	root := fakeWorkspace(t)
	tofu := fakeTofu(t)
	_, _, err := fakeRun(t, root, runner.Options{Action: runner.ActionDestroy, Projects: []string{"shared-skills"}, Tofu: tofu})
	if err == nil || !strings.Contains(err.Error(), "flow-a depend on shared-skills") || !strings.Contains(err.Error(), "--force") ||
		!strings.Contains(err.Error(), "cx destroy --env dev shared-skills flow-a") {
		t.Errorf("destroying shared-skills alone: %v", err)
	}
	for _, o := range []runner.Options{
		{Action: runner.ActionDestroy, Projects: []string{"shared-skills"}, Force: true},
		{Action: runner.ActionDestroy, Projects: []string{"shared-skills", "flow-a"}},
		{Action: runner.ActionDestroy, Projects: []string{"flow-a"}},
		{Action: runner.ActionPlan, Projects: []string{"shared-skills"}},
	} {
		o.Tofu = tofu
		if _, _, err := fakeRun(t, root, o); err != nil {
			t.Errorf("%s %v (force %v): %v", o.Action, o.Projects, o.Force, err)
		}
	}
}

func TestRunKeepsCXPrivateAndRemovesStaleBackendOverride(t *testing.T) {
	root := fakeWorkspace(t)
	if err := os.Mkdir(filepath.Join(root, ".cx"), 0o755); err != nil { // as older cx made it
		t.Fatal(err)
	}
	stale := filepath.Join(root, "shared-skills", "cx_backend_override.tf")
	writeFiles(t, root, map[string]string{"shared-skills/cx_backend_override.tf": "terraform {\n  backend \"s3\" {}\n}\n"})
	if _, _, err := fakeRun(t, root, runner.Options{Action: runner.ActionPlan, Tofu: fakeTofu(t)}); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(stale); !os.IsNotExist(err) {
		t.Errorf("a local backend must remove the override left by a remote one: %v", err)
	}
	for _, d := range []string{".cx", ".cx/plans/dev", ".cx/logs/dev", ".cx/tofu/dev/shared-skills", ".cx/locks", ".cx/state/dev"} {
		st, err := os.Stat(filepath.Join(root, filepath.FromSlash(d)))
		if err != nil {
			t.Errorf("%s: %v", d, err)
			continue
		}
		if st.Mode().Perm() != 0o700 {
			t.Errorf("%s is %v, want 0700", d, st.Mode().Perm())
		}
	}
}
