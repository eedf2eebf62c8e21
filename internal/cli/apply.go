package cli

import (
	"github.com/cxascode/cxascode/internal/runner"
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
every audit record the deploy writes), so the change can be backported into code.`,
		Example: `  cx apply                      # environment dev on the local org
  cx apply --env test --parallel 8
  cx apply --env prod --break-glass --reason "INC-1234: queue overflow"`,
		RunE: func(cmd *cobra.Command, args []string) error {
			return runProjects(cmd, runner.ActionApply, f, args)
		},
	}
	f.register(cmd)
	addBreakGlassFlags(cmd, f)
	return cmd
}

func addBreakGlassFlags(cmd *cobra.Command, f *runFlags) {
	cmd.Flags().BoolVar(&f.breakGlass, "break-glass", false, "deploy to a protected environment outside CI (needs --reason)")
	cmd.Flags().StringVar(&f.reason, "reason", "", "why the break-glass deploy is needed (recorded)")
}
