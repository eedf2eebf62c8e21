package breakglass

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/cxascode/cxascode/internal/workspace"
)

// TestProtectedEnvironment checks that a protected environment refuses deploys outside CI
// unless break-glass is declared with a reason, which is recorded.
func TestProtectedEnvironment(t *testing.T) {
	root := t.TempDir()
	prod := workspace.Environment{Name: "prod", Org: "region:us-east-1", Protected: true}
	t.Setenv("CI", "")
	if _, err := Check(root, prod, "apply", nil, Declaration{}); err == nil || !strings.Contains(err.Error(), "protected") {
		t.Fatalf("apply outside CI: %v, want a refusal", err)
	}
	if _, err := Check(root, prod, "apply", nil, Declaration{BreakGlass: true}); err == nil || !strings.Contains(err.Error(), "--reason") {
		t.Fatalf("break-glass without a reason: %v, want a refusal", err)
	}
	audit, err := Check(root, prod, "apply", []string{"flow-a"}, Declaration{BreakGlass: true, Reason: "INC-1; queue full"})
	if err != nil {
		t.Fatal(err)
	}
	if audit != "breakGlass=true; reason=INC-1, queue full" {
		t.Errorf("audit context %q", audit)
	}
	log, err := os.ReadFile(filepath.Join(root, ".cx", "breakglass.log"))
	if err != nil || !strings.Contains(string(log), `"reason":"INC-1; queue full"`) || !strings.Contains(string(log), `"env":"prod"`) {
		t.Errorf("breakglass.log: %s %v", log, err)
	}
	t.Setenv("CI", "true")
	if audit, err := Check(root, prod, "apply", nil, Declaration{}); err != nil || audit != "" {
		t.Errorf("in CI: %q %v, want no refusal", audit, err)
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
	if _, err := Check(root, prod, "apply", nil, Declaration{BreakGlass: true, Reason: "INC-2"}); err != nil {
		t.Fatal(err)
	}
	for p, want := range map[string]os.FileMode{".cx": 0o700, ".cx/breakglass.log": 0o600} {
		if st, err := os.Stat(filepath.Join(root, filepath.FromSlash(p))); err != nil || st.Mode().Perm() != want {
			t.Errorf("%s: %v %v, want %v", p, st.Mode().Perm(), err, want)
		}
	}
}

// TestUnprotectedEnvironmentNeedsNothing: dev deploys from anywhere, unrecorded.
func TestUnprotectedEnvironmentNeedsNothing(t *testing.T) {
	root := t.TempDir()
	t.Setenv("CI", "")
	dev := workspace.Environment{Name: "dev", Org: "local:dev"}
	if audit, err := Check(root, dev, "destroy", nil, Declaration{}); err != nil || audit != "" {
		t.Errorf("dev: %q %v", audit, err)
	}
	if _, err := os.Stat(filepath.Join(root, ".cx", LogFile)); !os.IsNotExist(err) {
		t.Errorf("nothing should be recorded: %v", err)
	}
}
