package test

import (
	"bytes"
	"encoding/xml"
	"strings"
	"testing"

	"github.com/cxascode/cxascode/internal/orgseed"
	"github.com/cxascode/cxascode/internal/orgserver"
	"github.com/cxascode/cxascode/internal/platform"
	"github.com/zclconf/go-cty/cty"
)

// miniFlow answers with one menu: 1 goes to Front Desk, 2 runs an action the simulator does
// not model and then goes to Front Desk.
const miniFlow = `inboundCall:
  name: Mini IVR
  startUpRef: "/inboundCall/menus/menu[Main_1]"
  defaultLanguage: en-us
  initialGreeting:
    tts: Welcome.
  menus:
    - menu:
        name: Main
        refId: Main_1
        audio:
          tts: Press 1 for the front desk.
        choices:
          - menuTransferToAcd:
              name: Front desk
              dtmf: digit_1
              targetQueue:
                lit:
                  name: Front Desk
          - menuTask:
              name: Lookup
              dtmf: digit_2
              task:
                name: Lookup
                refId: Lookup_2
                actions:
                  - getExternalContact:
                      name: Who is it
                  - transferToAcd:
                      name: Desk
                      targetQueue:
                        lit:
                          name: Front Desk
`

const miniTests = `call "1 reaches the front desk" {
  dial = var.dnis
  at   = "2026-03-10T10:00:00Z"
  dtmf = ["1"]
  expect {
    menus             = ["Main"]
    prompts           = ["Welcome.", "front desk"]
    transfer_to_queue = "Front Desk"
  }
}

call "1 reaches the back office" {
  dial = var.dnis
  at   = "2026-03-10T10:00:00Z"
  dtmf = ["1"]
  expect {
    transfer_to_queue = "Back Office"
  }
}

call "2 runs an action the simulator does not model" {
  dial = var.dnis
  at   = "2026-03-10T10:00:00Z"
  dtmf = ["2"]
  expect {
    transfer_to_queue = "Front Desk"
  }
}

object "front desk" {
  type = "genesyscloud_routing_queue"
  name = "front desk"
  api  = { name = "Front Desk" }
}

object "missing queue" {
  type = "genesyscloud_routing_queue"
  name = "Nobody"
}
`

// miniOrg deploys the mini IVR to dev of a fresh local org through the API and parses the
// tests against it.
func miniOrg(t *testing.T) (*orgserver.TestServer, *platform.Client, *Suite) {
	t.Helper()
	ts, c, must := devOrg(t)
	ctx := t.Context()
	must("/api/v2/routing/queues", map[string]any{"name": "Front Desk"})
	flowID, err := orgseed.PublishFlow(ctx, c, nil, []byte(miniFlow))
	if err != nil {
		t.Fatal(err)
	}
	flow := map[string]any{"id": flowID}
	must("/api/v2/architect/ivrs", map[string]any{"name": "Mini line", "dnis": []string{"+13175550001"},
		"openHoursFlow": flow, "closedHoursFlow": flow, "holidayHoursFlow": flow})
	tests, err := ParseFile("mini/tests/mini.cxtest.hcl", "mini", []byte(miniTests), map[string]cty.Value{"dnis": cty.StringVal("+13175550001")})
	if err != nil {
		t.Fatal(err)
	}
	suite := &Suite{Levels: [][]string{{"mini"}}, Tests: map[string][]*Test{"mini": tests},
		FlowFiles: map[string]string{"Mini IVR": "mini/flows/mini.yaml"}}
	return ts, c, suite
}

// devOrg is dev of a fresh local org with a DID pool for +1317555000x, a client deploying to
// it, and must, which POSTs a body and fails the test when the org refuses it.
func devOrg(t *testing.T) (*orgserver.TestServer, *platform.Client, func(path string, body any) map[string]any) {
	t.Helper()
	ts := orgserver.NewTestServer(t)
	cred := ts.Credential(t, "dev", "deploy")
	c, err := platform.New(platform.Config{BaseURL: ts.URL, ClientID: cred.ClientID, ClientSecret: cred.ClientSecret, RateLimitPerMinute: -1})
	if err != nil {
		t.Fatal(err)
	}
	must := func(path string, body any) map[string]any {
		t.Helper()
		var out map[string]any
		if err := c.Do(t.Context(), "POST", path, nil, body, &out); err != nil {
			t.Fatalf("POST %s: %v", path, err)
		}
		return out
	}
	must("/api/v2/telephony/providers/edges/didpools", map[string]any{"startPhoneNumber": "+13175550000", "endPhoneNumber": "+13175550099"})
	return ts, c, must
}

