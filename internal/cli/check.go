package cli

import (
	"fmt"
	"strings"

	"github.com/cxascode/cxascode/internal/check"
	"github.com/spf13/cobra"
)

func newCheckCommand() *cobra.Command {
	var dir, format, failOn, plans string
	var asJSON bool
	var formats []string
	for _, f := range check.Formats() {
		formats = append(formats, string(f))
	}
	cmd := &cobra.Command{
		Use:   "check",
		Short: "Check the workspace's structure: monoliths, reach-ins, over-shared and hard-coded objects, hygiene",
		Long: `Check reads the workspace without running OpenTofu or touching an org and reports what
keeps it from the seed's practices: projects that grew into monoliths (with the split it
suggests), projects reaching into objects other projects own, shared objects only one flow
uses, ids and environment-specific values written as literals, hygiene (unpinned
providers, protected environments without CI, flows without a cx test, ignore_changes, a
project backend with one state for several environments),
and, from git history, projects that always change together or halves that never do.

The check block's policies = ["policy/"] adds the team's own Rego policies: each package's
deny (error) and warn (warning) messages are findings, evaluated against the workspace's
projects, resources (with file:line and attributes), by-name references and environments,
and, with --plans DIR (or the block's plans = "DIR"), each project's plan as
tofu show -json writes it, saved as DIR/<project>.json. cx check never runs OpenTofu itself:
without plans, policies read the configuration alone.

Each finding has an id (check/rule), a severity, a message that says what to do and the
file:line it is about. cx.hcl's check block tunes thresholds and severities and suppresses
findings with a written reason; suppressed findings are listed in the report. The exit code
is 1 when a finding is at or above --fail-on (default: the check block's fail_on, else error).`,
		Example: `  cx check
  cx check --format sarif > cx-check.sarif   # code-scanning annotations on pull requests
  cx check --format markdown --fail-on warning
  cx check --plans plans    # policies also read plans/<project>.json (tofu show -json)`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if dir == "" {
				dir = findWorkspaceRoot()
			}
			cfg, err := check.LoadConfig(dir)
			if err != nil {
				return err
			}
			if failOn != "" {
				if cfg.FailOn, err = check.ParseSeverity(failOn); err != nil {
					return fmt.Errorf("--fail-on: %w", err)
				}
			}
			if plans != "" {
				cfg.Plans = plans
			}
			if asJSON {
				format = string(check.FormatJSON)
			}
			report, err := check.RunWith(dir, cfg)
			if err != nil {
				return err
			}
			if err := report.Write(cmd.OutOrStdout(), check.Format(format)); err != nil {
				return fmt.Errorf("--format %s: %w (use %s)", format, err, strings.Join(formats, ", "))
			}
			if n := report.Count(cfg.FailOn); n > 0 {
				fmt.Fprintf(cmd.ErrOrStderr(), "cx check: %d findings at or above %s\n", n, cfg.FailOn)
				return &exitError{code: 1}
			}
			return nil
		},
	}
	addWorkspaceFlag(cmd, &dir)
	cmd.Flags().StringVarP(&format, "format", "f", string(check.FormatText), "output format: "+strings.Join(formats, ", "))
	cmd.Flags().BoolVar(&asJSON, "json", false, "the report as JSON (same as --format json)")
	cmd.Flags().StringVar(&plans, "plans", "", "folder of <project>.json plans (tofu show -json) for the Rego policies; relative to the workspace")
	cmd.Flags().StringVar(&failOn, "fail-on", "", "exit 1 on findings at or above this severity: info, warning or error")
	return cmd
}
