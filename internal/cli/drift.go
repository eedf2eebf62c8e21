package cli

import (
	"context"
	"fmt"
	"io"
	"time"

	"github.com/cxascode/cxascode/internal/drift"
	"github.com/cxascode/cxascode/internal/platform"
	"github.com/cxascode/cxascode/internal/target"
	"github.com/cxascode/cxascode/internal/workspace"
	"github.com/spf13/cobra"
)

// driftFlags are cx drift's flags; cx backport shares the first group.
type driftFlags struct {
	workspaceDir string
	env          string
	parallel     int
	auditDays    int
	noUnmanaged  bool
	format       string
	json         bool
	watch        time.Duration
}

func (f *driftFlags) registerCommon(cmd *cobra.Command) {
	fl := cmd.Flags()
	addWorkspaceFlag(cmd, &f.workspaceDir)
	fl.StringVarP(&f.env, "env", "e", "", "environment from cx.hcl (default: the first one, usually dev)")
	fl.IntVarP(&f.parallel, "parallel", "p", 4, "projects planned (and org listings made) at once; they share the org's rate budget")
	fl.IntVar(&f.auditDays, "audit-days", drift.MaxAuditDays, "how many days back the audit log is searched for who changed what")
	fl.BoolVar(&f.noUnmanaged, "no-unmanaged", false, "skip the search for objects no project declares")
}

func newDriftCommand() *cobra.Command {
	f := &driftFlags{}
	cmd := &cobra.Command{
		Use:   "drift [PROJECT...]",
		Short: "Find what changed in an environment's org outside the workspace, and who changed it",
		Long: `Drift compares an environment's org with the workspace:

  managed     objects a project manages whose live attributes differ from what was applied
              (a refresh-only plan per project, read per attribute; flow content included)
  unmanaged   objects of a covered type that no project declares (skipped with --no-unmanaged)

For each finding the org's audit log says who (user or OAuth client), when, and which
properties changed; break-glass deploys are labelled. Ordering, equivalent JSON, server
defaults and flow YAML layout are not drift: a workspace that was just applied reports nothing.

Exit codes: 0 in sync, 2 drift found, 1 something could not be checked (a project's plan, a
listing) — findings are still printed.

.cxignore, at the workspace root, lists unmanaged objects to leave alone, one rule a line:
TYPE NAME-PATTERN, where * matches any run of characters, ? one, \ escapes the next; names
compare ignoring case; # starts a comment. For example:

  # sandbox queues people make by hand
  genesyscloud_routing_queue  Test*
  genesyscloud_user           *@contractor.example.com
  genesyscloud_routing_*      Temp ?

With --watch INTERVAL drift runs until interrupted and prints a report only when the
findings change (the first run always prints): a scheduled job that stays quiet.

To write what drift found back into code, run cx backport.`,
		Example: `  cx drift                               # environment dev, every project, table output
  cx drift --env prod flow-billing       # one project's managed drift (+ unmanaged objects)
  cx drift --env prod --format markdown  # for a pull-request comment or an issue
  cx drift --env prod --format junit > drift.xml   # for CI test reports
  cx drift --env prod --json | jq '.findings[] | select(.kind == "unmanaged")'
  cx drift --env prod --watch 15m        # print only when something changes`,
		RunE: func(cmd *cobra.Command, args []string) error {
			return runDrift(cmd, f, args)
		},
	}
	f.registerCommon(cmd)
	fl := cmd.Flags()
	fl.StringVar(&f.format, "format", drift.FormatTable, "output: table, json, markdown or junit")
	fl.BoolVar(&f.json, "json", false, "same as --format json")
	fl.DurationVar(&f.watch, "watch", 0, "check again every INTERVAL (e.g. 15m) and print only when the findings change")
	return cmd
}

func runDrift(cmd *cobra.Command, f *driftFlags, projects []string) error {
	ctx := cmd.Context()
	stdout, stderr := cmd.OutOrStdout(), cmd.ErrOrStderr()
	format := f.format
	if f.json {
		format = drift.FormatJSON
	}
	switch format {
	case drift.FormatTable, drift.FormatJSON, drift.FormatMarkdown, "md", drift.FormatJUnit:
	default:
		return fmt.Errorf("--format %s: use table, json, markdown or junit", format)
	}
	s, err := prepareDrift(ctx, f, stderr)
	if err != nil {
		return err
	}
	if f.watch > 0 {
		fmt.Fprintf(stderr, "Watching %s every %s; a report is printed when the findings change (Ctrl+C stops).\n", s.env.Name, f.watch)
		err := drift.Watch(ctx, f.watch, func() (*drift.Report, error) {
			return s.detect(ctx, projects, nil)
		}, stdout, format)
		if ctx.Err() != nil {
			return nil // interrupted: the normal way a watch ends
		}
		return err
	}
	rep, err := s.detect(ctx, projects, nil)
	if err != nil {
		return err
	}
	if err := rep.Write(stdout, format); err != nil {
		return err
	}
	if format != drift.FormatTable {
		fmt.Fprintln(stderr, rep.Summary())
	}
	if code := rep.ExitCode(); code != 0 {
		return &exitError{code: code}
	}
	return nil
}

// driftSetup is everything a drift run over one environment needs.
type driftSetup struct {
	ws      *workspace.Workspace
	env     workspace.Environment
	planner *drift.TofuPlanner
	client  *platform.Client
	flags   *driftFlags
}

// prepareDrift loads the workspace and resolves the environment's org: the OpenTofu
// planner (with the provider's credentials) and an API client for listings, the audit log
// and flow exports. A local environment starts the background local org when needed.
func prepareDrift(ctx context.Context, f *driftFlags, stderr io.Writer) (*driftSetup, error) {
	ws, _, err := loadWorkspace(f.workspaceDir, stderr)
	if err != nil {
		return nil, err
	}
	env, err := pickEnvironment(ws.Config, f.env)
	if err != nil {
		return nil, err
	}
	tg, err := target.Resolve(ctx, target.Options{Root: ws.Root, Env: env, Progress: stderr, ClientUserAgent: "cx-drift"})
	if err != nil {
		return nil, err
	}
	planner := &drift.TofuPlanner{Workspace: ws, Env: env.Name, Tofu: tg.Tofu, ProviderDir: tg.ProviderDir, OrgEnv: tg.OrgEnv,
		Parallel: f.parallel, Progress: stderr}
	if !env.IsLocal() {
		// Real orgs allow 300 requests a minute per token: plans running at once share it.
		planner.RatePerMinute = drift.RateShare(300, max(f.parallel, 1))
	}
	return &driftSetup{ws: ws, env: env, planner: planner, client: tg.Client, flags: f}, nil
}

// detect runs drift.Detect; planner, when not nil, wraps the OpenTofu planner.
func (s *driftSetup) detect(ctx context.Context, projects []string, planner drift.Planner) (*drift.Report, error) {
	if planner == nil {
		planner = s.planner
	}
	return drift.Detect(ctx, drift.Options{
		Workspace: s.ws, Env: s.env.Name, Projects: projects, Planner: planner, Client: s.client,
		Parallel: s.flags.parallel, AuditDays: s.flags.auditDays, SkipUnmanaged: s.flags.noUnmanaged,
	})
}
