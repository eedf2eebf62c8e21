package release

import (
	"context"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"sync"

	"github.com/cxascode/cxascode/internal/platform"
	"github.com/cxascode/cxascode/internal/runner"
	"github.com/cxascode/cxascode/internal/tofu"
	"github.com/cxascode/cxascode/internal/workspace"
	tfjson "github.com/hashicorp/terraform-json"
)

// RollbackOptions configure Rollback. The environment's org is resolved by the caller
// (target.Resolve), as for any run.
type RollbackOptions struct {
	Workspace *workspace.Workspace
	Env       string
	// To names the release to go back to: its number or tag.
	To string
	// Allowed are the objects (TYPE.NAME or PROJECT:TYPE.NAME) the guard lets the rollback
	// destroy; Apply applies the rollback when the guard lets it.
	Allowed []string
	Apply   bool
	// Git is how an applied rollback goes into git ("": GitNone).
	Git GitMode
	// Tofu, ProviderDir, OrgEnv, ExtraEnv, FindByName and Progress are passed to the runner.
	Tofu, ProviderDir string
	OrgEnv, ExtraEnv  map[string]string
	FindByName        runner.FindByName
	Progress          io.Writer
	// Client reads the org for the guard's in-use checks (nil: only "created after").
	Client *platform.Client
}

// RollbackResult is what a rollback planned, refused or applied.
type RollbackResult struct {
	Env string  `json:"env"`
	To  Release `json:"to"`
	// Plan is the release note of the rollback: what it changes in the environment.
	Plan     Note      `json:"plan"`
	Refusals []Refusal `json:"refusals,omitempty"`
	// LeftAlone are projects deployed now that the release did not have: a rollback plans
	// the release's projects only, so their objects stay.
	LeftAlone []string `json:"leftAlone,omitempty"`
	// Release is the new forward release an applied rollback recorded.
	Release *Release `json:"release,omitempty"`
	// Git is the commit an applied rollback added to git (nil with GitNone).
	Git *RollbackCommit `json:"git,omitempty"`
	// Run is the last runner result (the plan, or the apply).
	Run *runner.Result `json:"-"`
}

// ErrRefused is the guard's refusal; the result's Refusals say what and why.
var ErrRefused = errors.New("the rollback would destroy objects it must not")

