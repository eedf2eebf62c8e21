// Package affected answers which projects of a workspace a change touches: the files changed
// in git since a ref (committed or not, and untracked ones) mapped to the projects holding
// them, with every project depending on those. cx runs only those with --affected-since, so
// a pull request plans what it can break and nothing else.
package affected

import (
	"context"
	"errors"
	"fmt"
	"os/exec"
	"path/filepath"
	"strings"

	"github.com/cxascode/cxascode/internal/workspace"
)

// Since lists the projects touched by files changed since ref in the git repository holding
// root, with their dependents.
func Since(ctx context.Context, root string, g *workspace.Graph, ref string) ([]string, error) {
	files, err := ChangedFiles(ctx, root, ref)
	if err != nil {
		return nil, err
	}
	return g.Affected(files), nil
}

// ChangedFiles lists, as absolute paths, the files changed since ref (committed or not)
// and the untracked ones, in the git repository holding root.
func ChangedFiles(ctx context.Context, root, ref string) ([]string, error) {
	git := func(args ...string) (string, error) {
		cmd := exec.CommandContext(ctx, "git", args...)
		cmd.Dir = root
		out, err := cmd.Output()
		if err != nil {
			var ee *exec.ExitError
			if errors.As(err, &ee) {
				return "", fmt.Errorf("git %s: %s", strings.Join(args, " "), strings.TrimSpace(string(ee.Stderr)))
			}
			return "", fmt.Errorf("git %s: %w", strings.Join(args, " "), err)
		}
		return string(out), nil
	}
	top, err := git("rev-parse", "--show-toplevel")
	if err != nil {
		return nil, fmt.Errorf("--affected-since needs the workspace in a git repository: %w", err)
	}
	top = strings.TrimSpace(top)
	changed, err := git("diff", "--name-only", ref, "--")
	if err != nil {
		return nil, err
	}
	untracked, err := git("ls-files", "--others", "--exclude-standard", "--full-name")
	if err != nil {
		return nil, err
	}
	var files []string
	for _, l := range strings.Split(changed+"\n"+untracked, "\n") {
		if l = strings.TrimSpace(l); l != "" {
			files = append(files, filepath.Join(top, filepath.FromSlash(l)))
		}
	}
	return files, nil
}
