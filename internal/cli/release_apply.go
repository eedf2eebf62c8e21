package cli

import (
	"context"
	"fmt"
	"io"

	"github.com/cxascode/cxascode/internal/release"
	"github.com/cxascode/cxascode/internal/runner"
	"github.com/cxascode/cxascode/internal/workspace"
)

// applyLedger is an apply as the environment's ledger sees it: marked started before the
// run, its projects' notes taken from their plans, recorded as applied when it ends and,
// with --release, released.
type applyLedger struct {
	ledger *release.Ledger
	record *release.ApplyRecord
	root   string
}

// startApplyLedger marks the apply started; with release, the workspace must be a git
// commit, which the release records. A mark left by a killed apply is reported: this apply
// finishes its job.
func startApplyLedger(ctx context.Context, ws *workspace.Workspace, env string, releasing bool, stderr io.Writer) (*applyLedger, error) {
	commit, err := release.HeadCommit(ctx, ws.Root)
	if err != nil && releasing {
		return nil, err
	}
	if releasing {
		if dirty, err := release.DirtyFiles(ctx, ws.Root); err != nil {
			return nil, err
		} else if len(dirty) > 0 {
			return nil, fmt.Errorf("--release records commit %.12s, and the workspace has uncommitted changes (%s): commit them first", commit, dirty[0])
		}
	}
	l, err := release.ForEnv(ws, env)
	if err != nil {
		return nil, err
	}
	rec, previous, err := release.StartApply(l, commit)
	if err != nil {
		l.Close()
		return nil, err
	}
	if previous != nil {
		fmt.Fprintf(stderr, "warning: an apply did not finish: %s (killed?); this apply finishes its job.\n", previous.Describe(env))
	}
	return &applyLedger{ledger: l, record: rec, root: ws.Root}, nil
}

// finish records the applied projects and clears the mark.
func (a *applyLedger) finish(res *runner.Result) error {
	var applied []string
	succeeded := res != nil && res.ExitCode == 0
	if res != nil {
		for _, p := range res.Projects {
			if p.Status == runner.StatusApplied {
				applied = append(applied, p.Project)
			}
		}
	}
	return a.record.Finish(applied, succeeded)
}

// close releases the ledger's connection once the apply (and its release) are done.
func (a *applyLedger) close() { a.ledger.Close() }

// release records a release of what was applied and prints it.
func (a *applyLedger) release(ctx context.Context, w io.Writer) error {
	r, err := a.ledger.Append(0, release.Tagger(ctx, a.root))
	if err != nil {
		return err
	}
	fmt.Fprintln(w)
	writeReleaseText(w, r)
	return nil
}
