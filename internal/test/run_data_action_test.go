package test

import (
	"strings"
	"testing"

	"github.com/cxascode/cxascode/internal/orgseed"
	"github.com/cxascode/cxascode/internal/orgserver"
	"github.com/cxascode/cxascode/internal/platform"
	"github.com/zclconf/go-cty/cty"
)

// lookupFlow calls a data action and maps its input and output by name.
const lookupFlow = `inboundCall:
  name: Lookup IVR
  startUpRef: "/inboundCall/tasks/task[Lookup_1]"
  defaultLanguage: en-us
  tasks:
    - task:
        name: Lookup
        refId: Lookup_1
        actions:
          - callData:
              name: Find the ticket
              timeout:
                lit:
                  seconds: 10
              category:
                Ticketing:
                  dataAction:
                    Get Ticket:
                      inputs:
                        phone:
                          exp: ToString(Call.Ani)
                      successOutputs:
                        ticketId:
                          var: Task.TicketId
              outputs:
                success:
                  actions:
                    - transferToAcd:
                        name: To tier 2
                        targetQueue:
                          lit:
                            name: Tier 2
          - transferToAcd:
              name: To tier 1
              targetQueue:
                lit:
                  name: Tier 1
`

const lookupTests = `call "a caller with a ticket reaches tier 2" {
  dial      = "+13175550001"
  at        = "2026-03-10T10:00:00Z"
  decisions = { "Find the ticket" = "success" }
  expect {
    transfer_to_queue = "Tier 2"
  }
}

data_action "a ticket is found by phone" {
  action   = "Get Ticket"
  category = "Ticketing"
  input    = { phone = "+13175550142" }
  expect {
    output = { ticketId = "T-1" }
    fields = ["ticketId"]
  }
}

data_action "a number is no phone" {
  action = "Get Ticket"
  input  = { phone = 3175550142 }
  expect {
    success = false
  }
}
`

// ticketContract is the action's contract; output names its one output field.
func ticketContract(output string) map[string]any {
	return map[string]any{
		"input": map[string]any{"inputSchema": map[string]any{"type": "object", "required": []string{"phone"},
			"properties": map[string]any{"phone": map[string]any{"type": "string"}}}},
		"output": map[string]any{"successSchema": map[string]any{"type": "object",
			"properties": map[string]any{output: map[string]any{"type": "string", "examples": []string{"T-1"}}}}},
	}
}

