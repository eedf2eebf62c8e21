package cli

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	"github.com/cxascode/cxascode/internal/backport"
	"github.com/cxascode/cxascode/internal/drift"
	"github.com/spf13/cobra"
)

type backportFlags struct {
	driftFlags
	into   string
	patch  string
	branch string
}

func newBackportCommand() *cobra.Command {
	f := &backportFlags{}
	cmd := &cobra.Command{
		Use:   "backport --env ENV [PROJECT...]",
		Short: "Write changes made in an environment's org back into the workspace's code",
		Long: `Backport runs cx drift on one environment and writes what it found into code, so that the
workspace matches the org again — the way to keep a console change or a break-glass fix.

  managed drift   the changed attributes are set in the project's .tf files, comments and
                  layout kept: nested blocks (media_settings_call { alerting_timeout_sec = 30 })
                  and set-like blocks (a user's routing_skills gain or lose an element). Ids
                  are written as references; an object the project does not know yet gets a
                  data source that looks it up by name. A value written as var.NAME is set in
                  env/ENV.tfvars when that file sets it; other expressions are left to you.
  flow content    the flow's YAML file gets the org's published version (exported through
                  the API). Lines whose content did not change keep their comments and
                  {{placeholders}}; in changed lines the environment's substitution values
                  become placeholders again where the replaced lines used them.
  unmanaged       with --into PROJECT, a resource block per object (in adopted.tf, attributes
                  read from the API) and its id under ENV in the project's imports.tf (other
                  environments skip it). PROJECT may be new: it is
                  created at the workspace root when cx.hcl's projects.include covers it.
                  Without --into, unmanaged objects are listed and left alone. So are kinds
                  whose resource is made from a local file (scripts, response assets): an
                  import cannot give the file back, so any block would plan a change; backport
                  says so for each, and you declare and import it by hand.

The result is a commit on a new branch (default cx/backport-ENV-<UTC timestamp>) in the
workspace's git repository, which must have no uncommitted changes; the branch stays checked
out for you to push. Then the projects' states take the org's values (tofu apply
-refresh-only: nothing in the org changes), so cx drift reports nothing and cx plan shows no
change (adopted objects: only their imports, until applied).

With --patch FILE (or - for stdout) nothing is written or committed: the unified diff is
printed for git apply, and states are not refreshed.

Exit codes: 0 done (or nothing to backport), 1 error, 3 done but some findings need a person.`,
		Example: `  cx backport --env prod                          # every project, commit on a new branch
  cx backport --env prod flow-billing --patch -   # one project, as a diff on stdout
  cx backport --env prod --into shared-queues     # also adopt hand-made objects there`,
		RunE: func(cmd *cobra.Command, args []string) error {
			return runBackport(cmd, f, args)
		},
	}
	f.registerCommon(cmd)
	fl := cmd.Flags()
	fl.StringVar(&f.into, "into", "", "project to adopt unmanaged objects into (created if new); without it they are left out")
	fl.StringVar(&f.patch, "patch", "", "write a unified diff to FILE (- for stdout) instead of committing")
	fl.StringVar(&f.branch, "branch", "", "branch to commit on (default cx/backport-ENV-<timestamp>)")
	return cmd
}

// exitNeedsPerson is backport's exit code when some findings could not be written.
const exitNeedsPerson = 3

