package cli

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/cxascode/cxascode/internal/affected"
	"github.com/cxascode/cxascode/internal/breakglass"
	"github.com/cxascode/cxascode/internal/release"
	"github.com/cxascode/cxascode/internal/runner"
	"github.com/cxascode/cxascode/internal/target"
	"github.com/cxascode/cxascode/internal/workspace"
	"github.com/spf13/cobra"
)

// runFlags are the flags plan, apply and destroy share.
type runFlags struct {
	workspaceDir  string
	env           string
	parallel      int
	affectedSince string
	json          bool
	breakGlass    bool
	reason        string
	force         bool   // destroy only
	savePlans     string // plan only: the folder each project's plan JSON is written to, for cx check --plans
	release       bool   // apply only: record a release once the apply succeeded
	// test runs the workspace's tests after a successful apply (apply only), with tests' flags.
	test  bool
	tests testFlags
}

// exitError carries a process exit code other than 1 (e.g. plan's 2 = changes present)
// to Main without printing anything more.
type exitError struct{ code int }

func (e *exitError) Error() string { return fmt.Sprintf("exit code %d", e.code) }

func (f *runFlags) register(cmd *cobra.Command) {
	fl := cmd.Flags()
	addWorkspaceFlag(cmd, &f.workspaceDir)
	fl.StringVarP(&f.env, "env", "e", "", "environment from cx.hcl (default: the first one, usually dev)")
	fl.IntVarP(&f.parallel, "parallel", "p", runner.DefaultParallel, "projects run at once")
	fl.StringVar(&f.affectedSince, "affected-since", "", "only projects whose files changed since this git ref, and their dependents")
	fl.BoolVar(&f.json, "json", false, "print the result as JSON on stdout (progress still goes to stderr)")
}

func addWorkspaceFlag(cmd *cobra.Command, dir *string) {
	cmd.Flags().StringVarP(dir, "workspace", "C", "", "workspace root (default: the nearest directory up from here holding cx.hcl, else here)")
}

func newPlanCommand() *cobra.Command {
	f := &runFlags{}
	cmd := &cobra.Command{
		Use:   "plan [PROJECT...]",
		Short: "Plan every project of an environment in dependency order",
		Long: `Plan runs tofu plan in every project (or the named ones) of one environment, dependencies
first and independent projects in parallel. A second plan, apply or destroy of the same
environment waits for the first (up to 30s, then fails naming it).

A project whose dependencies have unapplied changes is planned "speculatively" when the
environment is on the local org: against a throwaway copy of the org with those changes
applied, so its plan shows what it will do once they are. A speculative plan is never
applied: cx apply plans every project again after its dependencies applied. On a real org
such a project's plan is "deferred" when it fails: its by-name lookups may only resolve
after that apply.

With --parallel above 1, a slot no ready project takes goes to a project whose dependencies
are still planning: its plan is kept if they all finish with no changes (it is then the plan
it would have made after them) and made again otherwise (unless that would repeat it).

cx starts the provider itself and OpenTofu attaches to it, where OpenTofu would start it two
or three times per command: one provider process serves every project of the environment,
each command through a server of its own (its own configuration, token and rate budget). Its
log is .cx/logs/<env>/provider.log. A project with a provider alias or a module, or a provider
build without that mode, is left to OpenTofu. CX_PROVIDER_SHARED=0 gives each command a
provider process of its own; CX_PROVIDER_REATTACH=0 turns both off.

Exit codes follow -detailed-exitcode: 0 no changes, 2 changes present, 1 a project failed
(its dependents are skipped).`,
		Example: `  cx plan                         # all projects, environment dev, local org started if needed
  cx plan --env test flow-billing # one project (its dependencies are taken as deployed)
  cx plan --affected-since origin/main --json
  cx plan --save-plans plans && cx check --plans plans   # Rego policies read the plans`,
		RunE: func(cmd *cobra.Command, args []string) error {
			return runProjects(cmd, runner.ActionPlan, f, args)
		},
	}
	f.register(cmd)
	cmd.Flags().StringVar(&f.savePlans, "save-plans", "", "write each project's plan with changes as DIR/<project>.json (tofu show -json), for cx check --plans DIR")
	return cmd
}

