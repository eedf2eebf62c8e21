package backport

import (
	"context"
	"errors"
	"fmt"
	"os/exec"
	"path/filepath"
	"strings"
	"time"
)

// Git runs git in the workspace's repository.
type Git struct {
	Root string // the workspace root (any directory inside the repository)
}

func (g Git) run(ctx context.Context, args ...string) (string, error) {
	cmd := exec.CommandContext(ctx, "git", args...)
	cmd.Dir = g.Root
	out, err := cmd.Output()
	if err != nil {
		var ee *exec.ExitError
		if errors.As(err, &ee) {
			return "", fmt.Errorf("git %s: %s", strings.Join(args, " "), strings.TrimSpace(string(ee.Stderr)))
		}
		return "", fmt.Errorf("git %s: %w", strings.Join(args, " "), err)
	}
	return strings.TrimRight(string(out), "\n"), nil
}

// CheckClean fails unless the workspace is in a git repository whose tracked files have no
// uncommitted change: a backport commit must hold the backport and nothing else.
func (g Git) CheckClean(ctx context.Context) error {
	if _, err := g.run(ctx, "rev-parse", "--show-toplevel"); err != nil {
		return fmt.Errorf("cx backport commits to a new branch, so the workspace must be in a git repository (or use --patch): %w", err)
	}
	status, err := g.run(ctx, "status", "--porcelain", "--untracked-files=no")
	if err != nil {
		return err
	}
	if status != "" {
		return fmt.Errorf("the working tree has uncommitted changes; commit or stash them first, or use --patch to get a diff instead:\n%s", status)
	}
	return nil
}

// BranchName is the default branch of a backport: cx/backport-<env>-<UTC timestamp>.
func BranchName(env string, now time.Time) string {
	return "cx/backport-" + env + "-" + now.UTC().Format("20060102-150405")
}

// Commit creates branch from the current commit, switches to it, and commits the result's
// files (written already) with message. Without a configured git identity the commit is
// authored as "cx backport".
func (g Git) Commit(ctx context.Context, branch string, r *Result, message string) error {
	if _, err := g.run(ctx, "switch", "-c", branch); err != nil {
		return err
	}
	top, err := g.run(ctx, "rev-parse", "--show-toplevel")
	if err != nil {
		return err
	}
	root, err := filepath.Abs(g.Root)
	if err != nil {
		return err
	}
	if r, err := filepath.EvalSymlinks(root); err == nil {
		root = r
	}
	args := []string{"add", "--"}
	for _, c := range r.Changes {
		rel, err := filepath.Rel(top, filepath.Join(root, filepath.FromSlash(c.Path)))
		if err != nil {
			return err
		}
		args = append(args, filepath.ToSlash(rel))
	}
	gt := Git{Root: top}
	if _, err := gt.run(ctx, args...); err != nil {
		return err
	}
	commit := []string{"commit", "--quiet", "-m", message}
	if email, _ := gt.run(ctx, "config", "user.email"); email == "" {
		commit = append([]string{"-c", "user.name=cx backport", "-c", "user.email=cx-backport@localhost"}, commit...)
	}
	_, err = gt.run(ctx, commit...)
	return err
}

// CommitMessage says what the backport took from which environment, and who made the
// changes according to the audit log.
func CommitMessage(r *Result, who map[string]string) string {
	var s strings.Builder
	fmt.Fprintf(&s, "Backport %s: changes made in the org into code\n\n", r.Env)
	fmt.Fprintf(&s, "cx backport wrote what cx drift found in %s, so that code matches the org again.\n\n", r.Env)
	for _, it := range r.Done {
		line := "- " + it.Object + ": " + it.What
		if w := who[it.Object]; w != "" {
			line += " [" + w + "]"
		}
		s.WriteString(line + "\n")
	}
	if len(r.Skipped) > 0 {
		s.WriteString("\nNot backported (needs a person):\n")
		for _, it := range r.Skipped {
			s.WriteString("- " + it.Object + ": " + it.What + "\n")
		}
	}
	return s.String()
}
