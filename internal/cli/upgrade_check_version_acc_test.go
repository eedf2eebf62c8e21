package cli

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/cxascode/cxascode/internal/orgserver"
	"github.com/cxascode/cxascode/internal/release"
	"github.com/cxascode/cxascode/internal/target"
	"github.com/google/go-cmp/cmp"
)

// providerMirror lays a provider binary out as release version in an OpenTofu filesystem
// mirror (the unpacked layout: HOSTNAME/NAMESPACE/TYPE/VERSION/OS_ARCH/) and returns a CLI
// configuration file that installs genesyscloud from that mirror only: no registry, no
// network.
func providerMirror(t *testing.T, binary, version string) (mirror, cliConfig string) {
	t.Helper()
	mirror = filepath.Join(t.TempDir(), "mirror")
	dir := filepath.Join(mirror, filepath.FromSlash(target.DefaultProviderSource), version, runtime.GOOS+"_"+runtime.GOARCH)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(binary)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "terraform-provider-genesyscloud_v"+version), b, 0o755); err != nil {
		t.Fatal(err)
	}
	cliConfig = filepath.Join(t.TempDir(), "user.tofurc")
	writeTestFile(t, cliConfig, fmt.Sprintf("provider_installation {\n  filesystem_mirror {\n    path    = %q\n    include = [%q]\n  }\n}\n",
		mirror, target.DefaultProviderSource))
	return mirror, cliConfig
}

// TestAccUpgradeCheckProviderVersion: a candidate named by its release, installed by
// OpenTofu from the user's filesystem mirror (TF_CLI_CONFIG_FILE), reports exactly what the
// same build given with --provider PATH reports; a release no mirror holds is a clear error
// naming the version and where it was looked for; the workspace gets no lock file.
func TestAccUpgradeCheckProviderVersion(t *testing.T) {
	root := t.TempDir()
	ts := orgserver.NewTestServer(t)
	cx := newAccCX(t, root, ts)
	candidate := buildCandidateProvider(t)
	mirror, cliConfig := providerMirror(t, candidate, "9.9.9")
	t.Setenv("TF_CLI_CONFIG_FILE", cliConfig)
	writeTestFile(t, filepath.Join(root, "cx.hcl"), "workspace {\n  name = \"upgrades\"\n}\n\nenvironment \"dev\" {\n  org = \"local:dev\"\n}\n")
	writeTestFile(t, filepath.Join(root, "queues-billing", "main.tf"), providerHead+`
resource "genesyscloud_routing_queue" "billing" {
  name = "Cx Upgrade Version Billing"
}
`)
	if _, _, code := cx.run("apply", "--env", "dev"); code != 0 {
		t.Fatalf("apply dev: exit %d", code)
	}

	reports := map[string]release.UpgradeReport{}
	for _, flags := range [][]string{{"--provider", candidate}, {"--provider-version", "9.9.9"}} {
		out, _, code := cx.run(append([]string{"upgrade-check", "--env", "dev", "--json"}, flags...)...)
		var report release.UpgradeReport
		if code != 2 || json.Unmarshal([]byte(out), &report) != nil {
			t.Fatalf("upgrade-check %s: exit %d, want 2\n%s", flags[0], code, out)
		}
		reports[flags[0]] = report
	}
	want := []release.EnvUpgrade{{Env: "dev", Projects: []release.ProjectUpgrade{
		{Project: "queues-billing", Resources: []release.ResourceDiff{queueDefaultDiff("billing")}}}}}
	if diff := cmp.Diff(want, reports["--provider-version"].Envs); diff != "" {
		t.Errorf("upgrade-check --provider-version 9.9.9 (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(reports["--provider"].Envs, reports["--provider-version"].Envs); diff != "" {
		t.Errorf("--provider-version and --provider report differently (-provider +provider-version):\n%s", diff)
	}
	if got := reports["--provider-version"].Candidate; got != target.DefaultProviderSource+" 9.9.9" {
		t.Errorf("the report names the candidate %q", got)
	}

	_, errOut, code := cx.run("upgrade-check", "--env", "dev", "--provider-version", "9.9.8")
	if code != 1 || !strings.Contains(errOut, "--provider-version 9.9.8") || !strings.Contains(errOut, "filesystem mirror "+mirror) ||
		!strings.Contains(errOut, cliConfig) {
		t.Errorf("upgrade-check with a release no mirror holds: exit %d, want 1 naming the version, the mirror and the CLI configuration\n%s", code, errOut)
	}
	if _, err := os.Stat(filepath.Join(root, "queues-billing", ".terraform.lock.hcl")); err == nil {
		t.Error("installing the candidate wrote the project's lock file")
	}
}