// TestDataActionContractChange: data action tests pass on the deployed contract; once the
// action's contract renames its output (a new draft published through the API), the data
// action test fails naming the field and the test file:line, and the call test fails at the
// flow's line that maps the field, although neither the flow nor the tests changed.
func TestDataActionContractChange(t *testing.T) {
	ts, c, suite := lookupOrg(t)
	run := func(sim Simulator) map[string]Result {
		rep := Run(t.Context(), Options{Suite: suite, Env: "dev", Client: c, Simulator: sim})
		out := map[string]Result{}
		for _, r := range rep.Results {
			out[r.Test.Name] = r
		}
		return out
	}
	local := &LocalSimulator{URL: ts.URL, AdminKey: ts.AdminKey(), Org: "dev"}
	for _, sim := range []Simulator{local, &ExportedSimulator{Client: c}} {
		for name, r := range run(sim) {
			if r.Status != StatusPass {
				t.Errorf("before the change, %q (%T): %s %q %s", name, sim, r.Status, r.Failures, r.Err)
			}
		}
	}

	// The contract changes in the org: ticketId becomes caseId.
	ctx := t.Context()
	var list platform.ActionEntityListing
	if err := c.Do(ctx, "GET", "/api/v2/integrations/actions", nil, nil, &list); err != nil || len(list.Entities) != 1 {
		t.Fatalf("list actions: %v %v", err, list.Entities)
	}
	id := *list.Entities[0].ID
	var draft map[string]any
	if err := c.Do(ctx, "POST", "/api/v2/integrations/actions/"+id+"/draft", nil, nil, &draft); err != nil {
		t.Fatal(err)
	}
	if err := c.Do(ctx, "PATCH", "/api/v2/integrations/actions/"+id+"/draft", nil, map[string]any{"version": draft["version"], "contract": ticketContract("caseId")}, &draft); err != nil {
		t.Fatal(err)
	}
	if err := c.Do(ctx, "POST", "/api/v2/integrations/actions/"+id+"/draft/publish", nil, map[string]any{"version": draft["version"]}, nil); err != nil {
		t.Fatal(err)
	}

	after := run(local)
	call := after["a caller with a ticket reaches tier 2"]
	if call.Status != StatusFail || len(call.Failures) != 1 || !strings.Contains(call.Failures[0], `no output "ticketId"`) ||
		!strings.Contains(call.Failures[0], "lookup/flows/lookup.yaml:23") {
		t.Errorf("call test after the change: %s %q", call.Status, call.Failures)
	}
	// The way a real org is tested reads the contract through the API and finds the same.
	exported := run(&ExportedSimulator{Client: c})["a caller with a ticket reaches tier 2"]
	if exported.Status != StatusFail || len(exported.Failures) != 1 || !strings.Contains(exported.Failures[0], `no output "ticketId"`) {
		t.Errorf("call test on the exported flow after the change: %s %q %s", exported.Status, exported.Failures, exported.Err)
	}
	da := after["a ticket is found by phone"]
	if da.Status != StatusFail || !strings.Contains(strings.Join(da.Failures, "\n"), `output "ticketId": the action's output contract has no such field (it has ["caseId"]) (lookup/tests/lookup.cxtest.hcl:15)`) ||
		!strings.Contains(strings.Join(da.Failures, "\n"), "(lookup/tests/lookup.cxtest.hcl:16)") {
		t.Errorf("data action test after the change: %s %q", da.Status, da.Failures)
	}
	if r := after["a number is no phone"]; r.Status != StatusPass {
		t.Errorf("a refused input: %s %q %s", r.Status, r.Failures, r.Err)
	}
}

// lookupOrg deploys the data action, the flow that calls it and an IVR to dev of a fresh
// local org, and parses the tests.
func lookupOrg(t *testing.T) (*orgserver.TestServer, *platform.Client, *Suite) {
	t.Helper()
	ts, c, must := devOrg(t)
	ctx := t.Context()
	must("/api/v2/routing/queues", map[string]any{"name": "Tier 1"})
	must("/api/v2/routing/queues", map[string]any{"name": "Tier 2"})
	ig := must("/api/v2/integrations", map[string]any{"name": "Ticketing", "integrationType": map[string]any{"id": "custom-rest-actions"}})
	must("/api/v2/integrations/actions", map[string]any{"name": "Get Ticket", "integrationId": ig["id"], "contract": ticketContract("ticketId"),
		"config": map[string]any{"request": map[string]any{"requestUrlTemplate": "https://tickets.example/${input.phone}", "requestType": "GET"},
			"response": map[string]any{"translationMap": map[string]any{"ticketId": "$.id"}}}})
	flowID, err := orgseed.PublishFlow(ctx, c, nil, []byte(lookupFlow))
	if err != nil {
		t.Fatal(err)
	}
	flow := map[string]any{"id": flowID}
	must("/api/v2/architect/ivrs", map[string]any{"name": "Lookup line", "dnis": []string{"+13175550001"},
		"openHoursFlow": flow, "closedHoursFlow": flow, "holidayHoursFlow": flow})
	tests, err := ParseFile("lookup/tests/lookup.cxtest.hcl", "lookup", []byte(lookupTests), map[string]cty.Value{})
	if err != nil {
		t.Fatal(err)
	}
	return ts, c, &Suite{Levels: [][]string{{"lookup"}}, Tests: map[string][]*Test{"lookup": tests},
		FlowFiles: map[string]string{"Lookup IVR": "lookup/flows/lookup.yaml"}}
}
