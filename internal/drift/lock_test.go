package drift

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/cxascode/cxascode/internal/tofu"
	"github.com/cxascode/cxascode/internal/workspace"
)

func lockWorkspace(t *testing.T) *workspace.Workspace {
	t.Helper()
	root := t.TempDir()
	if err := os.WriteFile(filepath.Join(root, "cx.hcl"), []byte("environment \"dev\" {\n  org = \"local:dev\"\n}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Join(root, "p"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(root, "p", "main.tf"), []byte("resource \"terraform_data\" \"x\" {}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	ws, err := workspace.Load(root)
	if err != nil {
		t.Fatal(err)
	}
	return ws
}

// TestTofuPlannerTakesTheEnvironmentLock: refresh-only plans wait for (here: fail on) a
// run holding the environment, and the planner's own plans share one hold.
func TestTofuPlannerTakesTheEnvironmentLock(t *testing.T) {
	ctx := context.Background()
	ws := lockWorkspace(t)
	p := ws.Project("p")
	held, err := tofu.LockEnv(ctx, ws.Root, "dev", "cx apply --env dev", 0, nil)
	if err != nil {
		t.Fatal(err)
	}
	planner := &TofuPlanner{Workspace: ws, Env: "dev", Tofu: "tofu", ProviderDir: t.TempDir(), LockTimeout: -1}
	_, err = planner.RefreshPlan(ctx, p)
	if want := fmt.Sprintf("in use by pid %d (cx apply --env dev since", os.Getpid()); err == nil || !strings.Contains(err.Error(), want) {
		t.Fatalf("refresh-only plan during an apply: %v, want %q", err, want)
	}
	held.Unlock()

	release, err := planner.Hold(ctx)
	if err != nil {
		t.Fatal(err)
	}
	// Never applied (no state): an empty plan, taken under the hold already there.
	if plan, err := planner.RefreshPlan(ctx, p); err != nil || len(plan.ResourceDrift) != 0 {
		t.Errorf("plan under the planner's own hold: %v", err)
	}
	if _, err := tofu.LockEnv(ctx, ws.Root, "dev", "cx apply --env dev", -1, nil); err == nil || !strings.Contains(err.Error(), "cx drift --env dev") {
		t.Errorf("an apply during the drift check: %v, want it refused naming cx drift", err)
	}
	release()
	release() // harmless
	l, err := tofu.LockEnv(ctx, ws.Root, "dev", "cx apply --env dev", -1, nil)
	if err != nil {
		t.Errorf("the planner's last release should free the environment: %v", err)
	}
	l.Unlock()
	if st, err := os.Stat(filepath.Join(ws.Root, ".cx")); err != nil || st.Mode().Perm() != 0o700 {
		t.Errorf(".cx: %v %v, want 0700", st.Mode(), err)
	}
}
