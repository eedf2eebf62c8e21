package cli

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/cxascode/cxascode/internal/orgserver"
	"github.com/cxascode/cxascode/internal/release"
)

// twoReleases makes the first acceptance history in the workspace at cx.root (a git
// repository already): release 1 deploys the billing queue, release 2 changes it and adds
// the vip queue. It returns the commits of both releases.
func twoReleases(t *testing.T, cx *accCX) (first, second string) {
	t.Helper()
	writeTestFile(t, filepath.Join(cx.root, ".gitignore"), ".cx/\n")
	writeTestFile(t, filepath.Join(cx.root, "cx.hcl"), "workspace {\n  name = \"releases\"\n}\n\nenvironment \"dev\" {\n  org = \"local:dev\"\n}\n")
	main := filepath.Join(cx.root, "shared-queues", "main.tf")
	writeTestFile(t, main, releaseQueues("first", ""))
	cx.git("add", "-A")
	cx.git("commit", "--quiet", "-m", "billing queue")
	first = strings.TrimSpace(cx.git("rev-parse", "HEAD"))
	if _, _, code := cx.run("apply", "--env", "dev", "--release"); code != 0 {
		t.Fatalf("apply --release 1: exit %d", code)
	}
	writeTestFile(t, main, releaseQueues("second", vipQueue))
	cx.git("add", "-A")
	cx.git("commit", "--quiet", "-m", "vip queue")
	second = strings.TrimSpace(cx.git("rev-parse", "HEAD"))
	if _, _, code := cx.run("apply", "--env", "dev", "--release"); code != 0 {
		t.Fatalf("apply --release 2: exit %d", code)
	}
	return first, second
}

// lastRelease is the environment's newest release, as cx releases --json lists it.
func lastRelease(t *testing.T, cx *accCX) release.Release {
	t.Helper()
	out, _, code := cx.run("releases", "--env", "dev", "--json")
	var rs []release.Release
	if code != 0 || json.Unmarshal([]byte(out), &rs) != nil || len(rs) == 0 {
		t.Fatalf("releases --json: exit %d\n%s", code, out)
	}
	return rs[len(rs)-1]
}

// TestAccRollbackGitRevert: --git revert refuses while the workspace has uncommitted
// changes; applied, it commits release 1's workspace files on the current branch on top of
// release 2 (history grows, nothing rewritten), keeps the repository's files outside the
// workspace as they are, and the new release records that commit.
func TestAccRollbackGitRevert(t *testing.T) {
	top := t.TempDir()
	root := filepath.Join(top, "contact-center") // the workspace sits below the repository's top
	ts := orgserver.NewTestServer(t)
	cx := newAccCX(t, root, ts)
	if out, err := exec.Command("git", "init", "--quiet", "--initial-branch=main", top).CombinedOutput(); err != nil {
		t.Fatalf("git init: %v\n%s", err, out)
	}
	outside := filepath.Join(top, "README.md")
	writeTestFile(t, outside, "first\n")
	first, _ := twoReleases(t, cx)
	writeTestFile(t, outside, "second\n")
	cx.git("commit", "--quiet", "-am", "readme outside the workspace")
	second := strings.TrimSpace(cx.git("rev-parse", "HEAD"))

	main := filepath.Join(root, "shared-queues", "main.tf")
	writeTestFile(t, main, releaseQueues("uncommitted", vipQueue))
	rollback := []string{"rollback", "--env", "dev", "--to", "1", "--allow-destroy", "genesyscloud_routing_queue.vip", "--apply", "--git", "revert"}
	if _, errOut, code := cx.run(rollback...); code != 1 || !strings.Contains(errOut, "uncommitted changes (M contact-center/shared-queues/main.tf)") {
		t.Fatalf("rollback --git revert with an uncommitted change: exit %d, want 1 naming the file\n%s", code, errOut)
	}
	if queueID(t, ts, "Cx Release VIP") == "" {
		t.Fatal("the refused rollback deleted the vip queue")
	}
	cx.git("checkout", "--", main)

	out, errOut, code := cx.run(append(rollback, "--json")...)
	var res release.RollbackResult
	if code != 0 || json.Unmarshal([]byte(out), &res) != nil || res.Git == nil {
		t.Fatalf("rollback --git revert: exit %d\n%s%s", code, out, errOut)
	}
	head := strings.TrimSpace(cx.git("rev-parse", "HEAD"))
	if res.Git.Mode != release.GitRevert || res.Git.Commit != head || res.Git.Branch != "main" {
		t.Errorf("the rollback's commit %+v, HEAD %s", res.Git, head)
	}
	if parent := strings.TrimSpace(cx.git("rev-parse", "HEAD^")); parent != second {
		t.Errorf("the rollback commit's parent is %s, want release 2's branch head %s: history must grow, not be rewritten", parent, second)
	}
	if count := strings.TrimSpace(cx.git("rev-list", "--count", "HEAD")); count != "4" {
		t.Errorf("main has %s commits, want 4 (three before the rollback, plus it)", count)
	}
	if diff := cx.git("diff", "--name-only", first, "HEAD", "--", "."); diff != "" {
		t.Errorf("the workspace's files at HEAD differ from release 1's:\n%s", diff)
	}
	if b, _ := os.ReadFile(outside); string(b) != "second\n" || strings.TrimSpace(cx.git("show", "HEAD:README.md")) != "second" {
		t.Errorf("the file outside the workspace was restored too: %q", b)
	}
	if b, _ := os.ReadFile(main); string(b) != releaseQueues("first", "") {
		t.Errorf("the working tree does not hold release 1's files:\n%s", b)
	}
	if status := cx.git("status", "--porcelain", "--untracked-files=no"); status != "" {
		t.Errorf("the rollback left uncommitted changes:\n%s", status)
	}
	if msg := cx.git("log", "-1", "--format=%B"); !strings.Contains(msg, "release 1 (cx/dev/1)") || !strings.Contains(msg, "release 2 (cx/dev/2)") {
		t.Errorf("the commit message does not name the releases:\n%s", msg)
	}
	if r := lastRelease(t, cx); r.Number != 3 || r.RollbackOf != 1 || r.Commit != head ||
		strings.TrimSpace(cx.git("rev-parse", "cx/dev/3^{commit}")) != head {
		t.Errorf("release 3 %+v, want the rollback commit %s, tagged", r, head)
	}
}

