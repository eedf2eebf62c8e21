package cli

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"github.com/cxascode/cxascode/internal/release"
	"github.com/cxascode/cxascode/internal/runner"
	"github.com/cxascode/cxascode/internal/target"
	"github.com/cxascode/cxascode/internal/workspace"
	"github.com/spf13/cobra"
)

type upgradeCheckFlags struct {
	workspaceDir    string
	env             string
	allEnvs         bool
	provider        string
	providerVersion string
	providerSource  string
	parallel        int
	json            bool
	markdown        bool
}

func newUpgradeCheckCommand() *cobra.Command {
	f := &upgradeCheckFlags{}
	cmd := &cobra.Command{
		Use:   "upgrade-check --provider PATH | --provider-version VERSION",
		Short: "Show the changes a provider upgrade would plan, per project, before rolling it out",
		Long: `Upgrade-check plans every project of an environment (or of every environment) twice, against
the same state and org: with the provider the environment uses now and with a candidate
provider build. It never applies. It reports, per project, each resource whose planned
change differs and the attributes that would change, current → candidate (sensitive values
masked): the diff moving to the candidate would cause.

--provider names the candidate: a provider binary, or a directory holding
terraform-provider-genesyscloud. --provider-version names a released version instead:
OpenTofu installs it as it installs any provider, through your CLI configuration
(TF_CLI_CONFIG_FILE or ~/.tofurc: filesystem_mirror, network_mirror, or the registry),
into a throwaway directory; your projects' .terraform and lock files are not touched.
--provider-source says which address to install (default ` + target.DefaultProviderSource + `).

Exit codes follow plan's: 0 no differences, 2 differences, 1 a project could not be planned
with one of the providers (its plans are not compared).`,
		Example: `  cx upgrade-check --env dev --provider ./terraform-provider-genesyscloud
  cx upgrade-check --all-envs --provider ./candidate/ --markdown   # for a pull-request comment
  cx upgrade-check --env prod --provider-version 1.62.0 --json`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error { return runUpgradeCheck(cmd, f) },
	}
	fl := cmd.Flags()
	addWorkspaceFlag(cmd, &f.workspaceDir)
	fl.StringVarP(&f.env, "env", "e", "", "environment from cx.hcl (default: the first one, usually dev)")
	fl.BoolVar(&f.allEnvs, "all-envs", false, "check every environment of cx.hcl")
	fl.StringVar(&f.provider, "provider", "", "the candidate provider: a binary or a directory holding "+target.ProviderBinary)
	fl.StringVar(&f.providerVersion, "provider-version", "", "the candidate provider's release, installed through your OpenTofu CLI configuration")
	fl.StringVar(&f.providerSource, "provider-source", target.DefaultProviderSource, "with --provider-version: the provider's address in your mirrors or registry")
	fl.IntVarP(&f.parallel, "parallel", "p", runner.DefaultParallel, "projects planned at once")
	fl.BoolVar(&f.json, "json", false, "print JSON on stdout")
	fl.BoolVar(&f.markdown, "markdown", false, "print Markdown fit for a pull-request comment")
	cmd.MarkFlagsMutuallyExclusive("env", "all-envs")
	cmd.MarkFlagsMutuallyExclusive("provider", "provider-version")
	return cmd
}

