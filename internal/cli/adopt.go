package cli

import (
	"encoding/json"
	"fmt"

	"github.com/cxascode/cxascode/internal/export"
	"github.com/cxascode/cxascode/internal/target"
	"github.com/spf13/cobra"
)

func newAdoptCommand() *cobra.Command {
	var (
		dir, env string
		asJSON   bool
	)
	cmd := &cobra.Command{
		Use:   "adopt --env ENV [PROJECT...]",
		Short: "Take over objects an environment's org already holds: import blocks matched by name",
		Long: `Adopt is for promoting a workspace into an org that was built by hand: the objects it declares
exist there already, so a plain apply would fail on their names. Adopt lists the org, matches
every object the projects declare (resource type and literal name) to the org's, and writes
the ids of the matches into the project's imports.tf, under ENV (each environment imports its
own ids; the others' blocks do nothing there). Then cx plan --env ENV shows the
imports and any difference between the code and the org as changes; cx apply takes the objects
over. It reports what the org lacks (created by the next apply), names several objects match
(left to you), and objects the org holds that no project declares (see cx drift, cx backport
--into, cx export).

An imports.tf written by a person (not by cx) is never overwritten.`,
		Example: `  cx adopt --env test
  cx adopt --env prod flow-billing --json`,
		RunE: func(cmd *cobra.Command, projects []string) error {
			ctx := cmd.Context()
			stderr := cmd.ErrOrStderr()
			ws, _, err := loadWorkspace(dir, stderr)
			if err != nil {
				return err
			}
			e, err := pickEnvironment(ws.Config, env)
			if err != nil {
				return err
			}
			for _, p := range projects {
				if ws.Project(p) == nil {
					return fmt.Errorf("no project %q in the workspace", p)
				}
			}
			tg, err := target.Resolve(ctx, target.Options{Root: ws.Root, Env: e, Progress: stderr, ClientUserAgent: "cx-adopt"})
			if err != nil {
				return err
			}
			fmt.Fprintf(stderr, "Matching the workspace to %s (%s)…\n", e.Name, e.Org)
			res, err := export.Adopt(ctx, export.AdoptOptions{Workspace: ws, Env: e.Name, Client: tg.Client, Projects: projects})
			if err != nil {
				return err
			}
			out := cmd.OutOrStdout()
			if asJSON {
				enc := json.NewEncoder(out)
				enc.SetIndent("", "  ")
				return enc.Encode(res)
			}
			fmt.Fprintf(out, "%d object(s) found in %s: import blocks in %d file(s).\n", len(res.Imports), e.Name, len(res.Files))
			for _, f := range res.Files {
				fmt.Fprintf(out, "  %s\n", f)
			}
			if len(res.Missing) > 0 {
				fmt.Fprintf(out, "%d declared object(s) %s does not hold (the next apply creates them):\n", len(res.Missing), e.Name)
				for _, m := range res.Missing {
					fmt.Fprintf(out, "  %s\n", export.DescribeMatch(m))
				}
			}
			for _, m := range res.Ambiguous {
				fmt.Fprintf(out, "ambiguous: %s: several objects of %s match; import the right one by hand\n", export.DescribeMatch(m), e.Name)
			}
			if len(res.Extra) > 0 {
				fmt.Fprintf(out, "%d object(s) of %s no project declares (cx drift --env %s lists them).\n", len(res.Extra), e.Name, e.Name)
			}
			fmt.Fprintf(out, "Next: cx plan --env %s shows the imports and what differs; cx apply --env %s takes the objects over.\n", e.Name, e.Name)
			if len(res.Ambiguous) > 0 {
				return &exitError{code: exitNeedsPerson}
			}
			return nil
		},
	}
	addWorkspaceFlag(cmd, &dir)
	cmd.Flags().StringVarP(&env, "env", "e", "", "environment from cx.hcl whose org holds the objects (default: the first one)")
	cmd.Flags().BoolVar(&asJSON, "json", false, "print the matches as JSON on stdout")
	return cmd
}
