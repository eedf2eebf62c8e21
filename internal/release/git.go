package release

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"

	"github.com/cxascode/cxascode/internal/tofu"
)

// git runs git in dir and returns its trimmed output; errors carry git's own message.
func git(ctx context.Context, dir string, args ...string) (string, error) {
	return gitWithEnv(ctx, dir, nil, args...)
}

// gitWithEnv is git with variables added to cx's environment (GIT_INDEX_FILE for a
// scratch index).
func gitWithEnv(ctx context.Context, dir string, env []string, args ...string) (string, error) {
	cmd := exec.CommandContext(ctx, "git", args...)
	cmd.Dir = dir
	if env != nil {
		cmd.Env = append(os.Environ(), env...)
	}
	var out, errOut bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errOut
	if err := cmd.Run(); err != nil {
		return "", fmt.Errorf("git %s: %v: %s", strings.Join(args, " "), err, strings.TrimSpace(errOut.String()))
	}
	return strings.TrimSpace(out.String()), nil
}

// HeadCommit is the commit checked out in the workspace at root; a release needs one, as
// it is what a rollback checks out again.
func HeadCommit(ctx context.Context, root string) (string, error) {
	c, err := git(ctx, root, "rev-parse", "--verify", "HEAD^{commit}")
	if err != nil {
		return "", fmt.Errorf("a release records the commit deployed, and the workspace has none (is it a git repository with a commit?): %w", err)
	}
	return c, nil
}

// DirtyFiles lists the tracked files that differ from the commit (only those under paths,
// relative to root, when given): what was applied is then not exactly what the release records.
func DirtyFiles(ctx context.Context, root string, paths ...string) ([]string, error) {
	args := []string{"status", "--porcelain", "--untracked-files=no"}
	if len(paths) > 0 {
		args = append(append(args, "--"), paths...)
	}
	out, err := git(ctx, root, args...)
	if err != nil || out == "" {
		return nil, err
	}
	return strings.Split(out, "\n"), nil
}

// Tagger returns the function that tags a commit in the repository at root (annotated, so
// the tag says what it is); an existing tag of that name is an error, never moved.
func Tagger(ctx context.Context, root string) func(name, commit string) error {
	return func(name, commit string) error {
		if _, err := git(ctx, root, "-c", "user.name=cx", "-c", "user.email=cx@localhost", "tag", "-a", "-m", "cx release "+name, name, commit); err != nil {
			return fmt.Errorf("tag the release: %w", err)
		}
		return nil
	}
}

// Worktree is a temporary git worktree holding an older commit of the workspace.
type Worktree struct {
	repo, top string
	// Dir is the worktree's directory: the workspace as it was at the commit.
	Dir string
}

// CheckOut checks commit out into a new temporary worktree of the repository at root. Its
// .cx is a link to the workspace's own, so plans there use the environment's state, lock,
// OpenTofu data and local org: the older files, the same environment.
func CheckOut(ctx context.Context, root, commit string) (*Worktree, error) {
	top, err := git(ctx, root, "rev-parse", "--show-toplevel")
	if err != nil {
		return nil, err
	}
	parent, err := os.MkdirTemp("", "cx-rollback-")
	if err != nil {
		return nil, err
	}
	dir := filepath.Join(parent, "tree")
	if _, err := git(ctx, top, "worktree", "add", "--detach", dir, commit); err != nil {
		os.RemoveAll(parent)
		return nil, fmt.Errorf("check out %s: %w", short(commit), err)
	}
	wt := &Worktree{repo: top, top: dir, Dir: dir}
	absRoot, err := filepath.Abs(root)
	if err != nil {
		wt.Remove()
		return nil, err
	}
	rel, err := filepath.Rel(top, absRoot)
	if err != nil {
		wt.Remove()
		return nil, err
	}
	wt.Dir = filepath.Join(dir, rel) // the workspace may sit below the repository's top
	if err := os.Symlink(tofu.Path(absRoot), tofu.Path(wt.Dir)); err != nil {
		wt.Remove()
		return nil, fmt.Errorf("link the workspace's %s into the worktree: %w", tofu.Dir, err)
	}
	return wt, nil
}

// Remove deletes the worktree and git's record of it.
func (w *Worktree) Remove() {
	git(context.Background(), w.repo, "worktree", "remove", "--force", w.top)
	os.RemoveAll(filepath.Dir(w.top))
	git(context.Background(), w.repo, "worktree", "prune")
}
