package cli

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/cxascode/cxascode/internal/orgserver"
	"github.com/cxascode/cxascode/internal/release"
	"github.com/google/go-cmp/cmp"
)

// buildCandidateProvider builds this module's provider with the cxupgradecandidate tag, whose
// only difference is the routing queue's skill_evaluation_method default (BEST, not ALL),
// under a name other than the plugin's, as a downloaded build would be.
func buildCandidateProvider(t *testing.T) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "candidate-provider")
	build := exec.Command("go", "build", "-tags", "cxupgradecandidate", "-o", path, "github.com/cxascode/cxascode/cmd/terraform-provider-genesyscloud")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("build the candidate provider: %v\n%s", err, out)
	}
	return path
}

// TestAccUpgradeCheck is the third acceptance: with a provider build whose default
// for one attribute differs, upgrade-check shows exactly that attribute's change in each
// affected project (and nothing in the project that sets it); with the same provider it
// reports no changes, in every environment.
func TestAccUpgradeCheck(t *testing.T) {
	root := t.TempDir()
	ts := orgserver.NewTestServer(t)
	cx := newAccCX(t, root, ts)
	candidate := buildCandidateProvider(t)
	writeTestFile(t, filepath.Join(root, "cx.hcl"), "workspace {\n  name = \"upgrades\"\n}\n\n"+
		"environment \"dev\" {\n  org = \"local:dev\"\n}\n\nenvironment \"test\" {\n  org = \"local:test\"\n}\n")
	writeTestFile(t, filepath.Join(root, "queues-billing", "main.tf"), providerHead+`
resource "genesyscloud_routing_queue" "billing" {
  name = "Cx Upgrade Billing"
}
`)
	writeTestFile(t, filepath.Join(root, "shared-skills", "main.tf"), sharedSkills)
	// Depends on shared-skills by name: in an environment not yet applied it cannot be
	// planned until shared-skills is applied.
	writeTestFile(t, filepath.Join(root, "queues-sales", "main.tf"), providerHead+`
data "genesyscloud_routing_skill" "general" {
  name = "Cx Init Skill"
}

resource "genesyscloud_routing_queue" "sales" {
  name        = "Cx Upgrade Sales"
  description = data.genesyscloud_routing_skill.general.id
}
`)
	// Sets the attribute, so no default applies: the upgrade changes nothing here.
	writeTestFile(t, filepath.Join(root, "queues-vip", "main.tf"), providerHead+`
resource "genesyscloud_routing_queue" "vip" {
  name                    = "Cx Upgrade VIP"
  skill_evaluation_method = "ALL"
}
`)
	if _, _, code := cx.run("apply", "--env", "dev"); code != 0 {
		t.Fatalf("apply dev: exit %d", code)
	}

	out, _, code := cx.run("upgrade-check", "--env", "dev", "--provider", candidate, "--json")
	var report release.UpgradeReport
	if code != 2 || json.Unmarshal([]byte(out), &report) != nil || len(report.Envs) != 1 {
		t.Fatalf("upgrade-check with the candidate: exit %d, want 2\n%s", code, out)
	}
	want := map[string][]release.ResourceDiff{
		"queues-billing": {queueDefaultDiff("billing")},
		"queues-sales":   {queueDefaultDiff("sales")},
		"queues-vip":     nil,
		"shared-skills":  nil,
	}
	got := map[string][]release.ResourceDiff{}
	for _, p := range report.Envs[0].Projects {
		if p.Error != "" {
			t.Errorf("project %s not compared: %s", p.Project, p.Error)
		}
		got[p.Project] = p.Resources
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("upgrade-check's differences per project (-want +got):\n%s", diff)
	}

	out, _, code = cx.run("upgrade-check", "--env", "dev", "--provider", candidate, "--markdown")
	if code != 2 || !strings.Contains(out, "| queues-sales | `genesyscloud_routing_queue.sales` | no-op → update | `skill_evaluation_method` | `\"ALL\"` | `\"BEST\"` |") {
		t.Errorf("upgrade-check --markdown: exit %d\n%s", code, out)
	}

	current := filepath.Join(os.Getenv("CX_PROVIDER_DIR"), "terraform-provider-genesyscloud")
	out, _, code = cx.run("upgrade-check", "--env", "dev", "--provider", current)
	if code != 0 || strings.Count(out, ": no differences") != 4 {
		t.Errorf("upgrade-check with the same provider: exit %d, want 0 and no differences in 4 projects\n%s", code, out)
	}

	// test is not applied: queues-sales waits for shared-skills' skill, so it cannot be
	// planned and is not compared (exit 1); the projects that can be planned are.
	out, _, code = cx.run("upgrade-check", "--all-envs", "--provider", current)
	if code != 1 || strings.Count(out, ": no differences") != 7 ||
		!strings.Contains(out, "queues-sales: not compared: deferred: its dependencies have unapplied changes") {
		t.Errorf("upgrade-check --all-envs with the same provider: exit %d, want 1 with test's queues-sales not compared\n%s", code, out)
	}
}

// queueDefaultDiff is the one change the candidate provider plans for a queue that leaves
// skill_evaluation_method to its default.
func queueDefaultDiff(name string) release.ResourceDiff {
	return release.ResourceDiff{Address: "genesyscloud_routing_queue." + name, Kind: "genesyscloud_routing_queue",
		CurrentActions: []string{"no-op"}, CandidateActions: []string{"update"},
		Attributes: []release.AttributeChange{{Path: "skill_evaluation_method", Current: "ALL", Candidate: "BEST"}}}
}
