package cli

import (
	"github.com/cxascode/cxascode/internal/tour"
	"github.com/spf13/cobra"
)

func newDemoCommand() *cobra.Command {
	return &cobra.Command{
		Use:     "demo",
		Aliases: []string{"tour"},
		Short:   "Tour the local org: create skills and a queue, list them, show the audit trail",
		Long: `Start an embedded local org on a free loopback port (in memory, nothing is written
to disk), then use the cxascode API client the way OpenTofu runs will: get a token,
create skills and a queue routed by those skills, list them, and print the audit
trail that says who changed what.`,
		Example: `  cx demo`,
		Args:    cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return tour.Run(cmd.Context(), cmd.OutOrStdout(), tour.Options{})
		},
	}
}
