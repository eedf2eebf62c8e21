package cli

import (
	"context"
	"fmt"
	"io"

	"github.com/cxascode/cxascode/internal/release"
	"github.com/cxascode/cxascode/internal/runner"
	"github.com/cxascode/cxascode/internal/tofu"
	"github.com/cxascode/cxascode/internal/workspace"
	tfjson "github.com/hashicorp/terraform-json"
)

// applyLedger is an apply as the environment's ledger sees it: marked started once the run
// holds the environment (begin), its projects' notes taken from their plans, recorded as
// applied when it ends (finish, still holding it) and, with --release, released.
type applyLedger struct {
	ledger *release.Ledger
	record *release.ApplyRecord
	commit string
	stderr io.Writer
	root   string
}

// startApplyLedger opens the environment's ledger; with release, the workspace must be a git
// commit, which the release records.
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
	return &applyLedger{ledger: l, commit: commit, stderr: stderr, root: ws.Root}, nil
}

// begin marks the apply started (runner.Options.BeforeRun). A mark left by a killed apply
// is reported: this apply finishes its job.
func (a *applyLedger) begin(context.Context) error {
	rec, previous, err := release.StartApply(a.ledger, a.commit)
	if err != nil {
		return err
	}
	a.record = rec
	if previous != nil {
		fmt.Fprintf(a.stderr, "warning: an apply did not finish: %s (killed?); this apply finishes its job.\n", previous.Describe(a.ledger.Env))
	}
	return nil
}

// onPlan takes each project's note from its plan (runner.Options.OnPlan).
func (a *applyLedger) onPlan(ctx context.Context, project string, plan *tofu.SavedPlan, show func(context.Context) (*tfjson.Plan, error)) error {
	return a.record.OnPlan(ctx, project, plan, show)
}

// finish records the applied projects and clears the mark (runner.Options.AfterRun).
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

// release records a release of what was applied.
func (a *applyLedger) release(ctx context.Context) (*release.Release, error) {
	return a.ledger.Append(0, release.Tagger(ctx, a.root))
}
