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
environments need CI or --break-glass --reason, as for apply.`,
		Example: `  cx destroy --env dev
  cx destroy --env dev flow-billing`,
		RunE: func(cmd *cobra.Command, args []string) error {
			return runProjects(cmd, runner.ActionDestroy, f, args)
		},
	}
	f.register(cmd)
	addBreakGlassFlags(cmd, f)
	return cmd
}