// Rollback checks the release's commit out into a temporary worktree, plans its projects
// against the environment and runs the guard on the plan. With Apply and no refusal it
// applies the release's files and records a new release (history goes forward). A project
// whose plan or apply fails ends it with the run in the result and an error.
func Rollback(ctx context.Context, o RollbackOptions) (*RollbackResult, error) {
	ledger, err := ForEnv(o.Workspace, o.Env)
	if err != nil {
		return nil, err
	}
	defer ledger.Close()
	if err := ledger.RefuseUnfinished(); err != nil {
		return nil, err
	}
	releases, err := ledger.Releases()
	if err != nil {
		return nil, err
	}
	to, err := Find(releases, o.Env, o.To)
	if err != nil {
		return nil, err
	}
	pending, err := ledger.Pending()
	if err != nil {
		return nil, err
	}
	res := &RollbackResult{Env: o.Env, To: *to}
	var landing *rollbackGit
	if o.Apply && o.Git != "" && o.Git != GitNone {
		landing = &rollbackGit{mode: o.Git, root: o.Workspace.Root, to: to, latest: &releases[len(releases)-1], env: o.Env}
		if err := checkRollbackGit(ctx, landing); err != nil {
			return nil, err
		}
	}
	wt, err := CheckOut(ctx, o.Workspace.Root, to.Commit)
	if err != nil {
		return nil, err
	}
	defer wt.Remove()
	old, g, err := loadRelease(wt.Dir, to)
	if err != nil {
		return nil, err
	}
	for _, p := range o.Workspace.Projects {
		if old.Project(p.Name) == nil {
			res.LeftAlone = append(res.LeftAlone, p.Name)
		}
	}

	planned := &noteCollector{}
	run := runner.Options{Workspace: old, Graph: g, Env: o.Env, Tofu: o.Tofu, ProviderDir: o.ProviderDir,
		OrgEnv: o.OrgEnv, ExtraEnv: o.ExtraEnv, FindByName: o.FindByName, Progress: o.Progress,
		Action: runner.ActionPlan, OnPlan: planned.fromJSON}
	if res.Run, err = runner.Run(ctx, run); err != nil {
		return res, err
	}
	res.Plan = planned.note()
	if res.Run.ExitCode == 1 {
		return res, fmt.Errorf("the plan of release %d failed", to.Number)
	}
	later := slices.DeleteFunc(slices.Clone(releases), func(r Release) bool { return r.Number <= to.Number })
	res.Refusals, err = Guard(ctx, GuardInput{Plan: res.Plan, Target: *to, Later: later, Pending: pending,
		Allowed: o.Allowed, Client: o.Client})
	if err != nil {
		return res, err
	}
	if len(res.Refusals) > 0 {
		return res, ErrRefused
	}
	if !o.Apply {
		return res, nil
	}

	// With a git mode the rollback deploys a new commit holding the release's files; it is
	// made now, on no branch yet, so the ledger records it as what the apply deploys.
	commit := to.Commit
	if landing != nil {
		if commit, err = landing.makeCommit(ctx); err != nil {
			return res, err
		}
	}
	// The ledger marks the apply started once the run holds the environment's lock: a
	// rollback that waits for, or gives up on, another apply leaves no mark of its own.
	var rec *ApplyRecord
	run.BeforeRun = func(context.Context) error {
		var err error
		rec, _, err = StartApply(ledger, commit)
		return err
	}
	approved := res.Plan
	run.Action = runner.ActionApply
	run.OnPlan = func(ctx context.Context, project string, plan *tofu.SavedPlan, show func(context.Context) (*tfjson.Plan, error)) error {
		// The apply plans again: it may destroy only what the guard saw.
		p, err := show(ctx)
		if err != nil {
			return err
		}
		if extra := unapproved(approved, NoteFromPlan(project, p)); len(extra) > 0 {
			return fmt.Errorf("the plan changed since the guard checked it: it would now also destroy %s; run cx rollback again", strings.Join(extra, ", "))
		}
		return rec.OnPlan(ctx, project, plan, show)
	}
	res.Run, err = runner.Run(ctx, run)
	if err != nil {
		if rec != nil {
			rec.Finish(nil, false)
		}
		return res, err
	}
	var applied []string
	for _, p := range res.Run.Projects {
		if p.Status == runner.StatusApplied {
			applied = append(applied, p.Project)
		}
	}
	if err := rec.Finish(applied, res.Run.ExitCode == 0); err != nil {
		return res, err
	}
	if res.Run.ExitCode != 0 {
		return res, fmt.Errorf("the rollback to release %d did not complete; run it again to finish", to.Number)
	}
	// The environment changed: the ledger records it even when git refuses the commit.
	landErr := landing.landIfAny(ctx)
	if res.Release, err = ledger.Append(to.Number, Tagger(ctx, o.Workspace.Root)); err != nil {
		return res, err
	}
	if landErr != nil {
		return res, fmt.Errorf("the rollback is applied and recorded as release %d (tag %s on commit %s), but %w; merge that tag yourself",
			res.Release.Number, res.Release.Tag, short(res.Release.Commit), landErr)
	}
	if landing != nil {
		res.Git = landing.commit
	}
	return res, nil
}

// loadRelease loads the workspace as it was at the release, and its graph.
func loadRelease(dir string, to *Release) (*workspace.Workspace, *workspace.Graph, error) {
	ws, err := workspace.Load(dir)
	if err != nil {
		return nil, nil, fmt.Errorf("load release %d: %w", to.Number, err)
	}
	g, ds := workspace.BuildGraph(ws)
	if diags := workspace.Diagnostics(ds); diags.HasErrors() {
		return nil, nil, fmt.Errorf("the graph of release %d has errors:\n%s", to.Number, diags.Errors())
	}
	return ws, g, nil
}

// unapproved lists what got destroys that approved did not have.
func unapproved(approved Note, got ProjectNote) []string {
	var ok []string
	for _, p := range approved.Projects {
		if p.Project == got.Project {
			for _, o := range p.Destroyed {
				ok = append(ok, o.Address)
			}
		}
	}
	var extra []string
	for _, o := range got.Destroyed {
		if !slices.Contains(ok, o.Address) {
			extra = append(extra, o.Address)
		}
	}
	return extra
}

// noteCollector gathers the projects' notes of a run, from goroutines at once.
type noteCollector struct {
	mu       sync.Mutex
	projects []ProjectNote
}

// fromJSON reads a project's note from its saved plan's JSON, with the ids the guard needs.
func (c *noteCollector) fromJSON(ctx context.Context, project string, _ *tofu.SavedPlan, show func(context.Context) (*tfjson.Plan, error)) error {
	p, err := show(ctx)
	if err != nil {
		return err
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	c.projects = append(c.projects, NoteFromPlan(project, p))
	return nil
}

func (c *noteCollector) note() Note {
	c.mu.Lock()
	defer c.mu.Unlock()
	return Note{Projects: slices.Clone(c.projects)}.Sorted()
}
