package cli

import (
	"fmt"

	"github.com/cxascode/cxascode/internal/envdiff"
	"github.com/cxascode/cxascode/internal/target"
	"github.com/spf13/cobra"
)

type diffFlags struct {
	workspaceDir, format string
	envs                 []string
	json                 bool
}

func newDiffCommand() *cobra.Command {
	f := &diffFlags{}
	cmd := &cobra.Command{
		Use:   "diff --env A --env B",
		Short: "Compare two environments' orgs object by object",
		Long: `Diff lists two environments' orgs as cx export does and compares them object by object:
objects are paired by kind and name (ids differ from org to org), references compare by the
name of the object they point at, what every org fills in its own way (ids, versions, who and
when) is left out, and flows compare by their published Archy YAML in canonical form, so that
formatting and export noise do not count.

It prints what only one org holds and, for each object both hold differently, the attributes
that differ with both values, as Markdown (for a pull request or an issue) or JSON. The exit
status is 2 when the orgs differ, 0 when they do not.`,
		Example: `  cx diff --env test --env prod
  cx diff --env dev --env test --format json > dev-vs-test.json`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error { return runDiff(cmd, f) },
	}
	fl := cmd.Flags()
	addWorkspaceFlag(cmd, &f.workspaceDir)
	fl.StringArrayVarP(&f.envs, "env", "e", nil, "an environment from cx.hcl; give two")
	fl.StringVar(&f.format, "format", envdiff.FormatMarkdown, "output: markdown or json")
	fl.BoolVar(&f.json, "json", false, "same as --format json")
	return cmd
}

func runDiff(cmd *cobra.Command, f *diffFlags) error {
	ctx := cmd.Context()
	stdout, stderr := cmd.OutOrStdout(), cmd.ErrOrStderr()
	if len(f.envs) != 2 || f.envs[0] == f.envs[1] {
		return fmt.Errorf("cx diff compares two environments: give --env A --env B (got %d distinct)", len(unique(f.envs)))
	}
	format := f.format
	if f.json {
		format = envdiff.FormatJSON
	}
	if format != envdiff.FormatMarkdown && format != "md" && format != envdiff.FormatJSON {
		return fmt.Errorf("--format %s: use markdown or json", format)
	}
	ws, _, err := loadWorkspace(f.workspaceDir, stderr)
	if err != nil {
		return err
	}
	var sides []envdiff.Side
	for _, name := range f.envs {
		env, err := pickEnvironment(ws.Config, name)
		if err != nil {
			return err
		}
		tg, err := target.Resolve(ctx, target.Options{Root: ws.Root, Env: env, Progress: stderr, ClientUserAgent: "cx-diff"})
		if err != nil {
			return err
		}
		sides = append(sides, envdiff.Side{Name: env.Name, Client: tg.Client})
	}
	rep, err := envdiff.Compare(ctx, envdiff.Options{A: sides[0], B: sides[1], Progress: stderr})
	if err != nil {
		return err
	}
	if err := rep.Write(stdout, format); err != nil {
		return err
	}
	if rep.Differs() {
		return &exitError{code: 2}
	}
	return nil
}

func unique(ss []string) []string {
	seen := map[string]bool{}
	var out []string
	for _, s := range ss {
		if !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	return out
}
