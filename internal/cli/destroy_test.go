package cli

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/cxascode/cxascode/internal/runner"
	"github.com/cxascode/cxascode/internal/workspace"
)

// TestDestroyForceFlag: --force exists on destroy only (the runner refuses a partial destroy
// that would break dependents without it).
func TestDestroyForceFlag(t *testing.T) {
	cmd := newDestroyCommand()
	if err := cmd.ParseFlags([]string{"--env", "dev", "--force"}); err != nil {
		t.Fatal(err)
	}
	if v, err := cmd.Flags().GetBool("force"); err != nil || !v {
		t.Errorf("--force: %v %v", v, err)
	}
	if newPlanCommand().Flags().Lookup("force") != nil {
		t.Error("plan must not take --force")
	}
}

// TestBreakGlassRecordIsPrivate: the break-glass record goes into a private .cx.
func TestBreakGlassRecordIsPrivate(t *testing.T) {
	root := t.TempDir()
	if err := os.Mkdir(filepath.Join(root, ".cx"), 0o755); err != nil {
		t.Fatal(err)
	}
	t.Setenv("CI", "")
	prod := workspace.Environment{Name: "prod", Org: "region:us-east-1", Protected: true}
	if _, err := checkProtected(root, prod, runner.ActionApply, nil, &runFlags{breakGlass: true, reason: "INC-2"}); err != nil {
		t.Fatal(err)
	}
	for p, want := range map[string]os.FileMode{".cx": 0o700, ".cx/breakglass.log": 0o600} {
		if st, err := os.Stat(filepath.Join(root, filepath.FromSlash(p))); err != nil || st.Mode().Perm() != want {
			t.Errorf("%s: %v %v, want %v", p, st.Mode().Perm(), err, want)
		}
	}
}
