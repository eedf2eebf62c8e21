package cli

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"regexp"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/cxascode/cxascode/internal/orgserver"
	"github.com/cxascode/cxascode/internal/pgstate"
	"github.com/cxascode/cxascode/internal/pgtest"
)

var postgres = pgtest.NewCluster()

func TestMain(m *testing.M) { os.Exit(postgres.Run(m)) }

// exampleWithPostgresState copies examples/contact-center to a new directory with its
// state block switched to pg; the connection string comes from PG_CONN_STR, in no file.
func exampleWithPostgresState(t *testing.T) string {
	t.Helper()
	root := t.TempDir()
	if err := os.CopyFS(root, os.DirFS(filepath.Join("..", "..", "examples", "contact-center"))); err != nil {
		t.Fatal(err)
	}
	cfgPath := filepath.Join(root, "cx.hcl")
	cfg, err := os.ReadFile(cfgPath)
	if err != nil {
		t.Fatal(err)
	}
	local := regexp.MustCompile(`(?s)state \{\n  backend = "local"\n.*?\n\}\n`)
	if !local.Match(cfg) {
		t.Fatalf("the example's cx.hcl has no local state block to switch:\n%s", cfg)
	}
	writeTestFile(t, cfgPath, string(local.ReplaceAll(cfg, []byte("state {\n  backend \"pg\" {}\n}\n"))))
	writeTestFile(t, filepath.Join(root, ".gitignore"), ".cx/\n")
	return root
}

// startCX starts the built cx in its own process group (OpenTofu and the provider die with
// it on kill -9), its output in buffers.
func startCX(t *testing.T, exe string, args ...string) (*exec.Cmd, *bytes.Buffer) {
	t.Helper()
	cmd := exec.Command(exe, args...)
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL) })
	return cmd, &out
}

// waitForLockHolder polls dev's lock record until pid holds it.
func waitForLockHolder(t *testing.T, conn string, pid int) {
	t.Helper()
	db, err := pgstate.Open(context.Background(), conn)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	for deadline := time.Now().Add(2 * time.Minute); ; time.Sleep(50 * time.Millisecond) {
		if st, err := pgstate.Inspect(context.Background(), db, "dev"); err != nil {
			t.Fatal(err)
		} else if st.Held && st.Holder.PID == pid {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("pid %d never took dev's lock", pid)
		}
	}
}

