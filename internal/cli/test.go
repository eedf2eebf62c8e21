package cli

import (
	"bytes"
	"context"
	"fmt"
	"io"

	"github.com/cxascode/cxascode/internal/safefile"
	"github.com/cxascode/cxascode/internal/target"
	"github.com/cxascode/cxascode/internal/test"
	"github.com/cxascode/cxascode/internal/workspace"
	"github.com/spf13/cobra"
)

// testFlags are cx test's flags; cx apply --test shares them.
type testFlags struct {
	workspaceDir string
	env          string
	projects     []string
	kind         string
	parallel     int
	json         bool
	fromExport   bool
	junit        string
	markdown     string
}

func newTestCommand() *cobra.Command {
	f := &testFlags{}
	cmd := &cobra.Command{
		Use:   "test",
		Short: "Run the workspace's post-deploy tests against an environment's org",
		Long: `Test runs the tests written next to each project, in <project>/tests/*.cxtest.hcl, against
what is deployed in an environment's org — never against the files, so a flow edited in the
org's console fails its tests although the workspace is unchanged. Projects run in the graph's
order (shared projects first), the tests of one level in parallel.

A test file holds call, object and data action tests; var.NAME reads the project's env/<env>.tfvars, so one
test dials each environment's own number:

  call "choice 2 reaches disputes" {
    dial      = var.ivr_dnis[0]         # the number dialled
    at        = "2026-03-10T10:00:00"   # local date-time in time_zone (or RFC 3339 with offset)
    time_zone = "America/New_York"
    dtmf      = ["2"]                   # inputs, one per menu play or collect input: a key,
                                        # digits ("12345"), "say:billing" (speech), "" = none
    ani       = "+13175550123"          # the caller's number (optional)
    decisions = { "Find the open ticket" = "failure" }  # branches the simulator cannot evaluate

    expect {
      schedule  = "open"                # open, closed, holiday or emergency
      flows     = ["Billing IVR"]       # in path order; other steps may lie between
      menus     = ["Billing Menu"]
      prompts   = ["billing specialist"]  # each a part of a prompt heard
      decisions = { "VIP caller" = "no" }
      transfer_to_queue = "Billing Disputes"  # exactly one final action: transfer_to_queue,
                                              # disconnect = true, transfer_to_voicemail, transfer_to_flow
    }
  }

  object "payments queue" {
    type       = "genesyscloud_routing_queue"   # any resource type cxascode serves by name
    name       = "Billing Payments"
    attributes = { }                            # Terraform attributes (kinds mapped field by field)
    api        = { skillEvaluationMethod = "BEST" }  # the API's JSON, by path
    count "/wrapupcodes" {                      # a sub-collection, a JSON array or a number
      equals   = 2                              # or at_least, at_most
      includes = ["Resolved"]
    }
  }

  object "billing hours" {
    type = "genesyscloud_architect_schedulegroups"
    name = "Billing Hours"
    state_at {                                  # the group's state at a moment (any number of these)
      at        = "2026-12-25T10:00:00"
      time_zone = "America/New_York"
      state     = "holiday"                     # open, closed or holiday
    }
  }

  object "billing flow is deployed" {
    type              = "genesyscloud_flow"
    name              = "Billing IVR"
    matches_workspace = true                    # the published version is the workspace's file
  }

  data_action "open ticket by phone" {
    action   = "Get Open Ticket"                # the data action, by name
    category = "Support Ticketing"              # optional: narrows the search
    input    = { phone = "+13175550142" }       # the sample input, checked against the input contract
    expect {
      success = true                            # default true
      output  = { ticketId = "T-1" }            # values the output holds; each a field of the output contract
      fields  = ["ticketId"]                    # fields the output holds, whatever their value
    }
  }

On a local environment call tests run in the local org's own simulator. A real org has none:
there cx reads the org's IVRs, schedule groups and schedules through the API, exports the
published flows and simulates the call here (--from-export does the same on a local org), so
the test still checks what is deployed; a step's line is then the export's. A call whose path
runs an action the simulator does not model fails: its path cannot be trusted (the rules it
follows, each with its Genesys documentation, head internal/archy/simulate.go; the in-queue
flow a caller hears while waiting is not run: the path ends at the transfer). Data actions
are not called: decisions names the output a call takes, else success is assumed; but each
callData is checked against the org's action — a missing action, or an input or output the
flow maps that the action's contract no longer has, fails the test at the flow's line.

A data action test runs the action's test endpoint (POST .../actions/{id}/test). A real org
calls the remote service; the local org calls none: it validates the input against the input
contract and answers the output the success contract describes (each field's default, else
its first example, else an empty value of its type). On the local org a data action test so
proves the contract the flows rely on, not the service's answers.

A failing test names its file:line, what it expected, the call's actual path with the flow
file:line of every step, and where the call ended. Exit codes: 0 every test passed, 1 a test
failed or could not run, or there were no tests to run.`,
		Example: `  cx test --env dev
  cx test --env dev --project flow-billing
  cx test --env test --junit test-results.xml --markdown summary.md
  cx test --env prod --kind object --json`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			ws, g, err := loadWorkspace(f.workspaceDir, cmd.ErrOrStderr())
			if err != nil {
				return err
			}
			return runTests(cmd.Context(), f, ws, g, nil, cmd.OutOrStdout(), cmd.ErrOrStderr())
		},
	}
	fl := cmd.Flags()
	addWorkspaceFlag(cmd, &f.workspaceDir)
	fl.StringVarP(&f.env, "env", "e", "", "environment from cx.hcl (default: the first one, usually dev)")
	fl.StringSliceVar(&f.projects, "project", nil, "only the tests of this project (repeatable)")
	f.register(cmd, "parallel")
	fl.BoolVar(&f.json, "json", false, "print the results as JSON on stdout")
	return cmd
}

