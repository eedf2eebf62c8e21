package cli

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/cxascode/cxascode/internal/release"
	"github.com/cxascode/cxascode/internal/tofu"
	"github.com/cxascode/cxascode/internal/workspace"
	"github.com/spf13/cobra"
)

func newUnlockCommand() *cobra.Command {
	var workspaceDir, envName string
	var yes bool
	cmd := &cobra.Command{
		Use:   "unlock",
		Short: "Show who holds an environment's lock and clear it when its holder is gone",
		Long: `Unlock shows who holds an environment's lock (user, host, pid, command, since when) and,
once you confirm (or with --yes), clears it. It refuses while the holder is demonstrably
running: its database session still holds the lock, or it is a live process on this machine.

Only a shared state leaves a lock behind: with state { backend "pg" { … } } cx keeps a lock
record in the state's database, and a run killed with kill -9 (or a lost CI runner) leaves it
there, so the next plan or apply refuses instead of taking over a half-finished apply. A
local state's lock is released by the kernel when its holder dies. After clearing, run
cx apply --env ENV to finish the interrupted apply's job.`,
		Example: `  cx unlock --env dev
  cx unlock --env prod --yes   # in a pipeline, after checking the holder is gone`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			ctx := cmd.Context()
			out := cmd.OutOrStdout()
			ws, _, err := loadWorkspace(workspaceDir, cmd.ErrOrStderr())
			if err != nil {
				return err
			}
			env, err := pickEnvironment(ws.Config, envName)
			if err != nil {
				return err
			}
			lock, err := tofu.InspectEnvLock(ctx, ws, env.Name)
			if err != nil {
				return err
			}
			defer lock.Close()
			if !lock.Held {
				fmt.Fprintf(out, "Environment %s is not locked.\n", env.Name)
				return nil
			}
			writeLockHolder(out, lock)
			if lock.Alive {
				return fmt.Errorf("not cleared: %w", lock.Clear(ctx))
			}
			if !yes && !confirm(cmd.InOrStdin(), out, "Clear it? [y/N] ") {
				return errors.New("not cleared (answer y, or pass --yes)")
			}
			if err := lock.Clear(ctx); err != nil {
				return err
			}
			fmt.Fprintf(out, "Cleared the lock of %s.\n", env.Name)
			warnUnfinishedApply(out, ws, env.Name)
			return nil
		},
	}
	addWorkspaceFlag(cmd, &workspaceDir)
	cmd.Flags().StringVarP(&envName, "env", "e", "", "environment from cx.hcl (default: the first one, usually dev)")
	cmd.Flags().BoolVarP(&yes, "yes", "y", false, "clear without asking")
	return cmd
}

// writeLockHolder prints who holds the lock, and whether they still run.
func writeLockHolder(w io.Writer, l *tofu.EnvLock) {
	h := l.Holder
	fmt.Fprintf(w, "Environment %s is locked (%s):\n", l.Env, l.Where)
	if h.User != "" || h.Host != "" {
		fmt.Fprintf(w, "  by       %s on %s\n", h.User, h.Host)
	}
	if h.PID > 0 {
		fmt.Fprintf(w, "  pid      %d\n", h.PID)
	}
	if h.Command != "" {
		fmt.Fprintf(w, "  command  %s\n", h.Command)
	}
	if !h.Since.IsZero() {
		fmt.Fprintf(w, "  since    %s (%s ago)\n", h.Since.Format(time.RFC3339), time.Since(h.Since).Round(time.Second))
	}
	if l.Alive {
		fmt.Fprintln(w, "  status   running")
	} else {
		fmt.Fprintln(w, "  status   gone: it ended without releasing the lock (killed, or its machine lost)")
	}
}

// warnUnfinishedApply says what is left to do: the cleared holder's apply may have stopped
// half way, which the ledger's mark confirms when it was an apply.
func warnUnfinishedApply(w io.Writer, ws *workspace.Workspace, env string) {
	l, err := release.ForEnv(ws, env)
	if err != nil {
		fmt.Fprintf(w, "Run cx apply --env %s to finish whatever the holder left half done.\n", env)
		return
	}
	defer l.Close()
	if s, err := l.Unfinished(); err == nil && s != nil {
		fmt.Fprintf(w, "Also %s: run cx apply --env %s to finish its job.\n", s.Describe(env), env)
		return
	}
	fmt.Fprintf(w, "Run cx plan --env %s to see what the holder left; cx apply --env %s finishes its job.\n", env, env)
}

func confirm(in io.Reader, out io.Writer, question string) bool {
	fmt.Fprint(out, question)
	answer, _ := bufio.NewReader(in).ReadString('\n')
	answer = strings.ToLower(strings.TrimSpace(answer))
	return answer == "y" || answer == "yes"
}
