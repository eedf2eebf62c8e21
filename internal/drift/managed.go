package drift

import (
	"context"
	"errors"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"

	"github.com/cxascode/cxascode/internal/workspace"
	"github.com/hashicorp/terraform-exec/tfexec"
	tfjson "github.com/hashicorp/terraform-json"
	"github.com/zclconf/go-cty/cty"
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

// TofuPlanner runs `tofu plan -refresh-only` per project with terraform-exec, laid out like
// internal/runner so what `cx apply` prepared is reused: the same state path and OpenTofu
// data directory (.cx/tofu/<env>/<project>, already initialized when the project needed
// it), the same provider selection through dev_overrides. Plans go to .cx/drift/<env>/ and
// OpenTofu's output to .cx/logs/<env>/<project>.drift.log. Nothing is written to the state:
// a refresh-only plan that is not applied only reads.
type TofuPlanner struct {
	Workspace *workspace.Workspace
	Env       string
	// Tofu is the OpenTofu binary; ProviderDir holds the provider plugin (runner.FindTofu,
	// runner.EnsureProvider).
	Tofu, ProviderDir string
	// OrgEnv holds the provider's environment for the org (runner.OrgEnv / runner.RegionEnv).
	OrgEnv map[string]string
	// ExtraEnv is added to OpenTofu's environment last.
	ExtraEnv map[string]string
	// RatePerMinute is each plan's share of the org's rate budget, passed to the provider
	// as GENESYSCLOUD_RATE_LIMIT (0: the provider's default); see RateShare.
	RatePerMinute int

	once    sync.Once
	rcPath  string
	rcError error
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
	if t.Workspace == nil || t.Tofu == "" || t.ProviderDir == "" {
		return nil, errors.New("drift: TofuPlanner needs Workspace, Tofu and ProviderDir")
	}
	root, err := filepath.Abs(t.Workspace.Root)
	if err != nil {
		return nil, err
	}
	t.once.Do(func() { t.rcPath, t.rcError = t.writeCLIConfig(root) })
	if t.rcError != nil {
		return nil, t.rcError
	}
	dir := filepath.Join(root, filepath.FromSlash(p.Dir))
	dataDir := filepath.Join(root, ".cx", "tofu", t.Env, p.Name)
	planFile := filepath.Join(root, ".cx", "drift", t.Env, p.Name+".tfplan")
	logFile := filepath.Join(root, ".cx", "logs", t.Env, p.Name+".drift.log")
	for _, d := range []string{dataDir, filepath.Dir(planFile), filepath.Dir(logFile)} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			return nil, err
		}
	}
	backend, settings := t.Workspace.Config.State.For(t.Env, p.Name)
	statePath := ""
	if backend == "" || backend == "local" {
		statePath = localStatePath(root, t.Env, p.Name, settings)
		if _, err := os.Stat(statePath); os.IsNotExist(err) {
			return &tfjson.Plan{}, nil
		}
	}
	logf, err := os.Create(logFile)
	if err != nil {
		return nil, err
	}
	defer logf.Close()
	tf, err := tfexec.NewTerraform(dir, t.Tofu)
	if err != nil {
		return nil, err
	}
	if err := tf.SetEnv(t.env(dataDir)); err != nil {
		return nil, err
	}
	tf.SetStdout(logf)
	tf.SetStderr(logf)
	opts := []tfexec.PlanOption{tfexec.RefreshOnly(true), tfexec.Out(planFile)}
	if statePath != "" {
		opts = append(opts, tfexec.State(statePath)) //nolint:staticcheck // -state points a local backend elsewhere without touching the project, like the runner
	}
	if env, ok := p.Environments[t.Env]; ok && env.Vars != "" {
		opts = append(opts, tfexec.VarFile(filepath.Join(root, filepath.FromSlash(env.Vars))))
	}
	os.Remove(planFile)
	if _, err := tf.Plan(ctx, opts...); err != nil {
		return nil, fmt.Errorf("refresh-only plan: %s (log: %s)", firstErrorLine(err), logFile)
	}
	plan, err := tf.ShowPlanFile(ctx, planFile)
	if err != nil {
		return nil, fmt.Errorf("read the refresh-only plan: %w (log: %s)", err, logFile)
	}
	return plan, nil
}

func (t *TofuPlanner) env(dataDir string) map[string]string {
	env := map[string]string{}
	for _, kv := range os.Environ() {
		k, v, _ := strings.Cut(kv, "=")
		env[k] = v
	}
	maps.Copy(env, t.OrgEnv)
	maps.Copy(env, t.ExtraEnv)
	env["TF_CLI_CONFIG_FILE"] = t.rcPath
	env["TF_DATA_DIR"] = dataDir
	env["TF_IN_AUTOMATION"] = "1"
	if env["CHECKPOINT_DISABLE"] == "" {
		env["CHECKPOINT_DISABLE"] = "1"
	}
	if t.RatePerMinute != 0 {
		env["GENESYSCLOUD_RATE_LIMIT"] = strconv.Itoa(t.RatePerMinute)
	}
	for k, v := range env {
		if v == "" && strings.HasPrefix(k, "GENESYSCLOUD_GATEWAY_") {
			delete(env, k) // an empty gateway left by RegionEnv means "none"
		}
	}
	return tfexec.CleanEnv(env)
}

// writeCLIConfig writes the OpenTofu CLI configuration selecting the cxascode provider for
// the official source addresses (the runner writes the same one for plan and apply).
func (t *TofuPlanner) writeCLIConfig(root string) (string, error) {
	path := filepath.Join(root, ".cx", "drift", "tofu.rc")
	content := fmt.Sprintf(`# Generated by cx drift: selects the cxascode provider for the official source address.
provider_installation {
  dev_overrides {
    "mypurecloud/genesyscloud"                       = %q
    "registry.opentofu.org/mypurecloud/genesyscloud" = %q
    "registry.terraform.io/mypurecloud/genesyscloud" = %q
  }
  direct {}
}
`, t.ProviderDir, t.ProviderDir, t.ProviderDir)
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return "", err
	}
	tmp := path + ".tmp"
	if err := os.WriteFile(tmp, []byte(content), 0o644); err != nil {
		return "", err
	}
	return path, os.Rename(tmp, path)
}

// localStatePath is where the runner keeps a project's local state.
func localStatePath(root, env, project string, settings map[string]cty.Value) string {
	p := workspace.DefaultStatePath
	if v, ok := settings["path"]; ok && v.Type() == cty.String && v.IsKnown() && !v.IsNull() {
		p = v.AsString()
	}
	p = strings.NewReplacer("{env}", env, "{project}", project).Replace(p)
	if filepath.IsAbs(p) {
		return p
	}
	return filepath.Join(root, filepath.FromSlash(p))
}

// firstErrorLine keeps OpenTofu's "Error: …" line and the one after it.
func firstErrorLine(err error) string {
	lines := strings.Split(err.Error(), "\n")
	for i, l := range lines {
		l = strings.TrimSpace(strings.TrimLeft(strings.TrimSpace(l), "│╷╵"))
		if strings.HasPrefix(l, "Error: ") {
			out := l
			for _, next := range lines[i+1:] {
				next = strings.TrimSpace(strings.TrimLeft(strings.TrimSpace(next), "│╷╵"))
				if next != "" {
					out += ": " + next
					break
				}
			}
			return out
		}
	}
	return strings.TrimSpace(err.Error())
}
