package cli

import (
	"github.com/cxascode/cxascode/internal/runner"
	"github.com/spf13/cobra"
)

func newDestroyCommand() *cobra.Command {
	f := &runFlags{}
	cmd := &cobra.Command{
		Use:   "destroy [PROJECT...]",
		Short: "Destroy every project of an environment, dependents first",
		Long: `Destroy plans the destruction of each project to a file and applies exactly that plan, in
reverse dependency order: a project goes only after every project depending on it. Protected
environments need CI or --break-glass --reason, as for apply.

Destroying some projects refuses while other projects depend on them (it names them): add
them to the command, or pass --force to leave them pointing at objects that are gone.`,
		Example: `  cx destroy --env dev
  cx destroy --env dev flow-billing
  cx destroy --env dev shared-skills flow-billing  # shared-skills with its dependent`,
		RunE: func(cmd *cobra.Command, args []string) error {
			return runProjects(cmd, runner.ActionDestroy, f, args)
		},
	}
	f.register(cmd)
	cmd.Flags().BoolVar(&f.force, "force", false, "destroy the named projects even though projects outside them depend on them")
	addBreakGlassFlags(cmd, f)
	return cmd
}
