package check

import (
	"path/filepath"
	"testing"
)

// Each test workspace under testdata/ triggers one rule of one check exactly once, and
// nothing else: the finding's id and file:line are the whole report.
func TestCheckEachRuleFiresOnce(t *testing.T) {
	for _, tc := range []struct {
		workspace, id, where string
	}{
		{"monolith", "monolith/several-flows", "contact-center/flows.tf:5"},
		{"monolith-size", "monolith/too-large", "everything/main.tf:10"},
		{"monolith-mixed", "monolith/shared-in-flow-project", "flow-billing/main.tf:7"},
		{"reach-in", "reach-in/remote-state", "flow-claims/main.tf:2"},
		{"reach-in-write", "reach-in/writes-other-project", "permissions/roles.tf:6"},
		{"reach-in-by-id", "reach-in/by-id", "shared-queues/queues.tf:3"},
		{"over-shared", "over-shared/single-user", "shared-queues/queues.tf:3"},
		{"hard-coded", "hard-coded/phone-number", "shared-queues/queues.tf:4"},
		{"hard-coded-guid", "hard-coded/guid", "shared-queues/queues.tf:2"},
		{"hard-coded-flow", "hard-coded/email", "flow-claims/flows/claims.yaml:11"},
		{"hygiene", "hygiene/ignore-changes", "shared-skills/skills.tf:5"},
		{"hygiene-unpinned", "hygiene/unpinned-provider", "shared-skills/provider.tf:7"},
		{"hygiene-ungated", "hygiene/protected-without-ci", "cx.hcl:5"},
		{"hygiene-untested", "hygiene/flow-without-test", "flow-claims/main.tf:2"},
		{"hygiene-undescribed", "hygiene/no-description", "shared-wrapupcodes/main.tf:11"},
		{"hygiene-one-state", "hygiene/one-state-backend", "shared-skills/backend.tf:6"},
	} {
		t.Run(tc.workspace, func(t *testing.T) {
			t.Parallel()
			report, err := Run(filepath.Join("testdata", tc.workspace))
			if err != nil {
				t.Fatal(err)
			}
			if len(report.Findings) != 1 {
				t.Fatalf("%d findings, want exactly one %s:\n%v", len(report.Findings), tc.id, report.Findings)
			}
			f := report.Findings[0]
			if f.ID() != tc.id || f.Where() != tc.where {
				t.Errorf("found %s at %s, want %s at %s: %s", f.ID(), f.Where(), tc.id, tc.where, f.Message)
			}
			if f.Message == "" {
				t.Error("a finding without a message says nothing to do")
			}
		})
	}
}

func TestCheckRecognisesCIDeploys(t *testing.T) {
	for pipeline, want := range map[string]bool{
		"      - run: cx apply --env prod-eu --release\n":   true,
		"      - run: cx apply --env 'prod-eu' flow-a\n":    true,
		"      - run: cx apply --env=prod-eu\n":             true,
		"      - run: cx plan --env prod-eu > plan.txt\n":   false, // a plan deploys nothing
		"      - run: cx apply --env prod-eu-2 --release\n": false,
	} {
		if got := deploysEnvironment([]string{pipeline}, "prod-eu"); got != want {
			t.Errorf("%q deploys prod-eu: %v, want %v", pipeline, got, want)
		}
	}
}
