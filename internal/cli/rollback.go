package cli

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"

	"github.com/cxascode/cxascode/internal/breakglass"
	"github.com/cxascode/cxascode/internal/release"
	"github.com/cxascode/cxascode/internal/target"
	"github.com/spf13/cobra"
)

type rollbackFlags struct {
	releaseFlags
	to           string
	allowDestroy []string
	apply        bool
	breakGlass   bool
	reason       string
	git          string
}

func newRollbackCommand() *cobra.Command {
	f := &rollbackFlags{}
	cmd := &cobra.Command{
		Use:   "rollback --to RELEASE",
		Short: "Plan (and with --apply, deploy) an earlier release again, guarded",
		Long: `Rollback checks the release's commit out into a temporary git worktree, plans its projects
against the environment and shows the plan as a release note. It never rewinds history:
applied (--apply), it records a new release whose commit is the older one.

The guard refuses to destroy, unless each is named with --allow-destroy TYPE.NAME (or
PROJECT:TYPE.NAME):
  - objects created after that release (added by a later release or an unreleased apply);
  - objects whose loss loses data or breaks routing, as the org says now: a queue with
    members or consumed by a published flow, a DID pool holding a number of an IVR, a flow
    an IVR routes to or another published flow consumes, a data table with rows.
The refusal names each object and why; exit code 1. Without --apply the exit code is plan's:
0 when the release is what the environment holds, 2 when going back would change it.

--git says how an applied rollback goes into git; history is never rewound:
  none    (default) git is left as it is: the new release records the older commit, and
          the branch keeps the newer files until someone reverts them in a pull request.
  revert  a commit on the current branch whose workspace files are the release's
          (restored as a whole tree, not commit by commit); the new release records it.
  branch  that commit on a new branch cx/rollback/<env>/<n>, the current branch untouched,
          ready to merge; the new release records it.
revert and branch refuse to start while the workspace has uncommitted changes.

Protected environments keep their rule: --apply runs from CI, or with --break-glass --reason.
Projects added after the release are not part of its plan and are left as they are.`,
		Example: `  cx rollback --env prod --to 12
  cx rollback --env prod --to cx/prod/12 --allow-destroy genesyscloud_routing_queue.vip --apply
  cx rollback --env prod --to 12 --apply --git branch --markdown   # a branch to merge, and a PR comment`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error { return runRollback(cmd, f) },
	}
	f.register(cmd)
	fl := cmd.Flags()
	fl.StringVar(&f.to, "to", "", "the release to go back to: its number or tag (required)")
	fl.StringArrayVar(&f.allowDestroy, "allow-destroy", nil, "let the rollback destroy this object (TYPE.NAME or PROJECT:TYPE.NAME); repeat for each")
	fl.BoolVar(&f.apply, "apply", false, "apply the rollback when the guard lets it, and record a new release")
	fl.BoolVar(&f.breakGlass, "break-glass", false, "apply to a protected environment outside CI (needs --reason)")
	fl.StringVar(&f.reason, "reason", "", "why the break-glass rollback is needed (recorded)")
	fl.StringVar(&f.git, "git", string(release.GitNone), "with --apply: how the rollback goes into git: none, revert (a commit on the current branch) or branch (a new branch to merge)")
	cmd.MarkFlagRequired("to")
	return cmd
}

func runRollback(cmd *cobra.Command, f *rollbackFlags) error {
	ctx := cmd.Context()
	stdout, stderr := cmd.OutOrStdout(), cmd.ErrOrStderr()
	gitMode, err := release.ParseGitMode(f.git)
	if err != nil {
		return err
	}
	if gitMode != release.GitNone && !f.apply {
		return fmt.Errorf("--git %s takes effect when the rollback is applied: add --apply", gitMode)
	}
	ws, _, err := loadWorkspace(f.workspaceDir, stderr)
	if err != nil {
		return err
	}
	env, err := pickEnvironment(ws.Config, f.env)
	if err != nil {
		return err
	}
	extraEnv := map[string]string{}
	if f.apply {
		auditContext, err := breakglass.Check(ws.Root, env, "rollback", nil,
			breakglass.Declaration{BreakGlass: f.breakGlass, Reason: f.reason})
		if err != nil {
			return err
		}
		if auditContext != "" {
			extraEnv[breakglass.AuditContextEnv] = auditContext
		}
	}
	tg, err := target.Resolve(ctx, target.Options{Root: ws.Root, Env: env, Progress: stderr, ClientUserAgent: "cx-rollback"})
	if err != nil {
		return err
	}
	res, err := release.Rollback(ctx, release.RollbackOptions{Workspace: ws, Env: env.Name, To: f.to,
		Allowed: f.allowDestroy, Apply: f.apply, Git: gitMode, Tofu: tg.Tofu, ProviderDir: tg.ProviderDir, OrgEnv: tg.OrgEnv,
		ExtraEnv: extraEnv, FindByName: tg.FindByName, Progress: stderr, Client: tg.Client})
	if res != nil {
		if werr := writeRollback(stdout, f, res); werr != nil {
			return werr
		}
	}
	if errors.Is(err, release.ErrRefused) {
		for _, r := range res.Refusals {
			fmt.Fprintf(stderr, "refused: %s\n", r)
		}
		return fmt.Errorf("%w; name each with --allow-destroy to let it go", err)
	}
	if err == nil && !f.apply && res != nil && !res.Plan.Empty() {
		// Like cx plan: a pipeline tells "nothing to roll back" from "this would change".
		return &exitError{code: 2}
	}
	return err
}

// writeRollback prints the rollback's plan as a release note, its refusals and the new
// release, as text, Markdown or JSON.
func writeRollback(w io.Writer, f *rollbackFlags, res *release.RollbackResult) error {
	switch {
	case f.json:
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		return enc.Encode(res)
	case f.markdown:
		res.WriteMarkdown(w)
	default:
		res.WriteText(w)
	}
	return nil
}
