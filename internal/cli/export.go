package cli

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"

	"github.com/cxascode/cxascode/internal/export"
	"github.com/cxascode/cxascode/internal/target"
	"github.com/cxascode/cxascode/internal/tofu"
	"github.com/spf13/cobra"
)

// envExportGenerate set to "tofu" has OpenTofu generate the exported resource blocks
// (`tofu plan -generate-config-out`) instead of cx with the provider in process: the same
// blocks, slower; kept to compare with and to fall back on.
const envExportGenerate = "CX_EXPORT_GENERATE"

type exportFlags struct {
	workspaceDir, env, into, layout string
	include, exclude                []string
	sharedThreshold                 int
	json                            bool
}

func newExportCommand() *cobra.Command {
	f := &exportFlags{}
	cmd := &cobra.Command{
		Use:   "export --env ENV --into DIR",
		Short: "Write an environment's org as a new workspace of small projects that adopt its objects",
		Long: `Export reads every object of the kinds the provider covers from an environment's org and
writes a new cx workspace at DIR that declares them:

  layout      --layout flow (default): one project per Architect flow (flow-<name>) holding
              what only that flow uses — its queues, IVR, data tables …; the org's
              vocabulary in shared-skills (skills, languages, skill groups),
              shared-wrapupcodes and shared-schedules, even where one flow uses it; shared
              projects for the rest by area (shared-routing, shared-architect, …), people and
              permissions in people, entry points several flows share in shared-entry.
              --layout kind: projects by area only, the flows together in flows.
              --layout division: a project per flow as with flow; what several flows
              share goes to its division's project (division-<name>) instead of its
              area's, for orgs whose divisions are its teams.
              --shared-threshold N (default 2): an object goes to a shared project when
              at least N flows use it; below that it stays with the first of them (by
              project name), whose neighbours find it by name. 1 leaves every flow alone.
  values      phone numbers, e-mail addresses and URLs (what cx check calls hard-coded)
              become variables set in each project's env/ENV.tfvars; in flow YAML they
              become {{placeholders}} the flow resource's substitutions fill from them.
              Names stay literal: projects find each other by them.
  references  ids become references: inside a project to the resource, across projects a
              data source that finds the object by name (the by-name style cx graph follows).
  imports     each project gets imports.tf with ENV's ids (and cx_environment.tf): cx plan
              --env ENV in DIR shows imports only (a flow's one update records its file;
              nothing is republished), cx apply adopts the objects, and the next plan is
              empty. Other environments skip ENV's imports: the workspace deploys to them as
              it is (or cx adopt --env OTHER adds theirs).
  flows       each flow's published version, exported as Archy YAML, in the project's
              flows/ folder, with depends_on for the objects of the project it names.

The new workspace's environment reaches the same org (a local org by its data directory).
Filters: --include/--exclude TYPE or TYPE:NAME (globs, names ignoring case, the
genesyscloud_ prefix optional); what an included object refers to comes along and is listed.
Cycles between projects are broken by merging them, and said. DIR must not exist or be
empty; nothing is written there unless the export succeeds. One request first checks that the
org answers and takes the credentials: an org cx cannot reach or that refuses them fails at
once, saying which.

Progress: each kind's object count as it is listed; on a terminal also a status line
with the step (list, flows, generate, write), how far it is, the requests sent, the 429s the
org answered and an estimate of the time left. With --json, progress goes to stderr as
one JSON object per line (events step, listed, progress, resume) and the result to stdout.

Resume: the export works in .DIR.export-partial beside DIR. Interrupted (Ctrl-C, a
killed process), that directory stays; the same command again resumes from it, reusing
the listings, the flows exported and the generated configuration. Any other
failure removes it; one older than a day or of other options is started over. A second
export into the same DIR while one runs is refused, naming the first.

Generation: cx imports and reads each object with the provider in process and writes its
block as tofu plan -generate-config-out would; CX_EXPORT_GENERATE=tofu has OpenTofu do it
(the same blocks, slower).`,
		Example: `  cx export --env prod --into ../cc-prod
  cx export --env dev --into ../billing --include 'flow:Billing*'
  cx export --env dev --into ../by-area --layout kind --exclude user --json`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error { return runExport(cmd, f) },
	}
	fl := cmd.Flags()
	addWorkspaceFlag(cmd, &f.workspaceDir)
	fl.StringVarP(&f.env, "env", "e", "", "environment from cx.hcl whose org is read (default: the first one)")
	fl.StringVar(&f.into, "into", "", "directory of the new workspace (must not exist or be empty)")
	fl.StringVar(&f.layout, "layout", export.ByFlow, "flow (a project per flow), kind (a project per area) or division (per flow, shared objects by division)")
	fl.IntVar(&f.sharedThreshold, "shared-threshold", export.DefaultSharedThreshold, "an object used by at least this many flows goes to a shared project")
	fl.StringArrayVar(&f.include, "include", nil, "export only objects matching TYPE or TYPE:NAME (repeatable), with what they refer to")
	fl.StringArrayVar(&f.exclude, "exclude", nil, "leave out objects matching TYPE or TYPE:NAME (repeatable)")
	fl.BoolVar(&f.json, "json", false, "print the result as JSON on stdout")
	return cmd
}