// TestRunAgainstLocalOrg: passing tests pass; a wrong queue fails naming the expected and the
// actual final action and the flow file:line; an unmodelled action fails the test; a missing
// object fails; JUnit and Markdown carry all of it.
func TestRunAgainstLocalOrg(t *testing.T) {
	ts, c, suite := miniOrg(t)
	rep := Run(t.Context(), Options{Suite: suite, Env: "dev", Client: c,
		Simulator: &LocalSimulator{URL: ts.URL, AdminKey: ts.AdminKey(), Org: "dev"}})
	status := map[string]Result{}
	for _, r := range rep.Results {
		status[r.Test.Name] = r
	}
	for name, want := range map[string]string{
		"1 reaches the front desk": StatusPass, "1 reaches the back office": StatusFail,
		"2 runs an action the simulator does not model": StatusFail, "front desk": StatusPass, "missing queue": StatusFail,
	} {
		if got := status[name].Status; got != want {
			t.Errorf("%q: status %s, want %s (%v %s)", name, got, want, status[name].Failures, status[name].Err)
		}
	}
	wrong := status["1 reaches the back office"]
	if len(wrong.Failures) != 1 || !strings.Contains(wrong.Failures[0], `expected transfer to queue "Back Office", got transfer to queue "Front Desk" at mini/flows/mini.yaml:14`) {
		t.Errorf("wrong queue failures = %q", wrong.Failures)
	}
	if len(wrong.Path) == 0 || wrong.DivergedAt != "mini/flows/mini.yaml:14" {
		t.Errorf("wrong queue: path %v, diverged at %q", wrong.Path, wrong.DivergedAt)
	}
	unmodelled := status["2 runs an action the simulator does not model"]
	if len(unmodelled.Failures) != 1 || !strings.Contains(unmodelled.Failures[0], "getExternalContact") || !strings.Contains(unmodelled.Failures[0], "mini/flows/mini.yaml:27") {
		t.Errorf("unmodelled action failures = %q", unmodelled.Failures)
	}
	if rep.Passed() {
		t.Error("the report passed with failing tests")
	}

	var junit bytes.Buffer
	if err := rep.WriteJUnit(&junit); err != nil {
		t.Fatal(err)
	}
	var parsed JUnit
	if err := xml.Unmarshal(junit.Bytes(), &parsed); err != nil {
		t.Fatalf("JUnit does not parse: %v\n%s", err, junit.String())
	}
	if parsed.Tests != 5 || parsed.Failures != 3 || parsed.Errors != 0 || len(parsed.Suites) != 1 {
		t.Fatalf("JUnit counts = %d tests, %d failures, %d errors, %d suites", parsed.Tests, parsed.Failures, parsed.Errors, len(parsed.Suites))
	}
	for _, tc := range parsed.Suites[0].Cases {
		if tc.Name == "1 reaches the back office" {
			if tc.Failure == nil || tc.File != "mini/tests/mini.cxtest.hcl" || tc.Line != 12 ||
				!strings.Contains(tc.Failure.Text, "actual path:") || !strings.Contains(tc.Failure.Message, `"Back Office"`) {
				t.Errorf("JUnit case = %+v", tc)
			}
		}
	}
	var md bytes.Buffer
	if err := rep.WriteMarkdown(&md); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(md.String(), "| ❌ | mini | call 1 reaches the back office | `mini/tests/mini.cxtest.hcl:12` |") {
		t.Errorf("markdown:\n%s", md.String())
	}
}

// TestRunWithoutSimulator: without a simulator call tests do not pass silently: they end in an
// error that says why, and --kind object leaves them out.
func TestRunWithoutSimulator(t *testing.T) {
	_, c, suite := miniOrg(t)
	rep := Run(t.Context(), Options{Suite: suite, Env: "prod", Client: c})
	for _, r := range rep.Results {
		if r.Test.Kind == KindCall && (r.Status != StatusError || !strings.Contains(r.Err, "no call simulator")) {
			t.Errorf("%q without a simulator: %s %q", r.Test.Name, r.Status, r.Err)
		}
	}
	rep = Run(t.Context(), Options{Suite: suite, Env: "prod", Client: c, Kind: KindObject})
	if len(rep.Results) != 2 {
		t.Errorf("--kind object ran %d tests, want 2", len(rep.Results))
	}
	if empty := (&Report{Env: "dev"}); empty.Passed() || !strings.Contains(empty.Summary(), "no tests found") {
		t.Errorf("an empty run passes or does not say so: %s", empty.Summary())
	}
}

// TestRunOnExportedFlows: the way a real org is tested — its objects read through the API and
// its flows exported — gives the same verdicts as the local org's simulator, with positions
// citing the export rather than the workspace's file.
func TestRunOnExportedFlows(t *testing.T) {
	_, c, suite := miniOrg(t)
	rep := Run(t.Context(), Options{Suite: suite, Env: "prod", Client: c, Simulator: &ExportedSimulator{Client: c}})
	want := map[string]string{
		"1 reaches the front desk": StatusPass, "1 reaches the back office": StatusFail,
		"2 runs an action the simulator does not model": StatusFail, "front desk": StatusPass, "missing queue": StatusFail,
	}
	for _, r := range rep.Results {
		if r.Status != want[r.Test.Name] {
			t.Errorf("%q: status %s, want %s (%v %s)", r.Test.Name, r.Status, want[r.Test.Name], r.Failures, r.Err)
		}
		if r.Test.Name == "1 reaches the back office" && !strings.HasPrefix(r.DivergedAt, "Mini IVR"+ExportedSuffix+":") {
			t.Errorf("the exported flow's step is cited at %q", r.DivergedAt)
		}
	}
}
