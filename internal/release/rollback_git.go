package release

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// GitMode says how an applied rollback goes into git. Whatever the mode, history only
// grows: nothing is reset, rebased or force-moved.
type GitMode string

const (
	// GitNone leaves git as it is: the new release records the older release's commit, and
	// the branch keeps files that differ from what is deployed until someone reverts them.
	GitNone GitMode = "none"
	// GitRevert commits the older release's files on the current branch (a fast-forward of
	// it), and the new release records that commit.
	GitRevert GitMode = "revert"
	// GitBranch puts that commit on a new branch cx/rollback/<env>/<n> for review and merge,
	// the current branch untouched; the new release records that commit.
	GitBranch GitMode = "branch"
)

// GitModes lists the modes, for flags and errors.
var GitModes = []GitMode{GitNone, GitRevert, GitBranch}

// ParseGitMode reads a mode's name.
func ParseGitMode(s string) (GitMode, error) {
	for _, m := range GitModes {
		if string(m) == s {
			return m, nil
		}
	}
	return "", fmt.Errorf("--git %q: want one of none, revert, branch", s)
}

// RollbackCommit is the commit an applied rollback added to git: the workspace's files as
// the release it went back to had them, on top of what the branch held.
type RollbackCommit struct {
	Mode   GitMode `json:"mode"`
	Commit string  `json:"commit"`
	// Branch is the branch the commit went on: the current one (revert) or the new one (branch).
	Branch string `json:"branch"`
	// Base is the branch the commit's parent is on (the one checked out).
	Base    string `json:"base,omitempty"`
	Subject string `json:"subject"`
}

// Describe says where the commit went and, for a branch, how to merge it.
func (c *RollbackCommit) Describe() string {
	if c.Mode == GitBranch {
		return fmt.Sprintf("Branch %s holds the rollback commit %s (%s); %s is untouched. Merge it with `git merge %s`, "+
			"or push it (`git push origin %s`) and open a pull request.", c.Branch, short(c.Commit), c.Subject, c.Base, c.Branch, c.Branch)
	}
	return fmt.Sprintf("Committed the rollback on %s as %s (%s).", c.Branch, short(c.Commit), c.Subject)
}

// RollbackBranch is the branch GitBranch creates for a rollback of env to release n.
func RollbackBranch(env string, n int) string { return fmt.Sprintf("cx/rollback/%s/%d", env, n) }

// rollbackGit prepares and lands the commit of an applied rollback.
type rollbackGit struct {
	mode GitMode
	root string
	// to is the release gone back to, latest the newest release before the rollback.
	to, latest *Release
	env        string
	commit     *RollbackCommit
}

// checkRollbackGit refuses, before anything changes, what would keep the commit from
// landing: uncommitted changes in the workspace (the commit would silently drop or keep
// them), a detached HEAD for revert, an existing branch for branch.
func checkRollbackGit(ctx context.Context, g *rollbackGit) error {
	dirty, err := DirtyFiles(ctx, g.root, ".")
	if err != nil {
		return err
	}
	if len(dirty) > 0 {
		return fmt.Errorf("--git %s commits release %d's files, and the workspace has uncommitted changes (%s): commit or discard them first",
			g.mode, g.to.Number, strings.TrimSpace(dirty[0]))
	}
	base, _ := git(ctx, g.root, "symbolic-ref", "--quiet", "--short", "HEAD")
	if base == "" && g.mode == GitRevert {
		return errors.New("--git revert commits on the current branch, and HEAD is detached: check the branch out, or use --git branch")
	}
	g.commit = &RollbackCommit{Mode: g.mode, Branch: base, Base: base}
	if g.mode == GitBranch {
		g.commit.Branch = RollbackBranch(g.env, g.to.Number)
		if _, err := git(ctx, g.root, "show-ref", "--verify", "--quiet", "refs/heads/"+g.commit.Branch); err == nil {
			return fmt.Errorf("branch %s already exists (an earlier rollback to release %d?): merge or delete it first", g.commit.Branch, g.to.Number)
		}
	}
	return nil
}

