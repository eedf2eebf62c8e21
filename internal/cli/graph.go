package cli

import (
	"fmt"
	"strings"

	"github.com/cxascode/cxascode/internal/workspace"
	"github.com/spf13/cobra"
)

func newGraphCommand() *cobra.Command {
	var dir, format string
	var formats []string
	for _, f := range workspace.Formats() {
		formats = append(formats, string(f))
	}
	cmd := &cobra.Command{
		Use:   "graph",
		Short: "Print the workspace's project dependency graph",
		Long: `Graph prints which project depends on which, inferred from what projects name: a data
source or flow reference to an object another project declares is an edge to that project.
Cycles and objects declared by two projects are errors (exit code 1); references no project
declares are warnings (they must already exist in the org).`,
		Example: `  cx graph
  cx graph --format mermaid > graph.md
  cx graph --format dot | dot -Tsvg > graph.svg`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if dir == "" {
				dir = findWorkspaceRoot()
			}
			ws, err := workspace.Load(dir)
			if err != nil {
				return err
			}
			g, ds := workspace.BuildGraph(ws)
			diags := workspace.Diagnostics(ds)
			if err := g.Render(cmd.OutOrStdout(), workspace.Format(format)); err != nil {
				return fmt.Errorf("--format %s: %w (use %s)", format, err, strings.Join(formats, ", "))
			}
			for _, d := range diags {
				fmt.Fprintf(cmd.ErrOrStderr(), "%s: %s\n", d.Severity, d)
			}
			if diags.HasErrors() {
				return &exitError{code: 1}
			}
			return nil
		},
	}
	addWorkspaceFlag(cmd, &dir)
	cmd.Flags().StringVarP(&format, "format", "f", string(workspace.FormatText), "output format: "+strings.Join(formats, ", "))
	return cmd
}
