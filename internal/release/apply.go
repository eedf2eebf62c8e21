package release

import (
	"context"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/cxascode/cxascode/internal/tofu"
	tfjson "github.com/hashicorp/terraform-json"
)

// ApplyRecord follows one apply for the ledger: marked started before anything changes,
// each project's note taken from its plan, and recorded as applied when it ends.
type ApplyRecord struct {
	ledger *Ledger
	commit string
	mu     sync.Mutex
	notes  map[string]ProjectNote
}

// StartApply marks an apply of commit ("" outside git) started on the ledger. previous is
// the mark of an earlier apply that never ended (killed), or nil: this one finishes its job.
func StartApply(l *Ledger, commit string) (rec *ApplyRecord, previous *Started, err error) {
	if previous, err = l.Unfinished(); err != nil {
		return nil, nil, err
	}
	if err := l.MarkStarted(commit); err != nil {
		return nil, nil, err
	}
	return &ApplyRecord{ledger: l, commit: commit, notes: map[string]ProjectNote{}}, previous, nil
}

// OnPlan takes a project's note from its plan's output (runner.Options.OnPlan).
func (a *ApplyRecord) OnPlan(_ context.Context, project string, plan *tofu.SavedPlan, _ func(context.Context) (*tfjson.Plan, error)) error {
	note := NoteFromPlanOutput(project, plan.Output)
	a.mu.Lock()
	defer a.mu.Unlock()
	a.notes[project] = note
	return nil
}

// Finish records the projects applied (those that ended applied; the others changed
// nothing, or failed and are re-run) and clears the started mark. A whole run that
// succeeded is recorded even when it changed nothing: the commit is what is deployed.
func (a *ApplyRecord) Finish(applied []string, succeeded bool) error {
	a.mu.Lock()
	var note Note
	for _, p := range applied {
		if n, ok := a.notes[p]; ok {
			note.Projects = append(note.Projects, n)
		}
	}
	a.mu.Unlock()
	if len(note.Projects) > 0 || succeeded {
		slices.SortFunc(note.Projects, func(x, y ProjectNote) int { return strings.Compare(x.Project, y.Project) })
		if err := a.ledger.RecordApplied(Applied{Commit: a.commit, Time: time.Now().UTC(), Note: note}); err != nil {
			return err
		}
	}
	return a.ledger.ClearStarted()
}