func runExport(cmd *cobra.Command, f *exportFlags) error {
	ctx := cmd.Context()
	stdout, stderr := cmd.OutOrStdout(), cmd.ErrOrStderr()
	if f.into == "" {
		return errors.New("cx export needs --into DIR: the directory of the new workspace")
	}
	ws, _, err := loadWorkspace(f.workspaceDir, stderr)
	if err != nil {
		return err
	}
	env, err := pickEnvironment(ws.Config, f.env)
	if err != nil {
		return err
	}
	tg, err := target.Resolve(ctx, target.Options{Root: ws.Root, Env: env, Progress: stderr, ClientUserAgent: "cx-export"})
	if err != nil {
		return err
	}
	orgDir := ""
	if env.IsLocal() {
		orgDir = filepath.Join(ws.Root, tofu.Dir, "org")
		if env.LocalOrgDir != "" {
			orgDir = filepath.Join(ws.Root, filepath.FromSlash(env.LocalOrgDir))
		}
	}
	if !f.json {
		fmt.Fprintf(stderr, "Reading %s (%s)…\n", env.Name, env.Org)
	}
	style := export.ProgressLines
	switch {
	case f.json:
		style = export.ProgressJSON
	case isTerminal(stderr):
		style = export.ProgressTerminal
	}
	res, err := export.Run(ctx, export.Options{Client: tg.Client, Env: env, LocalOrgDir: orgDir, Into: f.into,
		Layout: f.layout, SharedThreshold: f.sharedThreshold, Include: f.include, Exclude: f.exclude, Progress: stderr, ProgressStyle: style,
		Tofu: export.Tofu{Binary: tg.Tofu, ProviderDir: tg.ProviderDir, OrgEnv: tg.OrgEnv}, Generate: os.Getenv(envExportGenerate)})
	if err != nil {
		return err
	}
	if f.json {
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(res)
	}
	var names []string
	for p := range res.Projects {
		names = append(names, p)
	}
	sort.Strings(names)
	fmt.Fprintf(stdout, "Exported %d object(s) into %d project(s) at %s:\n", res.Objects, len(names), res.Into)
	for _, p := range names {
		fmt.Fprintf(stdout, "  %-40s %5d\n", p, res.Projects[p])
	}
	for _, a := range res.Added {
		fmt.Fprintf(stdout, "  + %s (an included object refers to it)\n", a)
	}
	for _, n := range res.Notes {
		fmt.Fprintf(stdout, "note: %s\n", n)
	}
	fmt.Fprintf(stdout, "Next: cd %s && cx plan --env %s (imports only), then cx apply --env %s.\n", res.Into, env.Name, env.Name)
	return nil
}
