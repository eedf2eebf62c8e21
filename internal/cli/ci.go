package cli

import (
	"fmt"
	"os"
	"path/filepath"

	"github.com/cxascode/cxascode/internal/ci"
	"github.com/spf13/cobra"
)

// ciFlags are the flags cx ci's generators share.
type ciFlags struct {
	workspaceDir string
	out          string
	cxVersion    string
}

func newCICommand() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "ci",
		Short: "Write CI pipelines for the workspace: pull-request plans, deploys in promotion order, nightly drift",
		Long: `ci writes the workspace's pipelines for a CI system from cx.hcl and the project graph:

  pull request   cx plan --affected-since the target branch, for every environment; the
                 summaries go into one comment that later pushes edit in place
  merge to main  each environment in promotion order behind a gate (the CI system's
                 environment, where approvals are configured), one apply job per project
                 with needs: edges from the graph, then cx test and a recorded release
  nightly        cx drift on every environment; the report is kept as an artifact and the
                 job fails when drift is found

Org credentials are read from the CI system's secret store under the names cx.hcl's
credentials_env gives; no secret is written into the files.

Each file's generated part sits between two marker lines:

  ` + ci.BeginMarker + `
  ` + ci.EndMarker + `

Regenerating replaces only what lies between them and keeps the rest byte for byte, so
comments and keys above the first marker and jobs of your own below the second survive (in
a GitHub workflow the generated part ends inside jobs:, so a job indented by two spaces
below the end marker joins it). A file without the markers is never overwritten. The same
workspace always yields the same bytes.

Shared state (pg, s3) and Terraform Cloud backends are configured in cx.hcl, not here; with
local state or local-org environments cx ci warns, since every CI job runs on a fresh runner.`,
	}
	cmd.AddCommand(newCIGeneratorCommand("github", "Write GitHub Actions workflows under .github/workflows",
		"  cx ci github                 # into the repository holding the workspace\n  cx ci github --out ../repo", ci.GitHub))
	cmd.AddCommand(newCIGeneratorCommand("gitlab", "Write .gitlab-ci.yml",
		"  cx ci gitlab\n  cx ci gitlab --cx-version v0.4.0", ci.GitLab))
	return cmd
}

func newCIGeneratorCommand(name, short, example string, generate func(*ci.Pipeline) []ci.File) *cobra.Command {
	f := &ciFlags{}
	cmd := &cobra.Command{
		Use:     name,
		Short:   short,
		Example: example,
		Args:    cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			ws, g, err := loadWorkspace(f.workspaceDir, cmd.ErrOrStderr())
			if err != nil {
				return err
			}
			out := f.out
			if out == "" {
				out = repositoryRoot(ws.Root)
			}
			rel, err := workingDirectory(out, ws.Root)
			if err != nil {
				return err
			}
			p, err := ci.New(ws, g, ci.Options{WorkingDirectory: rel, CXVersion: f.cxVersion})
			if err != nil {
				return err
			}
			for _, w := range p.Warnings {
				fmt.Fprintf(cmd.ErrOrStderr(), "warning: %s\n", w)
			}
			changed, err := ci.Write(out, generate(p))
			if err != nil {
				return err
			}
			if len(changed) == 0 {
				fmt.Fprintln(cmd.OutOrStdout(), "Pipelines are up to date.")
			}
			for _, c := range changed {
				fmt.Fprintf(cmd.OutOrStdout(), "wrote %s\n", filepath.Join(out, filepath.FromSlash(c)))
			}
			return nil
		},
	}
	addWorkspaceFlag(cmd, &f.workspaceDir)
	cmd.Flags().StringVar(&f.out, "out", "", "directory to write into, the repository root (default: the git repository holding the workspace, else the workspace)")
	cmd.Flags().StringVar(&f.cxVersion, "cx-version", ci.DefaultCXVersion, "module version of cx the pipelines install")
	return cmd
}

// repositoryRoot is the nearest directory from dir up that holds .git, where CI systems look
// for their files; dir itself when there is none.
func repositoryRoot(dir string) string {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return dir
	}
	for d := abs; ; d = filepath.Dir(d) {
		if _, err := os.Stat(filepath.Join(d, ".git")); err == nil {
			return d
		}
		if filepath.Dir(d) == d {
			return dir
		}
	}
}

// workingDirectory is the workspace root relative to the output directory, slash separated.
func workingDirectory(out, root string) (string, error) {
	absOut, err := filepath.Abs(out)
	if err != nil {
		return "", fmt.Errorf("--out %s: %w", out, err)
	}
	absRoot, err := filepath.Abs(root)
	if err != nil {
		return "", fmt.Errorf("workspace %s: %w", root, err)
	}
	rel, err := filepath.Rel(absOut, absRoot)
	if err != nil {
		return "", fmt.Errorf("the workspace %s is not reachable from --out %s: %w", root, out, err)
	}
	return filepath.ToSlash(rel), nil
}