// makeCommit creates (without moving any branch) the commit whose tree is HEAD's with the
// workspace's directory as release to had it, and returns it: what the rollback deploys.
func (g *rollbackGit) makeCommit(ctx context.Context) (string, error) {
	head, err := HeadCommit(ctx, g.root)
	if err != nil {
		return "", err
	}
	tree, err := restoredTree(ctx, g.root, g.to.Commit)
	if err != nil {
		return "", fmt.Errorf("the tree of release %d: %w", g.to.Number, err)
	}
	g.commit.Subject = fmt.Sprintf("cx rollback: %s back to release %d (%s)", g.env, g.to.Number, g.to.Tag)
	body := fmt.Sprintf("Restores the workspace's files as release %d deployed them (commit %s), on top of release %d (%s): history goes forward, nothing is rewound.\n\n"+
		"Applied by cx rollback --env %s --to %d and recorded as release %d (%s).",
		g.to.Number, short(g.to.Commit), g.latest.Number, g.latest.Tag, g.env, g.to.Number, g.latest.Number+1, TagName(g.env, g.latest.Number+1))
	args := append(identity(ctx, g.root), "commit-tree", tree, "-p", head, "-m", g.commit.Subject, "-m", body)
	if g.commit.Commit, err = git(ctx, g.root, args...); err != nil {
		return "", fmt.Errorf("commit the rollback: %w", err)
	}
	return g.commit.Commit, nil
}

// landIfAny puts the commit on its branch: a fast-forward of the current branch (revert),
// or a new branch (branch); nothing without a git mode (nil).
func (g *rollbackGit) landIfAny(ctx context.Context) error {
	if g == nil {
		return nil
	}
	if g.mode == GitBranch {
		if _, err := git(ctx, g.root, "branch", g.commit.Branch, g.commit.Commit); err != nil {
			return fmt.Errorf("create branch %s: %w", g.commit.Branch, err)
		}
		return nil
	}
	if _, err := git(ctx, g.root, "merge", "--ff-only", "--quiet", g.commit.Commit); err != nil {
		return fmt.Errorf("move %s to the rollback commit %s (did it move during the rollback?): %w", g.commit.Branch, short(g.commit.Commit), err)
	}
	return nil
}

// restoredTree writes, through a scratch index, HEAD's tree with the workspace's directory
// replaced by its content at commit; the whole tree of commit when the workspace is the
// repository's top.
func restoredTree(ctx context.Context, root, commit string) (string, error) {
	prefix, err := git(ctx, root, "rev-parse", "--show-prefix")
	if err != nil {
		return "", err
	}
	if prefix == "" {
		return git(ctx, root, "rev-parse", commit+"^{tree}")
	}
	top, err := git(ctx, root, "rev-parse", "--show-toplevel")
	if err != nil {
		return "", err
	}
	scratch, err := os.MkdirTemp("", "cx-rollback-index-")
	if err != nil {
		return "", err
	}
	defer os.RemoveAll(scratch)
	env := []string{"GIT_INDEX_FILE=" + filepath.Join(scratch, "index")}
	dir := strings.TrimSuffix(prefix, "/")
	for _, args := range [][]string{
		{"read-tree", "HEAD"},
		{"rm", "-r", "--cached", "--quiet", "--ignore-unmatch", "--", dir},
		{"read-tree", "--prefix=" + prefix, commit + ":" + dir},
	} {
		if _, err := gitWithEnv(ctx, top, env, args...); err != nil {
			return "", err
		}
	}
	return gitWithEnv(ctx, top, env, "write-tree")
}

// identity is the committer for git: the user's own when configured, else cx's (as for tags).
func identity(ctx context.Context, root string) []string {
	if email, _ := git(ctx, root, "config", "user.email"); email != "" {
		return nil
	}
	return []string{"-c", "user.name=cx", "-c", "user.email=cx@localhost"}
}
