package runner

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/cxascode/cxascode/internal/safefile"
	"github.com/cxascode/cxascode/internal/tofu"
	"github.com/cxascode/cxascode/internal/workspace"
	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/hashicorp/terraform-exec/tfexec"
	tfjson "github.com/hashicorp/terraform-json"
	"github.com/zclconf/go-cty/cty"
)

// backendOverrideFile is the one file cx writes into a project, and only for a non-local
// backend: OpenTofu accepts backend settings on the command line only when the
// configuration has a backend block. It is an override file, so the user's files stay
// untouched, and its name says where it comes from.
const backendOverrideFile = "cx_backend_override.tf"

// projectRun is everything one project's run needs.
type projectRun struct {
	opts    *Options
	project *workspace.Project
	env     map[string]string // full environment for tofu
	// paths, absolute; plansDir holds this run's plan file, named uniquely per run
	dir, plansDir, logFile, dataDir string
}

func (r *runState) newProjectRun(p *workspace.Project) *projectRun {
	root := r.root
	env := r.opts.Env
	dataDir := tofu.DataDir(root, env, p.Name)
	return &projectRun{
		opts:    r.opts,
		project: p,
		env: tofu.Env{OrgEnv: r.orgEnv, ExtraEnv: r.opts.ExtraEnv, CLIConfigFile: r.cliConfigPath,
			DataDir: dataDir, Concurrency: r.concurrency}.Environ(),
		dir:      filepath.Join(root, filepath.FromSlash(p.Dir)),
		plansDir: tofu.Path(root, "plans", env),
		logFile:  filepath.Join(tofu.LogDir(root, env), p.Name+".log"),
		dataDir:  dataDir,
	}
}

// run plans the project and, for apply and destroy, applies exactly the saved plan.
func (pr *projectRun) run(ctx context.Context, step func(string)) (res ProjectResult) {
	res.Project = pr.project.Name
	start := time.Now()
	defer func() { res.Duration = time.Since(start) }()
	fail := func(what string, err error) ProjectResult {
		res.Status = StatusFailed
		res.Error = fmt.Sprintf("%s: %s", what, summarizeError(err))
		return res
	}
	if err := tofu.MkdirPrivate(pr.plansDir, filepath.Dir(pr.logFile), pr.dataDir); err != nil {
		return fail("prepare", err)
	}
	logf, err := os.Create(pr.logFile)
	if err != nil {
		return fail("prepare", err)
	}
	defer logf.Close()
	res.Log = pr.logFile

	tf, err := tfexec.NewTerraform(pr.dir, pr.opts.Tofu)
	if err != nil {
		return fail("prepare", err)
	}
	if err := tf.SetEnv(pr.env); err != nil {
		return fail("prepare", err)
	}
	tf.SetStdout(logf)
	tf.SetStderr(logf)
	// Every plan starts the provider three times (schemas, validate, plan); with the plugin
	// handshake's mutual TLS each start generates P-521 key pairs on both sides, about a
	// third of a small project's CPU. On Unix the plugin talks over a socket only its user
	// can connect to, who can read the provider's credentials anyway; elsewhere (TCP on
	// localhost) TLS stays on.
	if err := tf.SetDisablePluginTLS(runtime.GOOS != "windows"); err != nil {
		return fail("prepare", err)
	}

	backend, settings := pr.opts.Workspace.Config.State.For(pr.opts.Env, pr.project.Name)
	local := backend == "" || backend == "local"
	statePath := ""
	if local {
		statePath = tofu.LocalStatePath(pr.opts.root(), pr.opts.Env, pr.project.Name, settings)
		if err := tofu.MkdirPrivate(filepath.Dir(statePath)); err != nil {
			return fail("prepare", err)
		}
		// An override left by a run with a remote backend would point this one there.
		if err := os.Remove(filepath.Join(pr.dir, backendOverrideFile)); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return fail("prepare", err)
		}
	} else if err := pr.writeBackendOverride(backend); err != nil {
		return fail("prepare", err)
	}

	if need, why := needsInit(pr.dir, local); need {
		step("init (" + why + ")")
		var initOpts []tfexec.InitOption
		for _, kv := range backendConfig(settings, local) {
			initOpts = append(initOpts, tfexec.BackendConfig(kv))
		}
		if err := tf.Init(ctx, initOpts...); err != nil {
			return fail("init", err)
		}
	}

	step("plan")
	// A plan file of this run's own, removed when it ends: another run's plan, or a stale
	// one, can never be applied, and the plan (which holds the variables' values) does not
	// stay behind.
	pf, err := os.CreateTemp(pr.plansDir, pr.project.Name+"-*.tfplan")
	if err != nil {
		return fail("prepare", err)
	}
	planFile := pf.Name()
	pf.Close()
	defer os.Remove(planFile)
	planOpts := []tfexec.PlanOption{tfexec.Out(planFile)}
	if pr.opts.Action == ActionDestroy {
		planOpts = append(planOpts, tfexec.Destroy(true))
	}
	if local {
		//lint:ignore SA1019 -state keeps state under .cx without writing a backend block into the project (and forcing init); OpenTofu 1.10 supports it
		planOpts = append(planOpts, tfexec.State(statePath))
	}
	if vars := pr.project.Environments[pr.opts.Env].Vars; vars != "" {
		planOpts = append(planOpts, tfexec.VarFile(filepath.Join(pr.opts.root(), filepath.FromSlash(vars))))
	}
	if pr.opts.TofuParallelism > 0 {
		planOpts = append(planOpts, tfexec.Parallelism(pr.opts.TofuParallelism))
	}
	// The plan's own summary line gives the counts; reading the saved plan back with
	// `show -json` would start tofu, `tofu version` and the provider once more per project.
	var planOut bytes.Buffer
	tf.SetStdout(io.MultiWriter(logf, &planOut))
	changes, err := tf.Plan(ctx, planOpts...)
	tf.SetStdout(logf)
	if err != nil {
		return fail("plan", err)
	}
	if !changes {
		res.Status = StatusNoChanges
		return res
	}
	var ok bool
	if res.Add, res.Change, res.Destroy, ok = planSummary(planOut.String()); !ok {
		// No "Plan:" line (e.g. only outputs change): ask the saved plan itself.
		plan, err := tf.ShowPlanFile(ctx, planFile)
		if err != nil {
			return fail("read plan", err)
		}
		res.Add, res.Change, res.Destroy = countChanges(plan)
	}
	if pr.opts.Action == ActionPlan {
		res.Status = StatusChanges
		return res
	}

	step("apply")
	applyOpts := []tfexec.ApplyOption{tfexec.DirOrPlan(planFile)}
	if local {
		//lint:ignore SA1019 -state keeps state under .cx without writing a backend block into the project (and forcing init); OpenTofu 1.10 supports it
		applyOpts = append(applyOpts, tfexec.State(statePath))
	}
	if pr.opts.TofuParallelism > 0 {
		applyOpts = append(applyOpts, tfexec.Parallelism(pr.opts.TofuParallelism))
	}
	if err := tf.Apply(ctx, applyOpts...); err != nil {
		return fail("apply", err)
	}
	res.Status = StatusApplied
	if pr.opts.Action == ActionDestroy {
		res.Status = StatusDestroyed
	}
	return res
}