// register adds the flags cx test and cx apply --test share; parallel names the flag bounding
// the tests run at once (apply's --parallel counts projects).
func (f *testFlags) register(cmd *cobra.Command, parallel string) {
	fl := cmd.Flags()
	fl.StringVar(&f.kind, "kind", "", "only tests of this kind: call, object or data_action")
	fl.IntVar(&f.parallel, parallel, 4, "tests run at once")
	fl.BoolVar(&f.fromExport, "from-export", false, "simulate calls here on the org's exported flows, as for a real org, even on a local org")
	fl.StringVar(&f.junit, "junit", "", "also write the results as JUnit XML to FILE")
	fl.StringVar(&f.markdown, "markdown", "", "also write the results as Markdown to FILE (a PR comment, a job summary)")
}

// runTests loads the tests, resolves the environment's org (local: an in-process one when
// local is set, else the background local org) and runs them.
func runTests(ctx context.Context, f *testFlags, ws *workspace.Workspace, g *workspace.Graph, local *target.LocalOrg, stdout, stderr io.Writer) error {
	switch f.kind {
	case "", test.KindCall, test.KindObject, test.KindDataAction:
	default:
		return fmt.Errorf("--kind %s: use call, object or data_action", f.kind)
	}
	env, err := pickEnvironment(ws.Config, f.env)
	if err != nil {
		return err
	}
	suite, err := test.Load(ws, g, env.Name, f.projects)
	if err != nil {
		return fmt.Errorf("the tests do not parse:\n%w", err)
	}
	tg, err := target.Resolve(ctx, target.Options{Root: ws.Root, Env: env, OrgOnly: true, LocalOrg: local,
		Progress: stderr, ClientUserAgent: "cx-test"})
	if err != nil {
		return err
	}
	opts := test.Options{Suite: suite, Env: env.Name, Client: tg.Client, Kind: f.kind, Parallel: f.parallel}
	if tg.Local != nil && tg.Local.AdminKey != "" && !f.fromExport {
		opts.Simulator = &test.LocalSimulator{URL: tg.Local.URL, AdminKey: tg.Local.AdminKey, Org: env.OrgName()}
	} else {
		opts.Simulator = &test.ExportedSimulator{Client: tg.Client}
	}
	rep := test.Run(ctx, opts)
	if f.json {
		err = rep.WriteJSON(stdout)
		fmt.Fprintln(stderr, rep.Summary())
	} else {
		err = rep.WriteText(stdout)
	}
	if err != nil {
		return err
	}
	if err := writeReportFile(f.junit, rep.WriteJUnit); err != nil {
		return err
	}
	if err := writeReportFile(f.markdown, rep.WriteMarkdown); err != nil {
		return err
	}
	if !rep.Passed() {
		return &exitError{code: 1}
	}
	return nil
}

// writeReportFile writes one report format to path, whole or not at all ("" writes nothing).
func writeReportFile(path string, write func(io.Writer) error) error {
	if path == "" {
		return nil
	}
	var b bytes.Buffer
	if err := write(&b); err != nil {
		return err
	}
	if err := safefile.WriteFileAtomic(path, b.Bytes(), 0o644); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	return nil
}