// TestAccPostgresStateLockKillUnlockRelease is issue #14's second acceptance, with #12's
// ledger on remote state: the example workspace with pg state against the local org. Two
// checkouts apply dev at once: one applies, the other waits for it (then finds nothing to
// change: the state is shared) or fails naming it. An apply killed with kill -9 leaves its
// lock record: from a fresh clone, plans refuse naming it, cx unlock shows and clears it,
// the next apply finishes the job (adopting what the killed one created unrecorded) and a
// plan and drift are then clean. A release recorded with pg state is listed from a fresh
// copy of the workspace.
func TestAccPostgresStateLockKillUnlockRelease(t *testing.T) {
	ts := orgserver.NewTestServer(t)
	first := exampleWithPostgresState(t)
	cx := newAccCX(t, first, ts)
	second := exampleWithPostgresState(t)
	pointAtTestOrg(t, second, ts)
	conn := postgres.Database(t)
	t.Setenv(pgstate.ConnEnv, conn)
	bin := t.TempDir()
	exe := filepath.Join(bin, "cx")
	if out, err := exec.Command("go", "build", "-o", exe, "github.com/cxascode/cxascode/cmd/cx").CombinedOutput(); err != nil {
		t.Fatalf("build cx: %v\n%s", err, out)
	}
	cx.git("init", "--quiet", "--initial-branch=main")
	cx.git("add", "-A")
	cx.git("commit", "--quiet", "-m", "the example on pg state")
	host, _ := os.Hostname()
	me, _ := user.Current()

	// Two applies at once, from two checkouts: the second starts once the first holds dev.
	applyA, outA := startCX(t, exe, "apply", "--env", "dev", "-C", first)
	waitForLockHolder(t, conn, applyA.Process.Pid)
	applyB, outB := startCX(t, exe, "apply", "--env", "dev", "-C", second)
	errA, errB := applyA.Wait(), applyB.Wait()
	t.Logf("first apply (%v):\n%s\nsecond apply (%v):\n%s", errA, outA, errB, outB)
	if errA != nil {
		t.Fatalf("the first apply failed: %v", errA)
	}
	holder := fmt.Sprintf("%s on %s, pid %d (cx apply --env dev since ", me.Username, host, applyA.Process.Pid)
	switch {
	case errB == nil:
		if !strings.Contains(outB.String(), "waiting for the lock held by "+holder) || strings.Contains(outB.String(), "applied (+") {
			t.Errorf("the second apply should have waited for the first and found nothing left to do:\n%s", outB)
		}
	case !strings.Contains(outB.String(), "environment dev is in use by "+holder):
		t.Errorf("the second apply failed without naming the first as the holder:\n%s", outB)
	}
	// The ledger's "apply started" mark is written under the lock: the first apply's,
	// running, is not taken for a killed one.
	if strings.Contains(outB.String(), "an apply did not finish") {
		t.Errorf("the second apply took the running first one for a killed one:\n%s", outB)
	}

	// An apply with something to create, killed with kill -9 in the middle.
	writeTestFile(t, filepath.Join(first, "shared-skills", "extra.tf"), `resource "genesyscloud_routing_skill" "pg_extra_1" {
  name = "Cx Pg Extra 1"
}

resource "genesyscloud_routing_skill" "pg_extra_2" {
  name = "Cx Pg Extra 2"
}
`)
	cx.git("add", "-A")
	cx.git("commit", "--quiet", "-m", "two more skills")
	ts.SetFaults(orgserver.Faults{LatencyMs: 400})
	log := filepath.Join(first, ".cx", "logs", "dev", "shared-skills.log")
	if err := os.Remove(log); err != nil { // the first apply's, which says "Creating..." too
		t.Fatal(err)
	}
	killed, killedOut := startCX(t, exe, "apply", "--env", "dev", "-C", first)
	ended := make(chan error, 1)
	go func() { ended <- killed.Wait() }()
	waitForLockHolder(t, conn, killed.Process.Pid)
	for deadline := time.Now().Add(2 * time.Minute); ; time.Sleep(20 * time.Millisecond) {
		if b, _ := os.ReadFile(log); strings.Contains(string(b), "Creating...") {
			break
		}
		select {
		case err := <-ended:
			t.Fatalf("the apply to kill ended by itself (%v):\n%s", err, killedOut)
		default:
		}
		if time.Now().After(deadline) {
			t.Fatal("the apply never started creating")
		}
	}
	if err := syscall.Kill(-killed.Process.Pid, syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	<-ended
	ts.SetFaults(orgserver.Faults{})

	// Recovery happens in a fresh clone, as a CI job would: the lock record, the ledger and
	// the killed apply's marks are all in the database, none in the first checkout's .cx.
	recovery := filepath.Join(t.TempDir(), "recovery")
	if out, err := exec.Command("git", "clone", "--quiet", first, recovery).CombinedOutput(); err != nil {
		t.Fatalf("git clone: %v\n%s", err, out)
	}
	pointAtTestOrg(t, recovery, ts)
	cx = &accCX{t: t, root: recovery, ts: ts}

	killedHolder := fmt.Sprintf("%s on %s, pid %d (cx apply --env dev since ", me.Username, host, killed.Process.Pid)
	// The session of the killed process ends a moment after it: until then it looks alive.
	var errOut string
	var code int
	for deadline := time.Now().Add(30 * time.Second); ; time.Sleep(100 * time.Millisecond) {
		_, errOut, code = cx.run("plan", "--env", "dev")
		if strings.Contains(errOut, "ended without releasing it") || time.Now().After(deadline) {
			break
		}
	}
	if code != 1 || !strings.Contains(errOut, "environment dev is locked by "+killedHolder) || !strings.Contains(errOut, "cx unlock --env dev") {
		t.Fatalf("a plan after the killed apply: exit %d, want 1 naming the killed holder and cx unlock\n%s", code, errOut)
	}
	if out, errOut, code := cx.run("unlock", "--env", "dev"); code != 1 || !strings.Contains(errOut, "not cleared") || !strings.Contains(out, "Clear it?") {
		t.Errorf("unlock without an answer: exit %d\n%s%s", code, out, errOut)
	}
	out, errOut, code := cx.run("unlock", "--env", "dev", "--yes")
	for _, want := range []string{
		fmt.Sprintf("pid      %d", killed.Process.Pid), "command  cx apply --env dev", "by       " + me.Username + " on " + host,
		"status   gone", "Cleared the lock of dev.", "never ended: run cx apply --env dev to finish its job",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("cx unlock --yes: exit %d, output lacks %q\n%s%s", code, want, out, errOut)
		}
	}
	if out, _, code := cx.run("unlock", "--env", "dev"); code != 0 || !strings.Contains(out, "Environment dev is not locked.") {
		t.Errorf("a second unlock: exit %d\n%s", code, out)
	}

	// Recovery: the next apply finishes the job, nothing is lost, and it is released.
	if out, errOut, code := cx.run("apply", "--env", "dev", "--release"); code != 0 || !strings.Contains(out, "Release 1 of dev (cx/dev/1") {
		logs, _ := filepath.Glob(filepath.Join(recovery, ".cx", "logs", "dev", "*.log"))
		more, _ := filepath.Glob(filepath.Join(first, ".cx", "logs", "dev", "*.log"))
		logs = append(logs, more...)
		for _, l := range logs {
			if b, _ := os.ReadFile(l); strings.Contains(string(b), "CRASH") {
				t.Logf("OpenTofu crashed (%s):\n%s", l, b)
			}
		}
		t.Fatalf("the apply after unlock: exit %d\n%s%s", code, out, errOut)
	}
	if out, errOut, code := cx.run("plan", "--env", "dev"); code != 0 {
		t.Errorf("the plan after recovery is not empty: exit %d\n%s%s", code, out, errOut)
	}
	if out, errOut, code := cx.run("drift", "--env", "dev"); code != 0 {
		t.Errorf("drift on pg state: exit %d, want 0 (in sync)\n%s%s", code, out, errOut)
	}
	fresh := exampleWithPostgresState(t)
	var stdout, stderr bytes.Buffer
	if code := Main([]string{"releases", "--env", "dev", "-C", fresh}, &stdout, &stderr); code != 0 || !strings.Contains(stdout.String(), "Release 1 of dev (cx/dev/1") {
		t.Errorf("cx releases from a fresh copy: exit %d\n%s%s", code, stdout.String(), stderr.String())
	}
	if matches, _ := filepath.Glob(filepath.Join(recovery, "*", "cx_backend_override.tf")); len(matches) > 0 {
		t.Errorf("backend overrides left in the projects: %v", matches)
	}
}