// writeBackendOverride declares the backend type so -backend-config can fill it in.
func (pr *projectRun) writeBackendOverride(backend string) error {
	content := fmt.Sprintf("# Generated by cx for the state block of cx.hcl; do not edit, do not commit.\nterraform {\n  backend %q {}\n}\n", backend)
	return safefile.WriteFileAtomic(filepath.Join(pr.dir, backendOverrideFile), []byte(content), 0o644)
}

// backendConfig turns the state block's settings into -backend-config key=value pairs.
func backendConfig(settings map[string]cty.Value, local bool) []string {
	if local {
		return nil
	}
	keys := make([]string, 0, len(settings))
	for k := range settings {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var out []string
	for _, k := range keys {
		v := settings[k]
		if v.IsNull() || !v.IsKnown() {
			continue
		}
		switch v.Type() {
		case cty.String:
			out = append(out, k+"="+v.AsString())
		case cty.Number:
			out = append(out, k+"="+v.AsBigFloat().Text('f', -1))
		case cty.Bool:
			out = append(out, fmt.Sprintf("%s=%t", k, v.True()))
		}
	}
	return out
}

// needsInit reports whether the project needs `tofu init`: the genesyscloud provider comes
// from dev_overrides and terraform_data is built in, so a project using only those plans
// without init; modules, other providers and a non-local backend need it.
func needsInit(dir string, localBackend bool) (bool, string) {
	if !localBackend {
		return true, "backend"
	}
	files, _ := filepath.Glob(filepath.Join(dir, "*.tf"))
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			continue
		}
		file, diags := hclsyntax.ParseConfig(src, f, hcl.InitialPos)
		if diags.HasErrors() {
			continue // tofu reports syntax errors better than we would
		}
		body, ok := file.Body.(*hclsyntax.Body)
		if !ok {
			continue
		}
		for _, b := range body.Blocks {
			switch b.Type {
			case "module":
				return true, "module"
			case "resource", "data", "ephemeral":
				if len(b.Labels) > 0 && !builtinProvider(b.Labels[0]) {
					return true, "provider of " + b.Labels[0]
				}
			case "provider":
				if len(b.Labels) > 0 && b.Labels[0] != "genesyscloud" {
					return true, "provider " + b.Labels[0]
				}
			case "terraform":
				for _, tb := range b.Body.Blocks {
					switch tb.Type {
					case "backend", "cloud":
						return true, "backend"
					case "required_providers":
						for name := range tb.Body.Attributes {
							if name != "genesyscloud" {
								return true, "provider " + name
							}
						}
					}
				}
			}
		}
	}
	return false, ""
}

func builtinProvider(typ string) bool {
	return strings.HasPrefix(typ, "genesyscloud_") || strings.HasPrefix(typ, "terraform_")
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

// summarizeError keeps the lines of an OpenTofu error a person acts on ("Error: …" and the
// detail under it), without the box drawing; the whole output is in the project's log.
func summarizeError(err error) string {
	msg := err.Error()
	var keep []string
	for _, line := range strings.Split(msg, "\n") {
		line = strings.TrimSpace(strings.TrimLeft(strings.TrimSpace(line), "│╷╵"))
		if line == "" || strings.HasPrefix(line, "exit status") {
			continue
		}
		keep = append(keep, line)
	}
	if i := indexPrefix(keep, "Error: "); i >= 0 {
		keep = keep[i:]
	}
	if len(keep) > 6 {
		keep = append(keep[:6], "…")
	}
	return strings.Join(keep, " ")
}

func indexPrefix(lines []string, prefix string) int {
	for i, l := range lines {
		if strings.HasPrefix(l, prefix) {
			return i
		}
	}
	return -1
}
