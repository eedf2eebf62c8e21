package cli

import (
	"github.com/cxascode/cxascode/internal/demo"
	"github.com/cxascode/cxascode/internal/runner"
	"github.com/spf13/cobra"
)

func newDemoCommand() *cobra.Command {
	var opts demo.Options
	cmd := &cobra.Command{
		Use:     "demo",
		Aliases: []string{"tour"},
		Short:   "The main job: deploy the example contact center to a local org, dev then test",
		Long: `Demo deploys examples/contact-center the way a team would, with nothing configured and no
network: it builds the provider, starts a local Genesys Cloud org (in this process, in
memory) with the orgs dev, test and prod, prints the workspace's graph inferred from the
names projects use, runs cx apply --env dev, re-plans to show nothing is left to change,
promotes to test, and prints an excerpt of test's audit log.

The workspace is copied to a temporary directory and the org stops with the command, so
nothing is left behind. Run it inside the cxascode repository; OpenTofu is found like cx
finds it (CX_TOFU, tofu on PATH, bin/tofu — which make tofu builds —, tofu beside cx, else
terraform on PATH).`,
		Example: `  make demo
  cx demo --parallel 2`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			opts.Live = isTerminal(cmd.OutOrStdout())
			return demo.Run(cmd.Context(), cmd.OutOrStdout(), opts)
		},
	}
	cmd.Flags().StringVarP(&opts.Workspace, "workspace", "C", "", "workspace to deploy (default: examples/contact-center of this repository)")
	cmd.Flags().StringVar(&opts.Tofu, "tofu", "", "OpenTofu (or Terraform) binary (default: found like cx plan finds it)")
	cmd.Flags().IntVarP(&opts.Parallel, "parallel", "p", runner.DefaultParallel, "projects run at once")
	return cmd
}
