package test

import (
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/zclconf/go-cty/cty"
)

const goodFile = `# Billing line
call "choice 2 goes to disputes" {
  dial      = var.ivr_dnis[0]
  ani       = "+13175550123"
  at        = "2026-03-10T10:00:00"
  time_zone = "America/New_York"
  dtmf      = ["2"]
  decisions = { "Find the open ticket" = "failure" }

  expect {
    schedule          = "open"
    menus             = ["Billing Menu"]
    prompts           = ["billing specialist"]
    decisions         = { "VIP caller" = "no" }
    transfer_to_queue = "Billing Disputes"
  }
}

call "closed at night" {
  dial = "+13175551001"
  at   = "2026-03-10T22:00:00-05:00"
  expect {
    disconnect = true
  }
}

object "payments queue" {
  type = "genesyscloud_routing_queue"
  name = "Billing Payments"
  api  = { skillEvaluationMethod = "BEST", "acwSettings.timeoutMs" = 30000 }
  count "/wrapupcodes" {
    equals   = 2
    includes = ["Resolved"]
  }
}

object "billing skill" {
  type       = "genesyscloud_routing_skill"
  name       = "Billing"
  attributes = { name = "Billing" }
}
`

func TestParseFile(t *testing.T) {
	vars := map[string]cty.Value{"ivr_dnis": cty.ListVal([]cty.Value{cty.StringVal("+13175551001")})}
	tests, err := ParseFile("flow-billing/tests/billing.cxtest.hcl", "flow-billing", []byte(goodFile), vars)
	if err != nil {
		t.Fatal(err)
	}
	if len(tests) != 4 {
		t.Fatalf("got %d tests, want 4", len(tests))
	}
	ny, _ := time.LoadLocation("America/New_York")
	two := 2
	want := &Call{DNIS: "+13175551001", ANI: "+13175550123", Time: time.Date(2026, 3, 10, 10, 0, 0, 0, ny), DTMF: []string{"2"},
		Decisions: map[string]string{"Find the open ticket": "failure"},
		Expect: CallExpect{Schedule: "open", Menus: []string{"Billing Menu"}, Prompts: []string{"billing specialist"},
			Decisions: map[string]string{"VIP caller": "no"}, Final: FinalQueue, Target: "Billing Disputes",
			Pos: Pos{File: "flow-billing/tests/billing.cxtest.hcl", Line: 10}}}
	if diff := cmp.Diff(want, tests[0].Call); diff != "" {
		t.Errorf("first call (-want +got):\n%s", diff)
	}
	if tests[0].Pos.String() != "flow-billing/tests/billing.cxtest.hcl:2" || tests[0].Project != "flow-billing" {
		t.Errorf("first test at %s of %s", tests[0].Pos, tests[0].Project)
	}
	if c := tests[1].Call; c.Expect.Final != FinalDisconnect || !c.Time.Equal(time.Date(2026, 3, 11, 3, 0, 0, 0, time.UTC)) {
		t.Errorf("second call = %+v", c)
	}
	o := tests[2].Object
	if o.Kind == nil || o.Kind.Resource != "genesyscloud_routing_queue" || o.Name != "Billing Payments" {
		t.Fatalf("object = %+v", o)
	}
	wantValues := []ValueCheck{
		{Path: "acwSettings.timeoutMs", Want: float64(30000), Pos: Pos{File: "flow-billing/tests/billing.cxtest.hcl", Line: 30}},
		{Path: "skillEvaluationMethod", Want: "BEST", Pos: Pos{File: "flow-billing/tests/billing.cxtest.hcl", Line: 30}},
	}
	if diff := cmp.Diff(wantValues, o.Values); diff != "" {
		t.Errorf("values (-want +got):\n%s", diff)
	}
	wantCounts := []CountCheck{{Path: "/wrapupcodes", Equals: &two, Includes: []string{"Resolved"},
		Pos: Pos{File: "flow-billing/tests/billing.cxtest.hcl", Line: 31}}}
	if diff := cmp.Diff(wantCounts, o.Counts); diff != "" {
		t.Errorf("counts (-want +got):\n%s", diff)
	}
	if v := tests[3].Object.Values; len(v) != 1 || v[0].Attr != "name" || v[0].Path != "name" || v[0].Want != "Billing" {
		t.Errorf("attribute checks = %+v", v)
	}
}