func runBackport(cmd *cobra.Command, f *backportFlags, projects []string) error {
	ctx := cmd.Context()
	stdout, stderr := cmd.OutOrStdout(), cmd.ErrOrStderr()
	if f.env == "" {
		return errors.New("cx backport needs --env: name the environment whose org holds the changes")
	}
	if f.noUnmanaged && f.into != "" {
		return errors.New("--into adopts unmanaged objects; it cannot be combined with --no-unmanaged")
	}
	s, err := prepareDrift(ctx, &f.driftFlags, stderr)
	if err != nil {
		return err
	}
	git := backport.Git{Root: s.ws.Root}
	if f.patch == "" {
		if err := git.CheckClean(ctx); err != nil {
			return err
		}
	}
	// One hold of the environment's lock from the drift check to the state refresh: an apply
	// in between would make the refresh take what the backport did not look at.
	s.planner.Command = "cx backport --env " + s.env.Name
	release, err := s.planner.Hold(ctx)
	if err != nil {
		return err
	}
	defer release()
	rec := &backport.RecordingPlanner{Planner: s.planner}
	fmt.Fprintf(stderr, "Checking %s for drift…\n", s.env.Name)
	rep, err := s.detect(ctx, projects, rec)
	if err != nil {
		return err
	}
	if len(rep.Errors) > 0 {
		rep.WriteTable(stderr) //nolint:errcheck // the error below says what matters
		return errors.New("drift could not check everything; fix the errors above before backporting")
	}
	if len(rep.Findings) == 0 {
		fmt.Fprintln(stdout, rep.Summary(), "Nothing to backport.")
		return nil
	}
	res, err := backport.Build(ctx, backport.Options{Workspace: s.ws, Env: s.env.Name, Report: rep,
		Plans: rec.Plans(), Client: s.client, Into: f.into})
	if err != nil {
		return err
	}
	if f.patch != "" {
		if err := writePatch(res, f.patch, stdout); err != nil {
			return err
		}
		fmt.Fprint(stderr, res.Summary())
		return backportExit(res)
	}
	if len(res.Changes) == 0 {
		fmt.Fprint(stdout, res.Summary())
		fmt.Fprintln(stdout, "No file to change.")
		return backportExit(res)
	}
	if err := res.Write(s.ws.Root); err != nil {
		return err
	}
	branch := f.branch
	if branch == "" {
		branch = backport.BranchName(s.env.Name, time.Now())
	}
	if err := git.Commit(ctx, branch, res, backport.CommitMessage(res, whoChanged(rep))); err != nil {
		return fmt.Errorf("the files are written but not committed: %w", err)
	}
	fmt.Fprint(stdout, res.Summary())
	fmt.Fprintf(stdout, "Committed on branch %s (checked out). Push it and open a pull request.\n", branch)
	for _, name := range res.Refresh {
		if p := s.ws.Project(name); p != nil {
			if err := backport.RefreshState(ctx, s.planner, p); err != nil {
				return err
			}
		}
	}
	if len(res.Refresh) > 0 {
		fmt.Fprintf(stdout, "Refreshed the state of %d project(s) from %s; cx drift --env %s should now report nothing managed.\n",
			len(res.Refresh), s.env.Name, s.env.Name)
	}
	if res.Into != "" {
		fmt.Fprintf(stdout, "Adopted objects are imported by the next cx apply --env %s of %s.\n", s.env.Name, res.Into)
	}
	return backportExit(res)
}

func writePatch(res *backport.Result, dest string, stdout io.Writer) error {
	if dest == "-" {
		return res.WritePatch(stdout)
	}
	out, err := os.Create(filepath.Clean(dest))
	if err != nil {
		return err
	}
	if err := res.WritePatch(out); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}

func backportExit(res *backport.Result) error {
	if len(res.Skipped) > 0 {
		return &exitError{code: exitNeedsPerson}
	}
	return nil
}

// whoChanged maps each finding's label (as backport names it) to who changed it and when.
func whoChanged(rep *drift.Report) map[string]string {
	out := map[string]string{}
	for _, f := range rep.Findings {
		if f.Attribution == nil {
			continue
		}
		label := fmt.Sprintf("%s %q", f.Type, f.Name)
		if f.Kind == drift.KindManaged {
			label = f.Address + " (" + f.Project + ")"
		}
		out[label] = fmt.Sprintf("%s, %s", f.Attribution.Who, f.Attribution.When.UTC().Format(time.RFC3339))
	}
	return out
}
