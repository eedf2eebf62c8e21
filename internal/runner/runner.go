package runner

import (
	"context"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/cxascode/cxascode/internal/target"
	"github.com/cxascode/cxascode/internal/tofu"
	"github.com/cxascode/cxascode/internal/workspace"
	tfjson "github.com/hashicorp/terraform-json"
)

// Action is what a run does to each project.
type Action string

// The actions Run performs.
const (
	ActionPlan    Action = "plan"
	ActionApply   Action = "apply"
	ActionDestroy Action = "destroy"
)

// Status is how one project's run ended.
type Status string

// Project statuses. Failed and skipped make a run fail; changes and deferred mean the
// environment differs from the code.
const (
	StatusNoChanges Status = "no changes"
	StatusChanges   Status = "changes"
	StatusApplied   Status = "applied"
	StatusDestroyed Status = "destroyed"
	StatusFailed    Status = "failed"
	StatusSkipped   Status = "skipped"
	// StatusDeferred is a plan that failed while a project it depends on has changes not yet
	// applied: its by-name lookups may only resolve once they are. Apply plans it after them.
	StatusDeferred Status = "deferred"
)

// DefaultParallel is how many projects run at once unless told otherwise: the work waits on
// the org's API, so more than the cores pays off, and the org's rate budget caps it.
const DefaultParallel = 4

// Options configure Run.
type Options struct {
	Workspace *workspace.Workspace
	Graph     *workspace.Graph
	Env       string
	Action    Action
	// Projects limits the run to these projects (empty: all); their dependencies outside the
	// selection are taken as deployed already. A destroy of some projects refuses while a
	// project outside them depends on one, unless Force is set.
	Projects []string
	// Force destroys the selected projects even when projects outside the selection depend
	// on them (those are left broken).
	Force bool
	// LockTimeout bounds the wait for another cx command holding the environment's lock
	// (0: safefile.DefaultLockTimeout; negative: fail at once).
	LockTimeout time.Duration
	// Parallel is how many projects run at once (0: DefaultParallel).
	Parallel int
	// Tofu is the OpenTofu binary; ProviderDir holds the provider plugin (target.Resolve finds both).
	Tofu        string
	ProviderDir string
	// OrgEnv holds the provider's environment for the environment's org (target.Resolve).
	OrgEnv map[string]string
	// FindByName, when not nil, lets an apply finish the job of an apply that was killed:
	// objects it created but never recorded in state are imported (see adoptOrphans).
	FindByName FindByName
	// OnPlan, when not nil, sees each project's plan that has changes before an apply applies
	// it (a release note, a rollback's guard); an error fails the project before anything
	// changes. show reads the plan as JSON, which costs one more OpenTofu run. Projects run
	// in parallel, so it is called from several goroutines at once.
	OnPlan func(ctx context.Context, project string, plan *tofu.SavedPlan, show func(context.Context) (*tfjson.Plan, error)) error
	// Speculate, when not nil, makes a speculative org for a plan: a project whose
	// dependencies have unapplied changes is planned against it, with their plans applied
	// there, instead of being deferred (speculative.go). Plans only.
	Speculate func(ctx context.Context) (*target.SpeculativeOrg, error)
	// BeforeRun and AfterRun, when not nil, run while the run holds the environment's lock,
	// before the first project starts and after the last one ended: what they record about
	// the run (the release ledger's "apply started" mark) cannot interleave with another
	// run's. An error from BeforeRun stops the run before it changes anything; one from
	// AfterRun is Run's error, with the result.
	BeforeRun func(ctx context.Context) error
	AfterRun  func(res *Result) error
	// ExtraEnv is added to tofu's environment last.
	ExtraEnv map[string]string
	// TofuParallelism is OpenTofu's -parallelism inside one project (0: OpenTofu's default).
	TofuParallelism int
	// Progress receives one line per step; nil discards them. Live redraws a status line
	// below them (for terminals).
	Progress io.Writer
	Live     bool
}

// ProjectResult is one project's outcome.
type ProjectResult struct {
	Project  string        `json:"project"`
	Status   Status        `json:"status"`
	Add      int           `json:"add"`
	Change   int           `json:"change"`
	Destroy  int           `json:"destroy"`
	Duration time.Duration `json:"-"`
	Seconds  float64       `json:"seconds"`
	// Error says why the project failed, was skipped or deferred.
	Error string `json:"error,omitempty"`
	// Speculative is a plan made against a copy of the org with the plans of PlannedAfter
	// (dependencies with unapplied changes) applied: what the project will do once they
	// are. It is never applied; cx apply plans the project again after them.
	Speculative  bool     `json:"speculative,omitempty"`
	PlannedAfter []string `json:"plannedAfter,omitempty"`
	Log          string   `json:"log,omitempty"`
}