// runProjects is plan, apply and destroy: load the workspace, pick the environment and its
// org, run, print the summary, and turn the result into the exit code.
func runProjects(cmd *cobra.Command, action runner.Action, f *runFlags, names []string) error {
	ctx := cmd.Context()
	stdout, stderr := cmd.OutOrStdout(), cmd.ErrOrStderr()
	ws, g, err := loadWorkspace(f.workspaceDir, stderr)
	if err != nil {
		return err
	}
	env, err := pickEnvironment(ws.Config, f.env)
	if err != nil {
		return err
	}
	if f.affectedSince != "" {
		affected, err := affected.Since(ctx, ws.Root, g, f.affectedSince)
		if err != nil {
			return err
		}
		if len(names) > 0 {
			affected = intersect(affected, names)
		}
		if len(affected) == 0 {
			fmt.Fprintf(stderr, "No project is affected by changes since %s.\n", f.affectedSince)
			return nil
		}
		names = affected
	}
	extraEnv := map[string]string{}
	if action != runner.ActionPlan {
		auditContext, err := breakglass.Check(ws.Root, env, string(action), names,
			breakglass.Declaration{BreakGlass: f.breakGlass, Reason: f.reason})
		if err != nil {
			return err
		}
		if auditContext != "" {
			extraEnv[breakglass.AuditContextEnv] = auditContext
		}
	}
	tg, err := target.Resolve(ctx, target.Options{Root: ws.Root, Env: env, Progress: stderr, ClientUserAgent: "cx-" + string(action)})
	if err != nil {
		return err
	}
	opts := runner.Options{
		Workspace: ws, Graph: g, Env: env.Name, Action: action, Projects: names, Parallel: f.parallel, Force: f.force,
		Tofu: tg.Tofu, ProviderDir: tg.ProviderDir, OrgEnv: tg.OrgEnv, ExtraEnv: extraEnv, FindByName: tg.FindByName,
		Progress: stderr, Live: isTerminal(stderr),
	}
	if action == runner.ActionPlan {
		opts.Speculate = tg.Speculation()
		if f.savePlans != "" {
			opts.OnPlan = planSaver(ws.Root, f.savePlans)
		}
	}
	var ledger *applyLedger
	if action == runner.ActionApply {
		if ledger, err = startApplyLedger(ctx, ws, env.Name, f.release, stderr); err != nil {
			return err
		}
		defer ledger.close()
		opts.BeforeRun, opts.OnPlan, opts.AfterRun = ledger.begin, ledger.onPlan, ledger.finish
	}
	res, err := runner.Run(ctx, opts)
	if err != nil {
		return err
	}
	// The release is recorded once the apply succeeded, and reported with the run: in the
	// summary, or as the JSON's "release".
	var rel *release.Release
	var relErr error
	if f.release && res.ExitCode == 0 {
		rel, relErr = ledger.release(ctx)
	}
	if f.json {
		err = writeRunJSON(stdout, res, rel)
	} else {
		fmt.Fprintln(stdout)
		if err = res.WriteSummary(stdout); err == nil && rel != nil {
			fmt.Fprintln(stdout)
			rel.WriteText(stdout)
		}
	}
	if err != nil {
		return err
	}
	if relErr != nil {
		return relErr
	}
	if res.ExitCode != 0 {
		return &exitError{code: res.ExitCode}
	}
	if f.test {
		return testAfterApply(ctx, f, ws, g, env.Name, names, stdout, stderr)
	}
	return nil
}

// loadWorkspace finds, loads and graphs the workspace, printing warnings; graph errors
// (cycles, duplicate owners) stop the run.
func loadWorkspace(dir string, stderr io.Writer) (*workspace.Workspace, *workspace.Graph, error) {
	if dir == "" {
		dir = findWorkspaceRoot()
	}
	ws, err := workspace.Load(dir)
	if err != nil {
		return nil, nil, err
	}
	g, ds := workspace.BuildGraph(ws)
	diags := workspace.Diagnostics(ds)
	for _, d := range diags.Warnings() {
		fmt.Fprintf(stderr, "warning: %s\n", d)
	}
	if diags.HasErrors() {
		return nil, nil, fmt.Errorf("the workspace graph has errors:\n%s", diags.Errors())
	}
	return ws, g, nil
}

// findWorkspaceRoot returns the nearest directory from the current one up holding cx.hcl,
// or "." when there is none (a workspace of defaults).
func findWorkspaceRoot() string {
	wd, err := os.Getwd()
	if err != nil {
		return "."
	}
	for d := wd; ; d = filepath.Dir(d) {
		if _, err := os.Stat(filepath.Join(d, workspace.ConfigFile)); err == nil {
			return d
		}
		if filepath.Dir(d) == d {
			return "."
		}
	}
}

func pickEnvironment(c *workspace.Config, name string) (workspace.Environment, error) {
	if name == "" {
		if len(c.Environments) == 0 {
			return workspace.Environment{}, errors.New("cx.hcl declares no environment")
		}
		return c.Environments[0], nil
	}
	env, ok := c.Environment(name)
	if !ok {
		var names []string
		for _, e := range c.Environments {
			names = append(names, e.Name)
		}
		return env, fmt.Errorf("--env %s: cx.hcl has no such environment (it has %s)", name, strings.Join(names, ", "))
	}
	return env, nil
}

func intersect(a, b []string) []string {
	var out []string
	for _, x := range a {
		for _, y := range b {
			if x == y {
				out = append(out, x)
				break
			}
		}
	}
	return out
}

func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}

// writeRunJSON writes the run's result as JSON, with the release it recorded (if any) as
// "release".
func writeRunJSON(w io.Writer, res *runner.Result, rel *release.Release) error {
	if rel == nil {
		return res.WriteJSON(w)
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(struct {
		*runner.Result
		Release *release.Release `json:"release"`
	}{res, rel})
}
