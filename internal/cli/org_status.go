package cli

import (
	"encoding/json"
	"fmt"
	"path/filepath"
	"strings"

	"github.com/cxascode/cxascode/internal/localorg"
	"github.com/spf13/cobra"
)

// orgDirFor is where a workspace's embedded local org lives.
func orgDirFor(workspaceDir string) string {
	if workspaceDir == "" {
		workspaceDir = findWorkspaceRoot()
	}
	return filepath.Join(workspaceDir, ".cx", "org")
}

func newOrgStatusCommand() *cobra.Command {
	var dir string
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "status",
		Short: "Say whether the workspace's background local org runs, and where",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			st := localorg.GetStatus(cmd.Context(), orgDirFor(dir))
			w := cmd.OutOrStdout()
			if asJSON {
				enc := json.NewEncoder(w)
				enc.SetIndent("", "  ")
				return enc.Encode(st)
			}
			if !st.Running {
				fmt.Fprintf(w, "The local org in %s is not running: %s.\nAny cx plan/apply on a local environment starts it.\n", st.Dir, st.Reason)
				return &exitError{code: 3}
			}
			fmt.Fprintf(w, "The local org runs at %s (pid %d, since %s), orgs %s; data and credentials in %s.\n",
				st.URL, st.PID, st.Started.Local().Format("2006-01-02 15:04:05"), strings.Join(st.Orgs, ", "), st.Dir)
			return nil
		},
	}
	addWorkspaceFlag(cmd, &dir)
	cmd.Flags().BoolVar(&asJSON, "json", false, "print the status as JSON")
	return cmd
}

func newOrgStopCommand() *cobra.Command {
	var dir string
	cmd := &cobra.Command{
		Use:   "stop",
		Short: "Stop the workspace's background local org (its data stays)",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			d := orgDirFor(dir)
			stopped, err := localorg.Stop(cmd.Context(), d)
			if err != nil {
				return err
			}
			if stopped {
				fmt.Fprintf(cmd.OutOrStdout(), "Stopped the local org in %s; its data stays for the next start.\n", d)
			} else {
				fmt.Fprintf(cmd.OutOrStdout(), "No local org was running in %s.\n", d)
			}
			return nil
		},
	}
	addWorkspaceFlag(cmd, &dir)
	return cmd
}
