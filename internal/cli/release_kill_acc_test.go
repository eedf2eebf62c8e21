package cli

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/cxascode/cxascode/internal/orgserver"
)

// TestAccReleaseAfterKilledApply is the fourth acceptance for the local state: cx,
// OpenTofu and the provider killed with kill -9 in the middle of an apply leave no ledger
// entry; release refuses and says why, and the next apply says so, finishes the job and
// releases.
func TestAccReleaseAfterKilledApply(t *testing.T) {
	root := t.TempDir()
	ts := orgserver.NewTestServer(t)
	cx := newAccCX(t, root, ts)
	bin := t.TempDir()
	if out, err := exec.Command("go", "build", "-o", filepath.Join(bin, "cx"), "github.com/cxascode/cxascode/cmd/cx").CombinedOutput(); err != nil {
		t.Fatalf("build cx: %v\n%s", err, out)
	}
	writeTestFile(t, filepath.Join(root, ".gitignore"), ".cx/\n")
	writeTestFile(t, filepath.Join(root, "cx.hcl"), "environment \"dev\" {\n  org = \"local:dev\"\n}\n")
	writeTestFile(t, filepath.Join(root, "shared-queues", "main.tf"), releaseQueues("first", vipQueue))
	cx.git("init", "--quiet", "--initial-branch=main")
	cx.git("add", "-A")
	cx.git("commit", "--quiet", "-m", "queues")

	// Slow answers keep the apply running long enough to be killed in the middle.
	ts.SetFaults(orgserver.Faults{LatencyMs: 400})
	apply := exec.Command(filepath.Join(bin, "cx"), "apply", "--env", "dev", "--release", "-C", root)
	apply.SysProcAttr = &syscall.SysProcAttr{Setpgid: true} // its own group: OpenTofu and the provider die with it
	if err := apply.Start(); err != nil {
		t.Fatal(err)
	}
	log := filepath.Join(root, ".cx", "logs", "dev", "shared-queues.log")
	for deadline := time.Now().Add(90 * time.Second); ; time.Sleep(20 * time.Millisecond) {
		if b, _ := os.ReadFile(log); strings.Contains(string(b), "Creating...") {
			break
		}
		if time.Now().After(deadline) {
			syscall.Kill(-apply.Process.Pid, syscall.SIGKILL)
			t.Fatal("the apply never started creating")
		}
	}
	if err := syscall.Kill(-apply.Process.Pid, syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	apply.Wait()
	ts.SetFaults(orgserver.Faults{})

	if _, errOut, code := cx.run("release", "--env", "dev"); code != 1 || !strings.Contains(errOut, "an apply did not finish") ||
		!strings.Contains(errOut, "run cx apply --env dev again to finish it") {
		t.Fatalf("release after the killed apply: exit %d, want 1 saying why\n%s", code, errOut)
	}
	if out, errOut, code := cx.run("releases", "--env", "dev"); code != 0 || !strings.Contains(errOut, "an apply did not finish") || strings.Contains(out, "Release") {
		t.Errorf("releases after the killed apply: exit %d\n%s%s", code, out, errOut)
	}
	out, errOut, code := cx.run("apply", "--env", "dev", "--release")
	if code != 0 || !strings.Contains(errOut, "warning: an apply did not finish") || !strings.Contains(out, "Release 1 of dev (cx/dev/1") {
		t.Fatalf("the apply after the killed one: exit %d\n%s%s", code, out, errOut)
	}
	for _, name := range []string{"Cx Release Billing", "Cx Release VIP"} {
		if queueID(t, ts, name) == "" {
			t.Errorf("queue %s is missing after the finishing apply", name)
		}
	}
}
