package backport

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/cxascode/cxascode/internal/drift"
	"github.com/cxascode/cxascode/internal/tofu"
	"github.com/cxascode/cxascode/internal/workspace"
)

// TestRefreshStateTakesTheEnvironmentLock: the refresh writes the state, so it may not run
// while another cx command holds the environment.
func TestRefreshStateTakesTheEnvironmentLock(t *testing.T) {
	ctx := context.Background()
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
	held, err := tofu.LockEnv(ctx, root, "dev", "cx destroy --env dev", 0, nil)
	if err != nil {
		t.Fatal(err)
	}
	planner := &drift.TofuPlanner{Workspace: ws, Env: "dev", Tofu: "tofu", ProviderDir: t.TempDir(), LockTimeout: -1}
	err = RefreshState(ctx, planner, ws.Project("p"))
	if err == nil || !strings.Contains(err.Error(), "cx destroy --env dev") {
		t.Errorf("refresh during a destroy: %v, want it refused naming the destroy", err)
	}
	held.Unlock()
	// Never applied: nothing to refresh, and the lock is free again afterwards.
	if err := RefreshState(ctx, planner, ws.Project("p")); err != nil {
		t.Errorf("refresh: %v", err)
	}
	l, err := tofu.LockEnv(ctx, root, "dev", "cx apply --env dev", -1, nil)
	if err != nil {
		t.Errorf("RefreshState should release the environment: %v", err)
	}
	l.Unlock()
}
