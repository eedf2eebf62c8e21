package runner

import (
	"context"
	"fmt"
	"regexp"
	"strconv"
	"time"

	"github.com/cxascode/cxascode/internal/tofu"
	"github.com/cxascode/cxascode/internal/workspace"
	tfjson "github.com/hashicorp/terraform-json"
)

// projectRun is one project's run in the held environment.
type projectRun struct {
	opts    *Options
	env     *tofu.Environment
	project *workspace.Project
	// layout, when not nil, is the project laid out on the speculative side (a plan against
	// the speculative org); spec, when not nil, takes the project's plan with changes into
	// the speculative org for the projects that depend on it.
	layout *tofu.Project
	spec   *speculation
}

// run plans the project and, for apply and destroy, applies exactly the saved plan.
func (pr *projectRun) run(ctx context.Context, step func(string)) (res ProjectResult) {
	res.Project = pr.project.Name
	start := time.Now()
	defer func() { res.Duration = time.Since(start) }()
	fail := func(what string, err error) ProjectResult {
		res.Status = StatusFailed
		res.Error = fmt.Sprintf("%s: %s", what, tofu.SummarizeError(err))
		return res
	}
	layout := pr.layout
	if layout == nil {
		layout = pr.env.Project(pr.project)
	}
	session, err := layout.Start("")
	if err != nil {
		return fail("prepare", err)
	}
	defer session.Close()
	res.Log = session.LogFile
	if err := session.PrepareBackend(); err != nil {
		return fail("prepare", err)
	}
	if need, why := session.NeedsInit(); need {
		step("init (" + why + ")")
		if err := session.Init(ctx); err != nil {
			return fail("init", err)
		}
	}
	if err := session.SelectWorkspace(ctx); err != nil {
		return fail("init", err)
	}

	step("plan")
	plan, err := session.Plan(ctx, tofu.PlanOptions{Dir: tofu.Path(pr.env.Root(), "plans", pr.opts.Env),
		Destroy: pr.opts.Action == ActionDestroy, Parallelism: pr.opts.TofuParallelism})
	if err != nil {
		return fail("plan", err)
	}
	defer func() { plan.Remove() }()
	root, env, name := pr.env.Root(), pr.opts.Env, pr.project.Name
	marks := marksOf(pr.env, env)
	if pr.opts.Action == ActionApply && plan.Changes && pr.opts.FindByName != nil && marks.interrupted(ctx, name) {
		adopted, err := pr.adoptOrphans(ctx, session, plan)
		if err != nil {
			return fail("adopt objects of the interrupted apply", err)
		}
		if adopted > 0 {
			step(fmt.Sprintf("adopted %d objects the interrupted apply created; plan again", adopted))
			plan.Remove()
			if plan, err = session.Plan(ctx, tofu.PlanOptions{Dir: tofu.Path(root, "plans", env),
				Parallelism: pr.opts.TofuParallelism}); err != nil {
				return fail("plan", err)
			}
		}
	}
	if !plan.Changes {
		if pr.opts.Action == ActionApply {
			marks.clear(ctx, name)
		}
		res.Status = StatusNoChanges
		return res
	}
	var ok bool
	if res.Add, res.Change, res.Destroy, ok = planSummary(plan.Output); !ok {
		// No "Plan:" line (e.g. only outputs change): ask the saved plan itself.
		shown, err := session.ShowPlan(ctx, plan)
		if err != nil {
			return fail("read plan", err)
		}
		res.Add, res.Change, res.Destroy = countChanges(shown)
	}
	if pr.opts.OnPlan != nil {
		show := func(ctx context.Context) (*tfjson.Plan, error) { return session.ShowPlan(ctx, plan) }
		if err := pr.opts.OnPlan(ctx, name, plan, show); err != nil {
			return fail("check plan", err)
		}
	}
	if pr.opts.Action == ActionPlan {
		res.Status = StatusChanges
		if pr.spec != nil {
			step("apply the plan in the speculative org, for the projects depending on it")
			if err := pr.spec.apply(ctx, pr.project, plan, pr.opts.TofuParallelism); err != nil {
				step("not applied in the speculative org (its dependents plan against the org itself): " + err.Error())
			}
		}
		return res
	}

	step("apply")
	if pr.opts.Action == ActionApply {
		if err := marks.mark(ctx, name); err != nil {
			return fail("apply", err)
		}
	}
	err = session.Apply(ctx, plan, pr.opts.TofuParallelism)
	// OpenTofu wrote its whole state before returning, whether the apply failed or not.
	marks.clear(ctx, name)
	if err != nil {
		return fail("apply", err)
	}
	res.Status = StatusApplied
	if pr.opts.Action == ActionDestroy {
		res.Status = StatusDestroyed
	}
	return res
}

// countChanges counts resources to add, change and destroy like OpenTofu's plan summary
// (a replacement counts as one add and one destroy).
func countChanges(p *tfjson.Plan) (add, change, destroy int) {
	for _, rc := range p.ResourceChanges {
		if rc.Change == nil || rc.Mode == tfjson.DataResourceMode {
			continue
		}
		a := rc.Change.Actions
		switch {
		case a.Replace():
			add++
			destroy++
		case a.Create():
			add++
		case a.Update():
			change++
		case a.Delete():
			destroy++
		}
	}
	return add, change, destroy
}

// planSummaryLine is OpenTofu's (and Terraform's) closing line of a plan with resource
// changes, e.g. "Plan: 1 to import, 2 to add, 0 to change, 1 to destroy, 0 to forget.".
var planSummaryLine = regexp.MustCompile(`(?m)^Plan: (.*)\.\s*$`)

var planSummaryCount = regexp.MustCompile(`(\d+) to (add|change|destroy)\b`)

// planSummary reads the counts from a plan's human output; ok is false when it has no
// summary line.
func planSummary(out string) (add, change, destroy int, ok bool) {
	m := planSummaryLine.FindAllStringSubmatch(out, -1)
	if m == nil {
		return 0, 0, 0, false
	}
	line := m[len(m)-1][1]
	found := 0
	for _, c := range planSummaryCount.FindAllStringSubmatch(line, -1) {
		n, err := strconv.Atoi(c[1])
		if err != nil {
			return 0, 0, 0, false
		}
		found++
		switch c[2] {
		case "add":
			add = n
		case "change":
			change = n
		case "destroy":
			destroy = n
		}
	}
	return add, change, destroy, found == 3
}