// Result is a whole run's outcome, projects in run order.
type Result struct {
	Workspace string          `json:"workspace"`
	Env       string          `json:"env"`
	Action    Action          `json:"action"`
	Parallel  int             `json:"parallel"`
	Projects  []ProjectResult `json:"projects"`
	Duration  time.Duration   `json:"-"`
	Seconds   float64         `json:"seconds"`
	ExitCode  int             `json:"exitCode"`
}

// exitCode follows -detailed-exitcode: 1 when any project failed or was skipped, 2 when a
// plan has changes (or was deferred behind changes), 0 otherwise.
func (r *Result) exitCode() int {
	code := 0
	for _, p := range r.Projects {
		switch p.Status {
		case StatusFailed, StatusSkipped:
			return 1
		case StatusChanges, StatusDeferred:
			code = 2
		}
	}
	return code
}

// Count returns how many projects ended with status s.
func (r *Result) Count(s Status) int {
	n := 0
	for _, p := range r.Projects {
		if p.Status == s {
			n++
		}
	}
	return n
}

// Project returns the result of one project, or nil.
func (r *Result) Project(name string) *ProjectResult {
	for i := range r.Projects {
		if r.Projects[i].Project == name {
			return &r.Projects[i]
		}
	}
	return nil
}

// runState is one Run in progress.
type runState struct {
	opts     *Options
	env      *tofu.Environment
	progress *progressPrinter
	// spec is the plan's speculative org (nil: none); feeds are the projects others of the
	// run depend on, whose plans go into it.
	spec  *speculation
	feeds map[string]bool
}

// Run plans, applies or destroys the selected projects of one environment in dependency
// order (reverse for destroy), at most opts.Parallel at a time. Project failures are in
// the result, not the error; the error is for runs that cannot start.
func Run(ctx context.Context, opts Options) (*Result, error) {
	if opts.Workspace == nil || opts.Graph == nil {
		return nil, errors.New("runner: a workspace and its graph are required")
	}
	if _, ok := opts.Workspace.Config.Environment(opts.Env); !ok {
		return nil, fmt.Errorf("unknown environment %q (cx.hcl has %s)", opts.Env, envNames(opts.Workspace.Config))
	}
	switch opts.Action {
	case ActionPlan, ActionApply, ActionDestroy:
	default:
		return nil, fmt.Errorf("runner: unknown action %q", opts.Action)
	}
	if opts.Tofu == "" || opts.ProviderDir == "" {
		return nil, errors.New("runner: Tofu and ProviderDir are required (see target.Resolve)")
	}
	if opts.Parallel <= 0 {
		opts.Parallel = DefaultParallel
	}
	order, err := opts.Graph.Order()
	if err != nil {
		return nil, err
	}
	selected, err := selectProjects(opts.Graph, order, opts.Projects)
	if err != nil {
		return nil, err
	}
	deps := map[string][]string{}
	for _, p := range selected {
		var ds []string
		if opts.Action == ActionDestroy {
			ds = opts.Graph.Dependents(p) // dependents go first when tearing down
		} else {
			ds = opts.Graph.Dependencies(p)
		}
		for _, d := range ds {
			if slices.Contains(selected, d) {
				deps[p] = append(deps[p], d)
			}
		}
	}
	if opts.Action == ActionDestroy && len(opts.Projects) > 0 && !opts.Force {
		if err := checkOutsideDependents(opts.Graph, opts.Env, selected); err != nil {
			return nil, err
		}
	}
	if opts.Action == ActionDestroy {
		slices.Reverse(selected)
	}

	r := &runState{opts: &opts, env: &tofu.Environment{Workspace: opts.Workspace, Name: opts.Env,
		Tofu: opts.Tofu, ProviderDir: opts.ProviderDir, OrgEnv: opts.OrgEnv, ExtraEnv: opts.ExtraEnv,
		Concurrency: max(1, min(opts.Parallel, len(selected))),
		Command:     fmt.Sprintf("cx %s --env %s", opts.Action, opts.Env), LockTimeout: opts.LockTimeout, Progress: opts.Progress}}
	// Held for the whole run: every run of an environment shares its state and OpenTofu data
	// directories, so a second one must wait rather than interleave.
	release, err := r.env.Hold(ctx)
	if err != nil {
		return nil, err
	}
	defer release()
	if opts.BeforeRun != nil {
		if err := opts.BeforeRun(ctx); err != nil {
			return nil, err
		}
	}
	r.progress = newProgressPrinter(opts.Progress, opts.Live, len(selected))
	if opts.Action == ActionPlan && opts.Speculate != nil {
		r.spec, r.feeds = &speculation{opts: &opts, real: r.env}, map[string]bool{}
		for _, ds := range deps {
			for _, d := range ds {
				r.feeds[d] = true
			}
		}
		defer func() {
			if err := r.spec.close(ctx); err != nil {
				r.progress.event("(speculative org)", err.Error())
			}
		}()
	}

	start := time.Now()
	results := r.schedule(ctx, selected, deps)
	res := &Result{Workspace: opts.Workspace.Config.Name, Env: opts.Env, Action: opts.Action, Parallel: opts.Parallel,
		Duration: time.Since(start)}
	res.Seconds = roundSeconds(res.Duration)
	for _, p := range selected {
		pr := results[p]
		pr.Seconds = roundSeconds(pr.Duration)
		res.Projects = append(res.Projects, *pr)
	}
	res.ExitCode = res.exitCode()
	r.progress.finish()
	if opts.AfterRun != nil {
		return res, opts.AfterRun(res)
	}
	return res, nil
}