// TestAccRollbackGitBranch: --git branch puts the commit restoring release 1's files on
// cx/rollback/dev/1, leaves the current branch and working tree as they are, says how to
// merge it (Markdown for a pull request), records the commit as the new release, and
// refuses a second rollback to the same release while that branch exists.
func TestAccRollbackGitBranch(t *testing.T) {
	root := t.TempDir()
	ts := orgserver.NewTestServer(t)
	cx := newAccCX(t, root, ts)
	cx.git("init", "--quiet", "--initial-branch=main")
	if _, errOut, code := cx.run("rollback", "--env", "dev", "--to", "1", "--git", "revert"); code != 1 || !strings.Contains(errOut, "add --apply") {
		t.Errorf("--git without --apply: exit %d\n%s", code, errOut)
	}
	first, second := twoReleases(t, cx)

	rollback := []string{"rollback", "--env", "dev", "--to", "1", "--allow-destroy", "genesyscloud_routing_queue.vip", "--apply", "--git", "branch"}
	out, errOut, code := cx.run(append(rollback, "--markdown")...)
	if code != 0 || !strings.Contains(out, "### Release 3 of dev (cx/dev/3") || !strings.Contains(out, "| destroyed | `genesyscloud_routing_queue` | `vip` |") ||
		!strings.Contains(out, "Branch cx/rollback/dev/1 holds the rollback commit") || !strings.Contains(out, "`git merge cx/rollback/dev/1`") {
		t.Fatalf("rollback --git branch --markdown: exit %d\n%s%s", code, out, errOut)
	}
	if head := strings.TrimSpace(cx.git("rev-parse", "HEAD")); head != second || cx.git("status", "--porcelain", "--untracked-files=no") != "" {
		t.Errorf("the current branch moved to %s (want %s) or its files changed", head, second)
	}
	tip := strings.TrimSpace(cx.git("rev-parse", "cx/rollback/dev/1"))
	if parent := strings.TrimSpace(cx.git("rev-parse", "cx/rollback/dev/1^")); parent != second {
		t.Errorf("the rollback branch starts from %s, want %s", parent, second)
	}
	if diff := cx.git("diff", "--name-only", first, tip); diff != "" {
		t.Errorf("the rollback branch's files differ from release 1's:\n%s", diff)
	}
	if r := lastRelease(t, cx); r.Number != 3 || r.RollbackOf != 1 || r.Commit != tip {
		t.Errorf("release 3 %+v, want the branch's commit %s", r, tip)
	}
	if _, errOut, code := cx.run(rollback...); code != 1 || !strings.Contains(errOut, "branch cx/rollback/dev/1 already exists") {
		t.Errorf("a second rollback to release 1: exit %d, want 1 (the branch exists)\n%s", code, errOut)
	}
}
