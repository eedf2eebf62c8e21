package check

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// queuesWorkspace writes a workspace with one project of queues and the policy; codes is
// the claims queue's wrapup_codes line ("" for none).
func queuesWorkspace(t *testing.T, check, codes string) string {
	t.Helper()
	root := t.TempDir()
	writeFile(t, filepath.Join(root, "cx.hcl"), "workspace {\n  name = \"policies\"\n}\n\n"+check)
	policy, err := os.ReadFile(filepath.Join("testdata", "policies", "queue_wrapup.rego"))
	if err != nil {
		t.Fatal(err)
	}
	writeFile(t, filepath.Join(root, "policy", "queue_wrapup.rego"), string(policy))
	writeFile(t, filepath.Join(root, "shared-queues", "queues.tf"), `data "genesyscloud_routing_wrapupcode" "resolved" {
  name = "Resolved"
}

resource "genesyscloud_routing_queue" "billing" {
  name         = "Billing"
  description  = "Billing questions"
  wrapup_codes = [data.genesyscloud_routing_wrapupcode.resolved.id]
}

resource "genesyscloud_routing_queue" "claims" {
  name        = "Claims"
  description = "Insurance claims"
  `+codes+`
}
`)
	return root
}

// planJSON is a plan as tofu show -json writes it, creating the claims queue with codes.
func planJSON(codes string) string {
	return `{"format_version": "1.2", "resource_changes": [
  {"address": "genesyscloud_routing_queue.claims", "type": "genesyscloud_routing_queue", "name": "claims",
   "change": {"actions": ["create"], "after": {"name": "Claims", "wrapup_codes": ` + codes + `}, "after_unknown": {"id": true}}},
  {"address": "genesyscloud_routing_queue.billing", "type": "genesyscloud_routing_queue", "name": "billing",
   "change": {"actions": ["no-op"], "after": {"name": "Billing"}, "after_unknown": {}}}
]}`
}

func TestPolicyNoQueueWithoutWrapupCode(t *testing.T) {
	withCodes := "wrapup_codes = [data.genesyscloud_routing_wrapupcode.resolved.id]"
	policies := "check {\n  policies = [\"policy/\"]\n}\n"
	withPlans := "check {\n  policies = [\"policy/\"]\n  plans    = \"plans\"\n}\n"
	for _, tc := range []struct {
		name, check, codes, plan string
		want                     []string // file:line of each finding
	}{
		{name: "configuration violates", check: policies, want: []string{"shared-queues/queues.tf:11"}},
		{name: "configuration complies", check: policies, codes: withCodes},
		{name: "plan violates", check: withPlans, codes: withCodes, plan: planJSON("[]"), want: []string{"shared-queues/queues.tf:11"}},
		{name: "plan complies", check: withPlans, codes: withCodes, plan: planJSON(`["5f1f4c1e-0000-4000-8000-000000000001"]`)},
		{name: "no policies configured", check: "", codes: ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			root := queuesWorkspace(t, tc.check, tc.codes)
			if tc.plan != "" {
				writeFile(t, filepath.Join(root, "plans", "shared-queues.json"), tc.plan)
			}
			report, err := Run(root)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, f := range report.Findings {
				if f.ID() != "policy/queue_wrapup" || f.Severity != Error || f.Project != "shared-queues" || !strings.Contains(f.Message, "claims") {
					t.Errorf("unexpected finding %s %s at %s: %s", f.ID(), f.Severity, f.Where(), f.Message)
					continue
				}
				got = append(got, f.Where())
			}
			if strings.Join(got, " ") != strings.Join(tc.want, " ") {
				t.Errorf("policy findings at %v, want %v", got, tc.want)
			}
		})
	}
}

// A policy that does not parse stops the check with the file and line to fix.
func TestPolicySyntaxErrorNamesFileLine(t *testing.T) {
	root := queuesWorkspace(t, "check {\n  policies = [\"policy/\"]\n}\n", "")
	writeFile(t, filepath.Join(root, "policy", "broken.rego"), "package cx.broken\n\ndeny contains msg if {\n  msg := \n}\n")
	_, err := Run(root)
	if err == nil || !strings.Contains(err.Error(), "policy/broken.rego:5") {
		t.Fatalf("a syntax error in a policy: %v, want an error naming policy/broken.rego:5", err)
	}
	t.Log(err)
}

// A warn rule's string message is a warning placed at the rule, with the severity map and
// suppressions applying to its id like a built-in rule's.
func TestPolicyWarnAtRule(t *testing.T) {
	root := queuesWorkspace(t, "check {\n  policies = [\"rules\"]\n}\n", "wrapup_codes = []")
	writeFile(t, filepath.Join(root, "rules", "naming", "prefix.rego"), `package cx.naming

warn contains sprintf("queue %q: start queue names with the line's name", [r.attributes.name]) if {
	some r in input.resources
	r.type == "genesyscloud_routing_queue"
	r.attributes.name == "Claims"
}
`)
	report, err := Run(root)
	if err != nil {
		t.Fatal(err)
	}
	if len(report.Findings) != 1 {
		t.Fatalf("findings %v, want one warning", report.Findings)
	}
	f := report.Findings[0]
	if f.ID() != "policy/naming/prefix" || f.Severity != Warning || f.Where() != "rules/naming/prefix.rego:3" {
		t.Errorf("found %s %s at %s, want policy/naming/prefix warning at rules/naming/prefix.rego:3", f.ID(), f.Severity, f.Where())
	}
}