func runUpgradeCheck(cmd *cobra.Command, f *upgradeCheckFlags) error {
	ctx := cmd.Context()
	stdout, stderr := cmd.OutOrStdout(), cmd.ErrOrStderr()
	if f.provider == "" && f.providerVersion == "" {
		return errors.New("name the candidate provider with --provider PATH (a binary or a directory holding " +
			target.ProviderBinary + ") or --provider-version VERSION (a release your OpenTofu can install)")
	}
	ws, g, err := loadWorkspace(f.workspaceDir, stderr)
	if err != nil {
		return err
	}
	envs, err := upgradeCheckEnvs(ws.Config, f)
	if err != nil {
		return err
	}
	candidateDir, candidate, cleanup, err := upgradeCandidate(cmd, ws.Root, f)
	if err != nil {
		return err
	}
	defer cleanup()
	report := release.UpgradeReport{Candidate: candidate}
	for _, env := range envs {
		tg, err := target.Resolve(ctx, target.Options{Root: ws.Root, Env: env, Progress: stderr})
		if err != nil {
			return err
		}
		res, err := release.UpgradeCheck(ctx, release.UpgradeOptions{Workspace: ws, Graph: g, Env: env.Name,
			Tofu: tg.Tofu, CurrentDir: tg.ProviderDir, CandidateDir: candidateDir, OrgEnv: tg.OrgEnv,
			Parallel: f.parallel, Progress: stderr})
		if err != nil {
			return err
		}
		report.Envs = append(report.Envs, *res)
	}
	switch {
	case f.json:
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		if err := enc.Encode(report); err != nil {
			return err
		}
	case f.markdown:
		report.WriteMarkdown(stdout)
	default:
		report.WriteText(stdout)
	}
	if code := report.ExitCode(); code != 0 {
		return &exitError{code: code}
	}
	return nil
}

// upgradeCheckEnvs are the environments to check: all of them, or the one picked.
func upgradeCheckEnvs(c *workspace.Config, f *upgradeCheckFlags) ([]workspace.Environment, error) {
	if f.allEnvs {
		if len(c.Environments) == 0 {
			return nil, errors.New("cx.hcl declares no environment")
		}
		return c.Environments, nil
	}
	env, err := pickEnvironment(c, f.env)
	if err != nil {
		return nil, err
	}
	return []workspace.Environment{env}, nil
}

// upgradeCandidate is the candidate provider's dev_overrides directory and its name for the
// report: the binary given with --provider, or the release --provider-version names,
// installed by OpenTofu into a throwaway directory (removed by cleanup).
func upgradeCandidate(cmd *cobra.Command, root string, f *upgradeCheckFlags) (dir, name string, cleanup func(), err error) {
	if f.provider != "" {
		dir, cleanup, err = candidateProviderDir(f.provider)
		return dir, f.provider, cleanup, err
	}
	tofuBin, err := target.FindTofu(root)
	if err != nil {
		return "", "", nil, err
	}
	name = f.providerSource + " " + f.providerVersion
	fmt.Fprintf(cmd.ErrOrStderr(), "Installing the candidate provider %s\n", name)
	dir, cleanup, err = target.InstallProviderRelease(cmd.Context(), tofuBin, f.providerSource, f.providerVersion)
	if err != nil {
		return "", "", nil, fmt.Errorf("--provider-version %s: %w", f.providerVersion, err)
	}
	return dir, name, cleanup, nil
}

// candidateProviderDir is a directory OpenTofu's dev_overrides can point at for the
// candidate provider: the one given, the binary's own directory when it has the plugin's
// name, else a temporary directory with a link of that name to it (removed by cleanup).
func candidateProviderDir(path string) (dir string, cleanup func(), err error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return "", nil, fmt.Errorf("--provider %s: %w", path, err)
	}
	st, err := os.Stat(abs)
	if err != nil {
		return "", nil, fmt.Errorf("--provider %s: %w", path, err)
	}
	if st.IsDir() {
		if _, err := os.Stat(filepath.Join(abs, target.ProviderBinary)); err != nil {
			return "", nil, fmt.Errorf("--provider %s: the directory holds no %s", path, target.ProviderBinary)
		}
		return abs, func() {}, nil
	}
	if filepath.Base(abs) == target.ProviderBinary {
		return filepath.Dir(abs), func() {}, nil
	}
	tmp, err := os.MkdirTemp("", "cx-upgrade-check-")
	if err != nil {
		return "", nil, fmt.Errorf("a directory for the candidate provider: %w", err)
	}
	cleanup = func() { os.RemoveAll(tmp) }
	if err := os.Symlink(abs, filepath.Join(tmp, target.ProviderBinary)); err != nil {
		cleanup()
		return "", nil, fmt.Errorf("link the candidate provider %s: %w", path, err)
	}
	return tmp, cleanup, nil
}
