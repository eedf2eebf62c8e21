package cli

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"github.com/cxascode/cxascode/internal/orgserver"
)

// TestAccCheckPolicyOnPlans: cx plan --save-plans writes the plans OpenTofu makes against the
// local org, and cx check --plans gives them to a Rego policy, which fires on the plan of a
// queue without wrap-up codes and not on one with them.
func TestAccCheckPolicyOnPlans(t *testing.T) {
	for _, tc := range []struct {
		name, codes string
		want        int
	}{
		{"violates", "", 1},
		{"complies", "wrapup_codes = [genesyscloud_routing_wrapupcode.resolved.id]", 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			root := t.TempDir()
			cx := newAccCX(t, root, orgserver.NewTestServer(t))
			writeTestFile(t, filepath.Join(root, "cx.hcl"), "workspace {\n  name = \"policies\"\n}\n\n"+
				"environment \"dev\" {\n  org = \"local:dev\"\n}\n\ncheck {\n  policies = [\"policy/\"]\n}\n")
			// The check package's "no queue without a wrap-up code", which reads plans too.
			writeTestFile(t, filepath.Join(root, "policy", "queue_wrapup.rego"),
				readTestFile(t, filepath.Join("..", "check", "testdata", "policies", "queue_wrapup.rego")))
			writeTestFile(t, filepath.Join(root, "shared-queues", "main.tf"), providerHead+`
resource "genesyscloud_routing_wrapupcode" "resolved" {
  name        = "Cx Policy Resolved"
  description = "The caller's question was answered"
}

resource "genesyscloud_routing_queue" "claims" {
  name        = "Cx Policy Claims"
  description = "Insurance claims"
  `+tc.codes+`
}
`)
			if _, stderr, code := cx.run("plan", "--env", "dev", "--save-plans", "plans"); code != 2 {
				t.Fatalf("plan: exit %d, want 2 (changes)\n%s", code, stderr)
			}
			out, _, _ := cx.run("check", "--plans", "plans", "--json")
			var report struct {
				Findings []struct {
					Check, Rule, Message string
					Pos                  struct{ File string }
				}
			}
			must(t, json.Unmarshal([]byte(out), &report))
			var got []string
			for _, f := range report.Findings {
				if f.Check == "policy" && strings.Contains(f.Message, "the plan of") { // its rule over plans
					got = append(got, f.Rule+" at "+f.Pos.File+": "+f.Message)
				}
			}
			if len(got) != tc.want || tc.want == 1 && !strings.Contains(got[0], "queue_wrapup at shared-queues/main.tf") {
				t.Errorf("policy findings %q, want %d on shared-queues/main.tf\n%s\nplan: %.3000s", got, tc.want, out,
					readTestFile(t, filepath.Join(root, "plans", "shared-queues.json")))
			}
		})
	}
}
