package cli

import (
	"testing"
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
