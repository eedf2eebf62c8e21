package cli

import (
	"encoding/json"
	"fmt"
	"io"

	"github.com/cxascode/cxascode/internal/release"
	"github.com/spf13/cobra"
)

// releaseFlags are the flags release and releases share.
type releaseFlags struct {
	workspaceDir string
	env          string
	json         bool
	markdown     bool
	// single: JSON of one release is an object (cx release), not a list (cx releases).
	single bool
}

func (f *releaseFlags) register(cmd *cobra.Command) {
	addWorkspaceFlag(cmd, &f.workspaceDir)
	cmd.Flags().StringVarP(&f.env, "env", "e", "", "environment from cx.hcl (default: the first one, usually dev)")
	cmd.Flags().BoolVar(&f.json, "json", false, "print JSON on stdout")
	cmd.Flags().BoolVar(&f.markdown, "markdown", false, "print Markdown fit for a pull-request comment")
}

// ledger loads the workspace and the chosen environment's ledger.
func (f *releaseFlags) ledger(cmd *cobra.Command) (*release.Ledger, string, error) {
	ws, _, err := loadWorkspace(f.workspaceDir, cmd.ErrOrStderr())
	if err != nil {
		return nil, "", err
	}
	env, err := pickEnvironment(ws.Config, f.env)
	if err != nil {
		return nil, "", err
	}
	l, err := release.ForEnv(ws, env.Name)
	return l, ws.Root, err
}

func newReleaseCommand() *cobra.Command {
	f := &releaseFlags{single: true}
	cmd := &cobra.Command{
		Use:   "release",
		Short: "Record what the last applies deployed to an environment as a numbered release",
		Long: `Release records the applies to an environment since its last release as release n: the
commit applied, a git tag cx/<env>/<n> on it, and a release note (per project, the objects
added, changed and destroyed, by kind and name). cx apply --release does the same right
after a successful apply.

The ledger of releases is kept with the environment's state (beside the local state files,
or in the PostgreSQL database of a pg state), not in the working tree. An apply that was killed half way leaves its "apply started" mark
and no ledger entry: release then refuses until an apply finishes the job.`,
		Example: `  cx apply --env dev && cx release --env dev
  cx apply --env prod --release
  cx release --env test --markdown   # for a pull-request comment`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			l, root, err := f.ledger(cmd)
			if err != nil {
				return err
			}
			defer l.Close()
			r, err := l.Append(0, release.Tagger(cmd.Context(), root))
			if err != nil {
				return err
			}
			return writeReleases(cmd.OutOrStdout(), f, r)
		},
	}
	f.register(cmd)
	return cmd
}

func newReleasesCommand() *cobra.Command {
	f := &releaseFlags{}
	cmd := &cobra.Command{
		Use:   "releases",
		Short: "List an environment's releases, oldest first",
		Long: `Releases lists the ledger of an environment: each release's number, tag, commit, time, the
release it rolled back to (if any) and its note. It says so when an apply did not finish.`,
		Example: `  cx releases --env prod
  cx releases --env prod --json`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			l, _, err := f.ledger(cmd)
			if err != nil {
				return err
			}
			defer l.Close()
			rs, err := l.Releases()
			if err != nil {
				return err
			}
			if s, err := l.Unfinished(); err != nil {
				return err
			} else if s != nil {
				fmt.Fprintf(cmd.ErrOrStderr(), "warning: %v\n", release.UnfinishedError(l.Env, s))
			}
			if len(rs) == 0 && !f.json {
				none := fmt.Sprintf("%s has no release yet (cx apply --env %s --release records one).", l.Env, l.Env)
				if f.markdown {
					// A pull-request comment says so rather than being empty.
					fmt.Fprintf(cmd.OutOrStdout(), "### Releases of %s\n\n%s\n", l.Env, none)
					return nil
				}
				fmt.Fprintln(cmd.ErrOrStderr(), none)
				return nil
			}
			list := make([]*release.Release, len(rs))
			for i := range rs {
				list[i] = &rs[i]
			}
			return writeReleases(cmd.OutOrStdout(), f, list...)
		},
	}
	f.register(cmd)
	return cmd
}

// writeReleases prints releases as JSON (a list for releases, one object for release),
// Markdown or text.
func writeReleases(w io.Writer, f *releaseFlags, rs ...*release.Release) error {
	switch {
	case f.json:
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		if len(rs) == 1 && f.single {
			return enc.Encode(rs[0])
		}
		if rs == nil {
			rs = []*release.Release{}
		}
		return enc.Encode(rs)
	case f.markdown:
		for _, r := range rs {
			r.WriteMarkdown(w)
		}
	default:
		for _, r := range rs {
			r.WriteText(w)
		}
	}
	return nil
}