// schedule runs projects as soon as everything they wait for has finished, keeping at most
// Parallel running; a project whose dependency failed or was skipped is skipped.
//
// A plan may also start a project early, while its dependencies are still planning, when a
// slot would otherwise stay idle (see mayStartEarly). Such a plan is kept only if every
// dependency then finishes with no changes, when it is the very plan the project would have
// made after them (a plan changes nothing in the org, and with no pending changes the
// project plans against the org itself); otherwise it is dropped and the project planned
// again once they are done, as it would have been.
func (r *runState) schedule(ctx context.Context, order []string, deps map[string][]string) map[string]*ProjectResult {
	finished := map[string]*ProjectResult{}
	started := map[string]bool{}
	early := map[string]bool{}          // started before its dependencies finished
	held := map[string]*ProjectResult{} // early plans done, waiting for their dependencies
	done := make(chan *ProjectResult)
	running := 0
	for len(finished) < len(order) {
		for changed := true; changed; {
			changed = false
			for _, p := range order {
				if started[p] {
					continue
				}
				ready := true
				var failed []string
				for _, d := range deps[p] {
					dr, ok := finished[d]
					switch {
					case !ok:
						ready = false
					case dr.Status == StatusFailed || dr.Status == StatusSkipped:
						failed = append(failed, d)
					}
				}
				switch {
				case len(failed) > 0:
					started[p], changed = true, true
					finished[p] = &ProjectResult{Project: p, Status: StatusSkipped,
						Error: "depends on " + strings.Join(failed, ", ") + ", which did not complete"}
					r.progress.end(p, "skipped: "+finished[p].Error)
				case ctx.Err() != nil:
					started[p], changed = true, true
					finished[p] = &ProjectResult{Project: p, Status: StatusSkipped, Error: "cancelled"}
				case ready && running < r.opts.Parallel:
					started[p] = true
					running++
					pending := pendingChanges(deps[p], finished)
					go func() { done <- r.runProject(ctx, p, pending, false) }()
				}
			}
		}
		// Slots no ready project takes go to projects whose dependencies are planning.
		for _, p := range order {
			if running >= r.opts.Parallel || ctx.Err() != nil {
				break
			}
			if !started[p] && r.mayStartEarly(p, deps[p], started, finished) {
				started[p], early[p] = true, true
				running++
				go func() { done <- r.runProject(ctx, p, nil, true) }()
			}
		}
		if running == 0 && len(held) == 0 {
			break // nothing left that can run (cannot happen on an acyclic graph)
		}
		if running > 0 {
			pr := <-done
			running--
			if early[pr.Project] {
				held[pr.Project] = pr
			} else {
				finished[pr.Project] = pr
			}
		}
		for _, p := range order { // in order: a plan kept here may settle one held after it
			pr, ok := held[p]
			if !ok {
				continue
			}
			outcome := r.earlyOutcome(deps[p], finished, pr)
			if outcome == earlyWaits {
				continue
			}
			delete(held, p)
			if outcome == earlyKept {
				finished[p] = pr
				r.progress.end(p, describe(*pr))
				continue
			}
			started[p], early[p] = false, false
			why := "plans again: its early plan failed"
			if pr.Status != StatusFailed {
				why = "plans again: " + strings.Join(changedOrFailed(deps[p], finished), ", ") + " did not finish with no changes"
			}
			r.progress.event(p, why)
		}
	}
	return finished
}

