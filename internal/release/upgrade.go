package release

import (
	"context"
	"fmt"
	"io"
	"sync"

	"github.com/cxascode/cxascode/internal/runner"
	"github.com/cxascode/cxascode/internal/tofu"
	"github.com/cxascode/cxascode/internal/workspace"
	tfjson "github.com/hashicorp/terraform-json"
)

// UpgradeOptions configure UpgradeCheck for one environment, resolved by the caller
// (target.Resolve) as for any plan.
type UpgradeOptions struct {
	Workspace *workspace.Workspace
	Graph     *workspace.Graph
	Env       string
	// Tofu is the OpenTofu binary; CurrentDir holds the provider the environment uses now,
	// CandidateDir the one to check (each a dev_overrides directory).
	Tofu, CurrentDir, CandidateDir string
	OrgEnv, ExtraEnv               map[string]string
	Parallel                       int
	Progress                       io.Writer
}

// ProjectUpgrade is one project's upgrade check: the resources whose planned change
// differs, or why the project could not be compared.
type ProjectUpgrade struct {
	Project   string         `json:"project"`
	Resources []ResourceDiff `json:"resources,omitempty"`
	Error     string         `json:"error,omitempty"`
}

// EnvUpgrade is an environment's upgrade check, projects in run order.
type EnvUpgrade struct {
	Env      string           `json:"env"`
	Projects []ProjectUpgrade `json:"projects"`
}

// UpgradeCheck plans every project of the environment twice against the same state and
// org, with the current provider and with the candidate, and compares the plans resource
// by resource. It never applies; the plans are thrown away.
func UpgradeCheck(ctx context.Context, o UpgradeOptions) (*EnvUpgrade, error) {
	current, curRun, err := planWith(ctx, o, o.CurrentDir, "current")
	if err != nil {
		return nil, err
	}
	candidate, candRun, err := planWith(ctx, o, o.CandidateDir, "candidate")
	if err != nil {
		return nil, err
	}
	res := &EnvUpgrade{Env: o.Env}
	candStatus := map[string]runner.ProjectResult{}
	for _, p := range candRun.Projects {
		candStatus[p.Project] = p
	}
	for _, p := range curRun.Projects {
		pu := ProjectUpgrade{Project: p.Project}
		if msg := notCompared("current", p); msg != "" {
			pu.Error = msg
		} else if msg := notCompared("candidate", candStatus[p.Project]); msg != "" {
			pu.Error = msg
		} else {
			pu.Resources = DiffPlans(current.get(p.Project), candidate.get(p.Project))
		}
		res.Projects = append(res.Projects, pu)
	}
	return res, nil
}

// notCompared says why a project's plan cannot be compared ("" when it can).
func notCompared(provider string, p runner.ProjectResult) string {
	switch p.Status {
	case runner.StatusNoChanges, runner.StatusChanges:
		return ""
	case "":
		return fmt.Sprintf("the %s provider's run did not plan it", provider)
	case runner.StatusDeferred:
		// Not planned speculatively: ids from two throwaway copies of the org would differ
		// and read as differences the upgrade does not cause.
		return "deferred: its dependencies have unapplied changes; apply them first, then check again"
	}
	msg := fmt.Sprintf("the plan with the %s provider %s", provider, p.Status)
	if p.Error != "" {
		msg += ": " + p.Error
	}
	return msg
}

// planWith plans the environment with the provider in providerDir and keeps each
// project's resource changes.
func planWith(ctx context.Context, o UpgradeOptions, providerDir, which string) (*planChanges, *runner.Result, error) {
	changes := &planChanges{byProject: map[string][]*tfjson.ResourceChange{}}
	if o.Progress != nil {
		fmt.Fprintf(o.Progress, "Planning %s with the %s provider (%s)\n", o.Env, which, providerDir)
	}
	res, err := runner.Run(ctx, runner.Options{Workspace: o.Workspace, Graph: o.Graph, Env: o.Env,
		Action: runner.ActionPlan, Parallel: o.Parallel, Tofu: o.Tofu, ProviderDir: providerDir,
		OrgEnv: o.OrgEnv, ExtraEnv: o.ExtraEnv, Progress: o.Progress, OnPlan: changes.keep})
	if err != nil {
		return nil, nil, fmt.Errorf("plan %s with the %s provider: %w", o.Env, which, err)
	}
	return changes, res, nil
}

// planChanges gathers the projects' resource changes of a run, from goroutines at once.
type planChanges struct {
	mu        sync.Mutex
	byProject map[string][]*tfjson.ResourceChange
}

func (c *planChanges) keep(ctx context.Context, project string, _ *tofu.SavedPlan, show func(context.Context) (*tfjson.Plan, error)) error {
	p, err := show(ctx)
	if err != nil {
		return err
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	c.byProject[project] = p.ResourceChanges
	return nil
}

func (c *planChanges) get(project string) []*tfjson.ResourceChange {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.byProject[project]
}
