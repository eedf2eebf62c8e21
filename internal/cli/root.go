// Package cli holds the cx commands: each command parses its flags and calls a package
// that does the work, one command per file.
package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os/signal"
	"syscall"

	"github.com/spf13/cobra"
)

// Main runs cx with args and returns the process exit code. SIGINT and SIGTERM cancel the
// command's context, so long-running commands shut down cleanly.
func Main(args []string, stdout, stderr io.Writer) int {
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGINT, syscall.SIGTERM)
	defer stop()
	return MainContext(ctx, args, stdout, stderr)
}

// MainContext is Main under ctx: cancelling it interrupts the command as a signal would.
func MainContext(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	root := newRootCommand()
	root.SetArgs(args)
	root.SetOut(stdout)
	root.SetErr(stderr)
	if err := root.ExecuteContext(ctx); err != nil {
		var exit *exitError
		if errors.As(err, &exit) {
			return exit.code // the command has said what went wrong already
		}
		fmt.Fprintf(stderr, "cx: %v\n", err)
		return 1
	}
	return 0
}

func newRootCommand() *cobra.Command {
	root := &cobra.Command{
		Use:   "cx",
		Short: "CX as Code for Genesys Cloud: OpenTofu workspaces, drift, releases and a local org",
		Long: `cx manages Genesys Cloud contact-center configuration as code.

It drives OpenTofu over a workspace of small projects and ships a local Genesys Cloud
org (a Platform API v2 server) so everything can be tried without a real org.`,
		Example: `  # The main job: deploy the example contact center to dev, re-plan, promote to test
  cx demo

  # Plan and apply a workspace (cx.hcl at its root) against the embedded local org
  cx plan --env dev
  cx apply --env dev

  # Show the cross-project graph inferred from by-name references
  cx graph --format mermaid

  # Run the local org yourself and see its credentials
  cx org serve`,
		SilenceUsage:  true, // a failed command prints its error, not the whole usage text
		SilenceErrors: true, // Main prints errors once, prefixed with "cx:"
	}
	root.AddCommand(newVersionCommand(), newOrgCommand(), newDemoCommand())
	root.AddCommand(newPlanCommand())
	root.AddCommand(newApplyCommand())
	root.AddCommand(newDestroyCommand())
	root.AddCommand(newUnlockCommand())
	root.AddCommand(newGraphCommand(), newDiffCommand())
	root.AddCommand(newInitCommand())
	root.AddCommand(newDriftCommand(), newBackportCommand(), newExportCommand(), newAdoptCommand())
	root.AddCommand(newTestCommand())
	root.AddCommand(newReleaseCommand(), newReleasesCommand(), newRollbackCommand())
	root.AddCommand(newUpgradeCheckCommand())
	root.AddCommand(newCICommand())
	root.AddCommand(newCheckCommand())
	return root
}