type earlyResult int

const (
	earlyWaits   earlyResult = iota // a dependency is still running
	earlyKept                       // the early plan is the project's plan
	earlyDropped                    // the project plans again
)

// earlyOutcome decides what becomes of an early plan pr once its dependencies are done. It
// stands when they all finished with no changes, unless it failed (its lookups did not wait
// for their objects, as they would have). When some have pending changes and the run has no
// speculative org, planning again would repeat the early plan exactly (same org, lookups that
// do not wait): it stands too, a failure then counting as deferred, as runProject has it. A
// dependency that failed or was skipped drops it: the project is skipped.
func (r *runState) earlyOutcome(deps []string, finished map[string]*ProjectResult, pr *ProjectResult) earlyResult {
	var pending []string
	for _, d := range deps {
		dr, ok := finished[d]
		switch {
		case !ok:
			return earlyWaits
		case dr.Status == StatusFailed || dr.Status == StatusSkipped:
			return earlyDropped
		case dr.Status != StatusNoChanges:
			pending = append(pending, d)
		}
	}
	switch {
	case len(pending) == 0 && pr.Status != StatusFailed:
		return earlyKept
	case len(pending) > 0 && r.spec == nil:
		if pr.Status == StatusFailed {
			deferTo(pr, pending)
		}
		return earlyKept
	}
	return earlyDropped
}

// mayStartEarly reports whether project p, not ready yet, may start planning early: a plan
// whose plans nobody reads as they are made (OnPlan: saved plans, policies and rollback notes
// would see a plan later dropped), with every dependency either planning now or finished
// with no changes. A project other projects of the run wait for in a speculative org is not
// started early: its plan with changes goes into that org, which a dropped plan must not do.
func (r *runState) mayStartEarly(p string, deps []string, started map[string]bool, finished map[string]*ProjectResult) bool {
	if r.opts.Action != ActionPlan || r.opts.OnPlan != nil || r.feeds[p] || len(deps) == 0 {
		return false
	}
	for _, d := range deps {
		if dr, ok := finished[d]; ok {
			if dr.Status != StatusNoChanges {
				return false
			}
		} else if !started[d] {
			return false
		}
	}
	return true
}

// deferTo reads a failed plan as waiting for the pending changes of its dependencies: its
// by-name lookups may only resolve once those are applied.
func deferTo(res *ProjectResult, pending []string) {
	res.Status = StatusDeferred
	res.Error = "waits for the changes of " + strings.Join(pending, ", ") + " (" + res.Error + ")"
}

// changedOrFailed lists the finished dependencies that ended other than with no changes.
func changedOrFailed(deps []string, finished map[string]*ProjectResult) []string {
	var out []string
	for _, d := range deps {
		if dr := finished[d]; dr != nil && dr.Status != StatusNoChanges {
			out = append(out, d+" ("+string(dr.Status)+")")
		}
	}
	return out
}

// pendingChanges lists the dependencies whose plans have changes not yet applied.
func pendingChanges(deps []string, finished map[string]*ProjectResult) []string {
	var pending []string
	for _, d := range deps {
		if s := finished[d].Status; s == StatusChanges || s == StatusDeferred {
			pending = append(pending, d)
		}
	}
	return pending
}

// runProject runs one project; pending are its dependencies with unapplied changes. early
// says its dependencies are still planning (see schedule).
func (r *runState) runProject(ctx context.Context, p string, pending []string, early bool) *ProjectResult {
	project := r.opts.Workspace.Project(p)
	if early {
		r.progress.startEarly(p)
	} else {
		r.progress.start(p)
	}
	run := &projectRun{opts: r.opts, env: r.env, project: project}
	speculative := r.prepareSpeculation(run, pending)
	if early {
		// An object the dependencies are about to create is not there for a plan: looking
		// it up fails at once, and a failed early plan is planned again (see schedule).
		run.lookupsDoNotWait()
	}
	res := run.run(ctx, func(step string) { r.progress.event(p, step) })
	if speculative {
		res.Speculative, res.PlannedAfter = true, pending
		if res.Status == StatusFailed {
			res.Error += " (in a speculative plan: against a copy of the org with the plans of " + strings.Join(pending, ", ") + " applied)"
		}
	} else if res.Status == StatusFailed && r.opts.Action == ActionPlan && len(pending) > 0 {
		deferTo(&res, pending)
	}
	if early {
		r.progress.heldBack(p) // told when its dependencies are done (see schedule)
	} else {
		r.progress.end(p, describe(res))
	}
	return &res
}

