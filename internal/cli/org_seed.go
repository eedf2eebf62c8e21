package cli

import (
	"encoding/json"
	"fmt"

	"github.com/cxascode/cxascode/internal/orgseed"
	"github.com/cxascode/cxascode/internal/platform"
	"github.com/cxascode/cxascode/internal/target"
	"github.com/spf13/cobra"
)

func newOrgSeedCommand() *cobra.Command {
	var (
		dir, env, prefix string
		objects          int
		asJSON           bool
	)
	cmd := &cobra.Command{
		Use:   "seed --objects N",
		Short: "Fill a local environment's org with a large, realistic contact center",
		Long: `Seed makes about N objects in the org of a local environment through the Platform API: a
line of business per 100 objects (its Archy flow with an hours check and a menu to its three
queues, its IVR, DID pool, schedule group and data table), shared skills, languages, wrap-up
codes and schedules, and agents in groups. It is what cx export, its tests and its benchmark
read; nothing here touches a real org (only environments with org = "local:…" are taken).
Names start with --prefix, so a second seed into the same org needs another one.`,
		Example: `  cx org seed --objects 5000 --env dev
  cx org seed --objects 300 --env test --prefix Acme`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			ctx := cmd.Context()
			ws, _, err := loadWorkspace(dir, cmd.ErrOrStderr())
			if err != nil {
				return err
			}
			e, err := pickEnvironment(ws.Config, env)
			if err != nil {
				return err
			}
			if !e.IsLocal() {
				return fmt.Errorf("environment %s is a real org (%s): cx org seed fills local orgs only", e.Name, e.Org)
			}
			tg, err := target.Resolve(ctx, target.Options{Root: ws.Root, Env: e, Progress: cmd.ErrOrStderr(), ClientUserAgent: "cx-org-seed"})
			if err != nil {
				return err
			}
			// The org's rate budget is per token: a client (token) per worker spreads the seed
			// over eight budgets instead of waiting on one.
			var more []*platform.Client
			for range 7 {
				c, err := tg.NewClient()
				if err != nil {
					return err
				}
				more = append(more, c)
			}
			fmt.Fprintf(cmd.ErrOrStderr(), "Seeding about %d objects into %s (%s)…\n", objects, e.Name, e.Org)
			m, err := orgseed.Seed(ctx, tg.Client, orgseed.Options{Objects: objects, Prefix: prefix, More: more, Progress: cmd.ErrOrStderr()})
			if err != nil {
				return err
			}
			if asJSON {
				enc := json.NewEncoder(cmd.OutOrStdout())
				enc.SetIndent("", "  ")
				return enc.Encode(m)
			}
			fmt.Fprintf(cmd.OutOrStdout(), "Made %d objects in %s: %d lines of business (flow, IVR, DID pool, schedule group, 3 queues), %d users.\n",
				m.Total(), e.Name, m.Lines, m.Users)
			return nil
		},
	}
	addWorkspaceFlag(cmd, &dir)
	fl := cmd.Flags()
	fl.StringVarP(&env, "env", "e", "", "local environment from cx.hcl (default: the first one)")
	fl.IntVar(&objects, "objects", 1000, "about how many objects to make (at least 100)")
	fl.StringVar(&prefix, "prefix", "Seed", "start of every name made")
	fl.BoolVar(&asJSON, "json", false, "print the mix made as JSON")
	return cmd
}
