package drift

import (
	"context"
	"errors"
	"fmt"
	"io"
	"sync"
	"time"

	"github.com/cxascode/cxascode/internal/tofu"
	"github.com/cxascode/cxascode/internal/workspace"
	tfjson "github.com/hashicorp/terraform-json"
)

// Planner makes a refresh-only plan of one project in the environment being checked: the
// project's state compared with the org, nothing changed anywhere. TofuPlanner is the one
// cx uses; tests and other orchestrators can bring their own.
type Planner interface {
	RefreshPlan(ctx context.Context, project *workspace.Project) (*tfjson.Plan, error)
}

// ManagedOptions configure FindManaged.
type ManagedOptions struct {
	Planner  Planner
	Projects []*workspace.Project
	// Parallel bounds how many projects are planned at once (0: 4).
	Parallel int
	// Normalizer drops noise (nil: DefaultNormalizer).
	Normalizer *Normalizer
}

// ManagedResult is what FindManaged found.
type ManagedResult struct {
	Findings []Finding
	// Checked are every managed object in the projects' states.
	Checked []Object
	// IDs are the ids of every managed object, for telling managed from unmanaged objects.
	IDs    map[string]bool
	Errors []RunError
}

// FindManaged plans every project refresh-only, at most Parallel at a time, and reports
// each managed object whose live attributes differ from its state once noise is dropped.
func FindManaged(ctx context.Context, o ManagedOptions) *ManagedResult {
	norm := o.Normalizer
	if norm == nil {
		norm = DefaultNormalizer()
	}
	parallel := o.Parallel
	if parallel <= 0 {
		parallel = 4
	}
	res := &ManagedResult{IDs: map[string]bool{}}
	var (
		mu    sync.Mutex
		wg    sync.WaitGroup
		slots = make(chan struct{}, parallel)
	)
	for _, p := range o.Projects {
		wg.Add(1)
		go func() {
			defer wg.Done()
			select {
			case slots <- struct{}{}:
			case <-ctx.Done():
				mu.Lock()
				res.Errors = append(res.Errors, RunError{Project: p.Name, Error: ctx.Err().Error()})
				mu.Unlock()
				return
			}
			defer func() { <-slots }()
			plan, err := o.Planner.RefreshPlan(ctx, p)
			mu.Lock()
			defer mu.Unlock()
			if err != nil {
				res.Errors = append(res.Errors, RunError{Project: p.Name, Error: err.Error()})
				return
			}
			res.Findings = append(res.Findings, managedFindings(p.Name, plan, norm)...)
			for _, obj := range stateObjects(p.Name, plan) {
				res.Checked = append(res.Checked, obj)
				if obj.ID != "" {
					res.IDs[obj.ID] = true
				}
			}
		}()
	}
	wg.Wait()
	return res
}

// managedFindings reads a refresh-only plan's resource_drift: what OpenTofu reports as
// "changed outside of OpenTofu", filtered through the normalizer.
func managedFindings(project string, plan *tfjson.Plan, norm *Normalizer) []Finding {
	var out []Finding
	for _, rc := range plan.ResourceDrift {
		if rc == nil || rc.Change == nil || rc.Mode == tfjson.DataResourceMode {
			continue
		}
		before, _ := rc.Change.Before.(map[string]any)
		after, _ := rc.Change.After.(map[string]any)
		f := Finding{Kind: KindManaged, Project: project, Address: rc.Address, Type: rc.Type,
			Name: stringAttr(before, "name"), ID: stringAttr(before, "id")}
		if f.Name == "" {
			f.Name = stringAttr(after, "name")
		}
		switch a := rc.Change.Actions; {
		case a.Delete():
			f.Deleted = true
		case a.Update():
			f.Attributes = norm.Diff(rc.Type, before, after, rc.Change.BeforeSensitive, rc.Change.AfterSensitive)
			if len(f.Attributes) == 0 {
				continue // only noise
			}
		default:
			continue
		}
		out = append(out, f)
	}
	return out
}

// stateObjects lists the managed resource instances of the plan's prior state.
func stateObjects(project string, plan *tfjson.Plan) []Object {
	if plan.PriorState == nil || plan.PriorState.Values == nil {
		return nil
	}
	var out []Object
	var walk func(m *tfjson.StateModule)
	walk = func(m *tfjson.StateModule) {
		if m == nil {
			return
		}
		for _, r := range m.Resources {
			if r.Mode != tfjson.ManagedResourceMode {
				continue
			}
			out = append(out, Object{Project: project, Address: r.Address, Type: r.Type,
				Name: stringAttr(r.AttributeValues, "name"), ID: stringAttr(r.AttributeValues, "id")})
		}
		for _, c := range m.ChildModules {
			walk(c)
		}
	}
	walk(plan.PriorState.Values.RootModule)
	return out
}

func stringAttr(m map[string]any, key string) string {
	s, _ := m[key].(string)
	return s
}