// checkOutsideDependents refuses a destroy of some projects while projects outside them
// depend on one: destroying it would leave them pointing at objects that are gone.
func checkOutsideDependents(g *workspace.Graph, env string, selected []string) error {
	var outside []string
	for _, p := range selected {
		for _, d := range g.Dependents(p) {
			if !slices.Contains(selected, d) && !slices.Contains(outside, d) {
				outside = append(outside, d)
			}
		}
	}
	if len(outside) == 0 {
		return nil
	}
	slices.Sort(outside)
	return fmt.Errorf("%s depend on %s: destroying it would break them; destroy them too (cx destroy --env %s %s) or pass --force",
		strings.Join(outside, ", "), strings.Join(selected, ", "), env, strings.Join(append(slices.Clone(selected), outside...), " "))
}

// selectProjects returns the named projects (all when none are named) in deployment order.
func selectProjects(g *workspace.Graph, order, names []string) ([]string, error) {
	if len(names) == 0 {
		return order, nil
	}
	var unknown []string
	for _, n := range names {
		if !slices.Contains(order, n) {
			unknown = append(unknown, n)
		}
	}
	if len(unknown) > 0 {
		return nil, fmt.Errorf("unknown project %s (the workspace has %s)", strings.Join(unknown, ", "), strings.Join(g.Projects, ", "))
	}
	var out []string
	for _, p := range order {
		if slices.Contains(names, p) {
			out = append(out, p)
		}
	}
	return out, nil
}

func envNames(c *workspace.Config) string {
	var names []string
	for _, e := range c.Environments {
		names = append(names, e.Name)
	}
	return strings.Join(names, ", ")
}

func roundSeconds(d time.Duration) float64 {
	return float64(d.Round(10*time.Millisecond)) / float64(time.Second)
}

// describe is a project's outcome in a few words.
func describe(p ProjectResult) string {
	switch p.Status {
	case StatusChanges, StatusApplied, StatusDestroyed:
		return fmt.Sprintf("%s (+%d ~%d -%d)", p.Status, p.Add, p.Change, p.Destroy)
	case StatusFailed, StatusSkipped, StatusDeferred:
		return fmt.Sprintf("%s: %s", p.Status, p.Error)
	}
	return string(p.Status)
}

// progressPrinter writes one line per event and, on a terminal, keeps a status line below.
type progressPrinter struct {
	mu      sync.Mutex
	w       io.Writer
	live    bool
	start0  time.Time
	total   int
	done    int
	running []string
}

func newProgressPrinter(w io.Writer, live bool, total int) *progressPrinter {
	return &progressPrinter{w: w, live: live, start0: time.Now(), total: total}
}

func (p *progressPrinter) start(project string) {
	p.mu.Lock()
	p.running = append(p.running, project)
	p.mu.Unlock()
	p.event(project, "started")
}

// startEarly is start for a plan begun while the project's dependencies still plan.
func (p *progressPrinter) startEarly(project string) {
	p.mu.Lock()
	p.running = append(p.running, project)
	p.mu.Unlock()
	p.event(project, "started while its dependencies plan (kept if they have no changes)")
}

// heldBack is end for an early plan, which is told once kept (end) or dropped (event).
func (p *progressPrinter) heldBack(project string) {
	p.mu.Lock()
	p.running = slices.DeleteFunc(p.running, func(s string) bool { return s == project })
	p.mu.Unlock()
}

func (p *progressPrinter) end(project, what string) {
	p.mu.Lock()
	p.running = slices.DeleteFunc(p.running, func(s string) bool { return s == project })
	p.done++
	p.mu.Unlock()
	p.event(project, what)
}

func (p *progressPrinter) event(project, what string) {
	if p.w == nil {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.live {
		fmt.Fprint(p.w, "\r\033[K")
	}
	fmt.Fprintf(p.w, "[%6.1fs] %-24s %s\n", time.Since(p.start0).Seconds(), project, what)
	if p.live {
		fmt.Fprintf(p.w, "  %d/%d done · running: %s", p.done, p.total, strings.Join(p.running, ", "))
	}
}

func (p *progressPrinter) finish() {
	if p.w != nil && p.live {
		fmt.Fprint(p.w, "\r\033[K")
	}
}
