package release

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// gitRepo is a real repository for the rollback's git steps: commit writes files (path →
// content; "" deletes) and commits them.
type gitRepo struct {
	t   *testing.T
	top string
}

func (r gitRepo) run(args ...string) string {
	r.t.Helper()
	out, err := git(context.Background(), r.top, append([]string{"-c", "user.name=test", "-c", "user.email=test@example.com"}, args...)...)
	if err != nil {
		r.t.Fatal(err)
	}
	return out
}

func (r gitRepo) commit(files map[string]string) string {
	r.t.Helper()
	for p, content := range files {
		path := filepath.Join(r.top, p)
		if content == "" {
			os.Remove(path)
			continue
		}
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			r.t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
			r.t.Fatal(err)
		}
	}
	r.run("add", "-A")
	r.run("commit", "--quiet", "-m", "change")
	return r.run("rev-parse", "HEAD")
}

// TestRollbackCommitRestoresTheWorkspaceOnly: the rollback commit's tree is the release's
// for the workspace's directory (files it did not have are gone) and HEAD's elsewhere; its
// parent is HEAD; no branch moves until it lands. Uncommitted changes in the workspace are
// refused first.
func TestRollbackCommitRestoresTheWorkspaceOnly(t *testing.T) {
	ctx := context.Background()
	repo := gitRepo{t: t, top: t.TempDir()}
	repo.run("init", "--quiet", "--initial-branch=main")
	old := repo.commit(map[string]string{"ws/q/main.tf": "old\n", "README.md": "old\n"})
	head := repo.commit(map[string]string{"ws/q/main.tf": "new\n", "ws/added/main.tf": "added\n", "README.md": "new\n"})
	g := &rollbackGit{mode: GitRevert, root: filepath.Join(repo.top, "ws"), env: "dev",
		to: &Release{Number: 1, Tag: "cx/dev/1", Commit: old}, latest: &Release{Number: 2, Tag: "cx/dev/2", Commit: head}}

	os.WriteFile(filepath.Join(repo.top, "ws", "q", "main.tf"), []byte("edited\n"), 0o644)
	if err := checkRollbackGit(ctx, g); err == nil || !strings.Contains(err.Error(), "uncommitted changes (M ws/q/main.tf)") {
		t.Fatalf("checkRollbackGit with an edited file: %v", err)
	}
	repo.run("checkout", "--", "ws/q/main.tf")
	if err := checkRollbackGit(ctx, g); err != nil {
		t.Fatal(err)
	}
	commit, err := g.makeCommit(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if got := repo.run("rev-parse", "HEAD"); got != head {
		t.Errorf("making the commit moved HEAD to %s", got)
	}
	if parent := repo.run("rev-parse", commit+"^"); parent != head {
		t.Errorf("the commit's parent is %s, want HEAD %s", parent, head)
	}
	files := repo.run("ls-tree", "-r", "--name-only", commit)
	if files != "README.md\nws/q/main.tf" {
		t.Errorf("the commit's files:\n%s", files)
	}
	if got := repo.run("show", commit+":ws/q/main.tf") + "|" + repo.run("show", commit+":README.md"); got != "old|new" {
		t.Errorf("workspace file | file outside it = %q, want the release's | HEAD's", got)
	}
	if err := g.landIfAny(ctx); err != nil {
		t.Fatal(err)
	}
	if got := repo.run("rev-parse", "main"); got != commit {
		t.Errorf("revert left main at %s, want the commit", got)
	}
}

func TestParseGitMode(t *testing.T) {
	for _, m := range GitModes {
		if got, err := ParseGitMode(string(m)); err != nil || got != m {
			t.Errorf("ParseGitMode(%q) = %q, %v", m, got, err)
		}
	}
	if _, err := ParseGitMode("rewind"); err == nil || !strings.Contains(err.Error(), "none, revert, branch") {
		t.Errorf("ParseGitMode(rewind): %v", err)
	}
}
