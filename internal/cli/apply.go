package cli

import (
	"context"
	"fmt"
	"io"

	"github.com/cxascode/cxascode/internal/runner"
	"github.com/cxascode/cxascode/internal/workspace"
	"github.com/spf13/cobra"
)

func newApplyCommand() *cobra.Command {
	f := &runFlags{}
	cmd := &cobra.Command{
		Use:   "apply [PROJECT...]",
		Short: "Plan and apply every project of an environment in dependency order",
		Long: `Apply plans each project to a file and applies exactly that plan, dependencies first and
independent projects in parallel. A project that fails skips the projects depending on it;
the others complete, and re-running finishes the job.

Protected environments (protected = true in cx.hcl) deploy only from CI (CI=true). Outside
CI, --break-glass --reason "…" deploys anyway and records who, when and why in
.cx/breakglass.log (and, on the local org, as breakGlass=true and the reason in the context of
every audit record the deploy writes), so the change can be backported into code.

With --test, the workspace's tests (see cx test --help) run once the apply succeeded — those of
the applied projects when projects are named — and a failing test fails the run (exit 1).`,
		Example: `  cx apply                      # environment dev on the local org
  cx apply --env test --parallel 8
  cx apply --env prod --break-glass --reason "INC-1234: queue overflow"
  cx apply --env test --test --junit test-results.xml`,
		RunE: func(cmd *cobra.Command, args []string) error {
			return runProjects(cmd, runner.ActionApply, f, args)
		},
	}
	f.register(cmd)
	addBreakGlassFlags(cmd, f)
	cmd.Flags().BoolVar(&f.release, "release", false, "record a release (git tag cx/<env>/<n> and a release note) once the apply succeeded, printed after the summary (with --json: the JSON's \"release\"); see cx release")
	cmd.Flags().BoolVar(&f.test, "test", false, "run the workspace's post-deploy tests after the apply; a failing test fails the run")
	f.tests.register(cmd, "test-parallel")
	return cmd
}

// testAfterApply runs the tests of what was applied (all projects when none were named). With
// --json the apply's JSON owns stdout, so the tests' text report goes to stderr.
func testAfterApply(ctx context.Context, f *runFlags, ws *workspace.Workspace, g *workspace.Graph, env string, projects []string, stdout, stderr io.Writer) error {
	tf := f.tests
	tf.env, tf.projects = env, projects
	if f.json {
		stdout = stderr
	}
	fmt.Fprintln(stdout)
	return runTests(ctx, &tf, ws, g, nil, stdout, stderr)
}

func addBreakGlassFlags(cmd *cobra.Command, f *runFlags) {
	cmd.Flags().BoolVar(&f.breakGlass, "break-glass", false, "deploy to a protected environment outside CI (needs --reason)")
	cmd.Flags().StringVar(&f.reason, "reason", "", "why the break-glass deploy is needed (recorded)")
}