// TestParseFileBadInput: every mistake is reported with file:line and what to do.
func TestParseFileBadInput(t *testing.T) {
	for _, tc := range []struct {
		name, src string
		want      []string
	}{
		{"syntax", "call \"x\" {\n  dial = \n}\n", []string{"t.cxtest.hcl:2"}},
		{"unknown block", "scenario \"x\" {}\n", []string{"t.cxtest.hcl:1", "scenario"}},
		{"no expect", "call \"x\" {\n  dial = \"+1\"\n  at = \"2026-03-10T10:00:00Z\"\n}\n", []string{"t.cxtest.hcl:1", "expect block"}},
		{"no final", "call \"x\" {\n  dial = \"+1\"\n  at = \"2026-03-10T10:00:00Z\"\n  expect {\n    menus = [\"M\"]\n  }\n}\n",
			[]string{"t.cxtest.hcl:4", "exactly one final action"}},
		{"two finals", "call \"x\" {\n  dial = \"+1\"\n  at = \"2026-03-10T10:00:00Z\"\n  expect {\n    disconnect = true\n    transfer_to_queue = \"Q\"\n  }\n}\n",
			[]string{"exactly one final action"}},
		{"local time without zone", "call \"x\" {\n  dial = \"+1\"\n  at = \"2026-03-10T10:00:00\"\n  expect {\n    disconnect = true\n  }\n}\n",
			[]string{"t.cxtest.hcl:3", "time_zone"}},
		{"bad zone", "call \"x\" {\n  dial = \"+1\"\n  at = \"2026-03-10T10:00:00\"\n  time_zone = \"Mars/Olympus\"\n  expect {\n    disconnect = true\n  }\n}\n",
			[]string{"t.cxtest.hcl:4", "IANA"}},
		{"unknown var", "call \"x\" {\n  dial = var.nope\n  at = \"2026-03-10T10:00:00Z\"\n  expect {\n    disconnect = true\n  }\n}\n",
			[]string{"t.cxtest.hcl:2", "nope"}},
		{"bad schedule", "call \"x\" {\n  dial = \"+1\"\n  at = \"2026-03-10T10:00:00Z\"\n  expect {\n    schedule = \"lunch\"\n    disconnect = true\n  }\n}\n",
			[]string{"t.cxtest.hcl:5", "open, closed or holiday"}},
		{"dtmf not a list", "call \"x\" {\n  dial = \"+1\"\n  at = \"2026-03-10T10:00:00Z\"\n  dtmf = { a = 1 }\n  expect {\n    disconnect = true\n  }\n}\n",
			[]string{"t.cxtest.hcl:4", "list of strings"}},
		{"duplicate name", "object \"x\" {\n  type = \"genesyscloud_routing_skill\"\n  name = \"A\"\n}\nobject \"x\" {\n  type = \"genesyscloud_routing_skill\"\n  name = \"B\"\n}\n",
			[]string{"t.cxtest.hcl:5", "line 1"}},
		{"unknown type", "object \"x\" {\n  type = \"genesyscloud_routing_queues\"\n  name = \"A\"\n}\n", []string{"t.cxtest.hcl:2", "genesyscloud_routing_queues"}},
		{"unmapped attribute", "object \"x\" {\n  type = \"genesyscloud_routing_queue\"\n  name = \"A\"\n  attributes = { acw_timeout_ms = 1 }\n}\n",
			[]string{"t.cxtest.hcl:4", "acw_timeout_ms", "api = "}},
		{"nameless kind", "object \"x\" {\n  type = \"genesyscloud_telephony_providers_edges_did_pool\"\n  name = \"A\"\n}\n", []string{"t.cxtest.hcl:2", "by name"}},
		{"empty count", "object \"x\" {\n  type = \"genesyscloud_routing_queue\"\n  name = \"A\"\n  count \"/members\" {}\n}\n", []string{"t.cxtest.hcl:4", "equals"}},
		{"negative count", "object \"x\" {\n  type = \"genesyscloud_routing_queue\"\n  name = \"A\"\n  count \"/members\" {\n    at_least = -1\n  }\n}\n",
			[]string{"t.cxtest.hcl:5", "whole number"}},
		{"missing name", "object \"x\" {\n  type = \"genesyscloud_routing_queue\"\n}\n", []string{"t.cxtest.hcl:1", "name"}},
		{"state_at on a queue", "object \"x\" {\n  type = \"genesyscloud_routing_queue\"\n  name = \"A\"\n  state_at {\n    at = \"2026-03-10T10:00:00Z\"\n    state = \"open\"\n  }\n}\n",
			[]string{"t.cxtest.hcl:4", "no schedule group"}},
		{"bad state", "object \"x\" {\n  type = \"genesyscloud_architect_schedulegroups\"\n  name = \"A\"\n  state_at {\n    at = \"2026-03-10T10:00:00Z\"\n    state = \"lunch\"\n  }\n}\n",
			[]string{"t.cxtest.hcl:6", "open, closed or holiday"}},
		{"matches_workspace on a queue", "object \"x\" {\n  type = \"genesyscloud_routing_queue\"\n  name = \"A\"\n  matches_workspace = true\n}\n",
			[]string{"t.cxtest.hcl:4", "no flow"}},
		{"data action without expect", "data_action \"x\" {\n  action = \"A\"\n}\n", []string{"t.cxtest.hcl:1", "expect block"}},
		{"data action input not an object", "data_action \"x\" {\n  action = \"A\"\n  input = [1]\n  expect {}\n}\n", []string{"t.cxtest.hcl:3", "object"}},
		{"output of a failure", "data_action \"x\" {\n  action = \"A\"\n  expect {\n    success = false\n    output = { a = 1 }\n  }\n}\n",
			[]string{"t.cxtest.hcl:5", "leave output out"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := ParseFile("t.cxtest.hcl", "p", []byte(tc.src), nil)
			if err == nil {
				t.Fatal("no error")
			}
			for _, w := range tc.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q does not say %q", err, w)
				}
			}
		})
	}
}

// FuzzParseFile: no input makes the parser panic, and every error it returns names the file
// and a line.
func FuzzParseFile(f *testing.F) {
	f.Add(goodFile)
	f.Add("call \"x\" {\n  dial = \"+1\"\n  at = \"2026-03-10T10:00:00Z\"\n  expect {\n    disconnect = true\n  }\n}\n")
	f.Add("object \"x\" {\n  type = \"genesyscloud_routing_queue\"\n  name = \"A\"\n  count \"/members\" {\n    at_least = 1.5\n  }\n}\n")
	f.Add("data_action \"x\" {\n  action = \"A\"\n  input = { phone = \"+1\" }\n  expect {\n    output = { \"a.b\" = 1 }\n  }\n}\n")
	f.Fuzz(func(t *testing.T, src string) {
		_, err := ParseFile("f.cxtest.hcl", "p", []byte(src), map[string]cty.Value{"n": cty.StringVal("+1")})
		if err != nil && !strings.Contains(err.Error(), "f.cxtest.hcl:") {
			t.Errorf("error without a position: %v", err)
		}
	})
}
