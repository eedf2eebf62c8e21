package localorg

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// TestAccBackgroundOrg starts the local org as a detached `cx org serve`, reuses it from a
// second call, reports its status and stops it; a later Ensure starts it again on the same
// data, with the same credentials.
func TestAccBackgroundOrg(t *testing.T) {
	if os.Getenv("TF_ACC") == "" {
		t.Skip("acceptance test: set TF_ACC=1")
	}
	cx := filepath.Join(t.TempDir(), "cx")
	if out, err := exec.Command("go", "build", "-o", cx, "github.com/cxascode/cxascode/cmd/cx").CombinedOutput(); err != nil {
		t.Fatalf("build cx: %v\n%s", err, out)
	}
	ctx := context.Background()
	dir := filepath.Join(t.TempDir(), ".cx", "org")
	opts := Options{Dir: dir, Command: []string{cx}}
	t.Cleanup(func() { Stop(context.Background(), dir) }) //nolint:errcheck // best effort

	if st := GetStatus(ctx, dir); st.Running {
		t.Fatalf("status before start: %+v", st)
	}
	first, err := Ensure(ctx, opts)
	if err != nil {
		t.Fatal(err)
	}
	if !first.Started {
		t.Error("the first Ensure should start the org")
	}
	dev, err := first.Credential("dev", "deploy")
	if err != nil || dev.ClientSecret == "" {
		t.Fatalf("dev deploy credential: %+v %v", dev, err)
	}
	again, err := Ensure(ctx, opts)
	if err != nil {
		t.Fatal(err)
	}
	if again.Started || again.PID != first.PID || again.URL != first.URL {
		t.Errorf("the second Ensure should reuse the org: %+v vs %+v", again, first)
	}
	st := GetStatus(ctx, dir)
	if !st.Running || st.URL != first.URL || len(st.Orgs) != 3 {
		t.Errorf("status: %+v", st)
	}
	stopped, err := Stop(ctx, dir)
	if err != nil || !stopped {
		t.Fatalf("stop: %v %v", stopped, err)
	}
	if alive(first.PID) {
		t.Errorf("process %d still runs after Stop", first.PID)
	}
	if st := GetStatus(ctx, dir); st.Running {
		t.Errorf("status after stop: %+v", st)
	}
	restarted, err := Ensure(ctx, opts)
	if err != nil {
		t.Fatal(err)
	}
	if c, _ := restarted.Credential("dev", "deploy"); c.ClientSecret != dev.ClientSecret {
		t.Error("a restart on the same data should keep the credentials")
	}
}