// TofuPlanner runs `tofu plan -refresh-only` per project through the OpenTofu driver
// (internal/tofu), laid out like internal/runner so what `cx apply` prepared is reused: the
// same state path and OpenTofu data directory (.cx/tofu/<env>/<project>, already
// initialized when the project needed it), the same provider selection through
// dev_overrides. Plans go to a file of their own under .cx/drift/<env>/, removed once read,
// and OpenTofu's output to .cx/logs/<env>/<project>.drift.log. Nothing is written to the
// state: a refresh-only plan that is not applied only reads. Plans hold the environment's
// lock, like plan, apply and destroy, so they never run inside another cx command's run.
type TofuPlanner struct {
	Workspace *workspace.Workspace
	Env       string
	// Tofu is the OpenTofu binary; ProviderDir holds the provider plugin (target.Resolve
	// finds both).
	Tofu, ProviderDir string
	// OrgEnv holds the provider's environment for the org (target.OrgEnv / target.RegionEnv).
	OrgEnv map[string]string
	// ExtraEnv is added to OpenTofu's environment last.
	ExtraEnv map[string]string
	// RatePerMinute is each plan's share of the org's rate budget, passed to the provider
	// as GENESYSCLOUD_RATE_LIMIT (0: the provider's default); see RateShare.
	RatePerMinute int
	// Parallel is how many plans run at once, so each OpenTofu takes its share of the cores
	// (0: one).
	Parallel int
	// Command describes this cx command to another waiting for the environment's lock
	// ("": "cx drift --env <env>"); Progress, when not nil, is told whom this one waits for,
	// up to LockTimeout (0: safefile.DefaultLockTimeout).
	Command     string
	Progress    io.Writer
	LockTimeout time.Duration

	once sync.Once
	env  *tofu.Environment
}

// Environment is the OpenTofu environment the planner runs in, made from its fields on first
// use: a caller with more OpenTofu work on the environment (backport's state refresh) runs
// it there, under the same hold.
func (t *TofuPlanner) Environment() *tofu.Environment {
	t.once.Do(func() {
		command := t.Command
		if command == "" {
			command = "cx drift --env " + t.Env
		}
		t.env = &tofu.Environment{Workspace: t.Workspace, Name: t.Env, Tofu: t.Tofu, ProviderDir: t.ProviderDir,
			OrgEnv: t.OrgEnv, ExtraEnv: t.ExtraEnv, RatePerMinute: t.RatePerMinute, Concurrency: t.Parallel,
			Command: command, Progress: t.Progress, LockTimeout: t.LockTimeout}
	})
	return t.env
}

// Hold takes the environment's lock for this planner, unless one of its plans holds it
// already (plans running at once share it), and writes the OpenTofu CLI configuration.
// release gives the hold back; the lock is released with the last one. A caller with
// several steps on the environment (a backport: plans, then the state refresh) can hold it
// across them.
func (t *TofuPlanner) Hold(ctx context.Context) (release func(), err error) {
	if t.Workspace == nil || t.Tofu == "" || t.ProviderDir == "" {
		return nil, errors.New("drift: TofuPlanner needs Workspace, Tofu and ProviderDir")
	}
	return t.Environment().Hold(ctx)
}

// RateShare splits an org's budget (requests per minute) between plans running at once,
// so parallel plans together stay under it. A budget of 0 or less is returned as is.
func RateShare(budget, parallel int) int {
	if budget <= 0 || parallel <= 1 {
		return budget
	}
	return max(budget/parallel, 1)
}

// RefreshPlan plans one project refresh-only and returns the plan as OpenTofu's JSON. A
// project with a local state that does not exist yet was never applied to the environment
// and yields an empty plan.
func (t *TofuPlanner) RefreshPlan(ctx context.Context, p *workspace.Project) (*tfjson.Plan, error) {
	release, err := t.Hold(ctx)
	if err != nil {
		return nil, err
	}
	defer release()
	env := t.Environment()
	project := env.Project(p)
	if project.NeverApplied() {
		return &tfjson.Plan{}, nil
	}
	session, err := project.Start("drift")
	if err != nil {
		return nil, err
	}
	defer session.Close()
	if err := session.Ready(ctx); err != nil {
		return nil, fmt.Errorf("%w (log: %s)", err, session.LogFile)
	}
	saved, err := session.Plan(ctx, tofu.PlanOptions{Dir: tofu.Path(env.Root(), "drift", t.Env), RefreshOnly: true})
	if err != nil {
		return nil, fmt.Errorf("refresh-only plan: %s (log: %s)", tofu.FirstError(err), session.LogFile)
	}
	defer saved.Remove()
	plan, err := session.ShowPlan(ctx, saved)
	if err != nil {
		return nil, fmt.Errorf("read the refresh-only plan: %w (log: %s)", err, session.LogFile)
	}
	return plan, nil
}
