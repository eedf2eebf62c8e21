package release

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/cxascode/cxascode/internal/orgseed"
	"github.com/cxascode/cxascode/internal/orgserver"
	"github.com/cxascode/cxascode/internal/platform"
)

// devClient is an API client to the dev org of a new local org.
func devClient(t *testing.T) *platform.Client {
	t.Helper()
	ts := orgserver.NewTestServer(t)
	cred := ts.Credential(t, "dev", "deploy")
	c, err := platform.New(platform.Config{BaseURL: ts.URL, ClientID: cred.ClientID, ClientSecret: cred.ClientSecret, RateLimitPerMinute: -1})
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// create posts body to path and returns the new object's id.
func create(t *testing.T, c *platform.Client, path string, body any) string {
	t.Helper()
	var out map[string]any
	if err := c.Do(context.Background(), "POST", path, nil, body, &out); err != nil {
		t.Fatalf("POST %s: %v", path, err)
	}
	id, _ := out["id"].(string)
	return id
}

// guardOne runs the guard on a plan destroying one object and returns its reasons.
func guardOne(t *testing.T, c *platform.Client, o Object) []string {
	t.Helper()
	refusals, err := Guard(context.Background(), GuardInput{Client: c, Target: Release{Number: 1},
		Plan: Note{Projects: []ProjectNote{{Project: "shared", Destroyed: []Object{o}}}}})
	if err != nil {
		t.Fatal(err)
	}
	if len(refusals) == 0 {
		return nil
	}
	return refusals[0].Reasons
}

func wantReason(t *testing.T, reasons []string, want string) {
	t.Helper()
	if len(reasons) != 1 || !strings.Contains(reasons[0], want) {
		t.Errorf("reasons %q, want one containing %q", reasons, want)
	}
}

// Each case builds the object in use in the local org, checks that the guard refuses its
// destruction saying why, and that --allow-destroy lets it go.
func TestGuardRefusesObjectsInUse(t *testing.T) {
	t.Parallel()
	c := devClient(t)
	ctx := context.Background()

	queue := create(t, c, "/api/v2/routing/queues", map[string]any{"name": "Billing"})
	idle := create(t, c, "/api/v2/routing/queues", map[string]any{"name": "Idle"})
	user := create(t, c, "/api/v2/users", map[string]any{"name": "Ann", "email": "ann@example.com"})
	if err := c.Do(ctx, "POST", "/api/v2/routing/queues/"+queue+"/members", nil, []map[string]any{{"id": user}}, nil); err != nil {
		t.Fatal(err)
	}

	pool := create(t, c, "/api/v2/telephony/providers/edges/didpools", map[string]any{"startPhoneNumber": "+13175550100", "endPhoneNumber": "+13175550199"})
	freePool := create(t, c, "/api/v2/telephony/providers/edges/didpools", map[string]any{"startPhoneNumber": "+13175550200", "endPhoneNumber": "+13175550299"})
	flow := create(t, c, "/api/v2/flows", map[string]any{"name": "Main menu", "type": "inboundcall"})
	freeFlow := create(t, c, "/api/v2/flows", map[string]any{"name": "Spare", "type": "inboundcall"})
	create(t, c, "/api/v2/architect/ivrs", map[string]any{"name": "Main line", "dnis": []string{"+13175550142"},
		"openHoursFlow": map[string]any{"id": flow}})

	tableBody := func(name string) map[string]any {
		return map[string]any{"name": name, "schema": map[string]any{"type": "object", "required": []any{"key"},
			"properties":           map[string]any{"key": map[string]any{"type": "string", "title": "Postcode", "displayOrder": 0}},
			"additionalProperties": false}}
	}
	table := create(t, c, "/api/v2/flows/datatables", tableBody("Postcodes"))
	emptyTable := create(t, c, "/api/v2/flows/datatables", tableBody("Empty"))
	if err := c.Do(ctx, "POST", "/api/v2/flows/datatables/"+table+"/rows", nil, map[string]any{"key": "46278"}, nil); err != nil {
		t.Fatal(err)
	}

	for _, tc := range []struct {
		name     string
		inUse    Object
		notInUse Object
		wantWhy  string
	}{
		{"queue with members", Object{Kind: "genesyscloud_routing_queue", Address: "genesyscloud_routing_queue.billing", ID: queue},
			Object{Kind: "genesyscloud_routing_queue", Address: "genesyscloud_routing_queue.idle", ID: idle}, "queue with 1 member:"},
		{"DID pool used by an IVR", Object{Kind: "genesyscloud_telephony_providers_edges_did_pool", Address: "genesyscloud_telephony_providers_edges_did_pool.main", ID: pool},
			Object{Kind: "genesyscloud_telephony_providers_edges_did_pool", Address: "genesyscloud_telephony_providers_edges_did_pool.free", ID: freePool}, `DID pool used by IVR "Main line" (number +13175550142)`},
		{"flow used by an IVR", Object{Kind: "genesyscloud_flow", Address: "genesyscloud_flow.main", ID: flow},
			Object{Kind: "genesyscloud_flow", Address: "genesyscloud_flow.spare", ID: freeFlow}, `flow used by IVR "Main line" (openHoursFlow)`},
		{"data table with rows", Object{Kind: "genesyscloud_architect_datatable", Address: "genesyscloud_architect_datatable.postcodes", ID: table},
			Object{Kind: "genesyscloud_architect_datatable", Address: "genesyscloud_architect_datatable.empty", ID: emptyTable}, "data table with 1 row:"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			wantReason(t, guardOne(t, c, tc.inUse), tc.wantWhy)
			if reasons := guardOne(t, c, tc.notInUse); reasons != nil {
				t.Errorf("%s is not in use, yet refused: %q", tc.notInUse.Address, reasons)
			}
			refusals, err := Guard(ctx, GuardInput{Client: c, Target: Release{Number: 1}, Allowed: []string{tc.inUse.Address},
				Plan: Note{Projects: []ProjectNote{{Project: "shared", Destroyed: []Object{tc.inUse}}}}})
			if err != nil || len(refusals) != 0 {
				t.Errorf("allowed, still refused: %v %v", refusals, err)
			}
		})
	}
}

// An object a later release or an unreleased apply added is refused, naming which.
func TestGuardRefusesObjectsCreatedAfterTheRelease(t *testing.T) {
	t.Parallel()
	added := func(addr string) Note {
		return Note{Projects: []ProjectNote{{Project: "shared", Added: []Object{{Kind: "genesyscloud_routing_queue", Address: addr}}}}}
	}
	in := GuardInput{Target: Release{Number: 1},
		Later:   []Release{{Number: 2, Tag: "cx/dev/2", Note: added("genesyscloud_routing_queue.vip")}},
		Pending: []Applied{{Commit: "abc", Note: added("genesyscloud_routing_queue.new")}},
		Plan: Note{Projects: []ProjectNote{{Project: "shared", Destroyed: []Object{
			{Kind: "genesyscloud_routing_queue", Address: "genesyscloud_routing_queue.vip"},
			{Kind: "genesyscloud_routing_queue", Address: "genesyscloud_routing_queue.new"},
			{Kind: "genesyscloud_routing_queue", Address: "genesyscloud_routing_queue.old"}}}}}}
	refusals, err := Guard(context.Background(), in)
	if err != nil {
		t.Fatal(err)
	}
	if len(refusals) != 2 || refusals[0].Object.Address != "genesyscloud_routing_queue.new" ||
		!strings.Contains(refusals[0].Reasons[0], "not yet released") ||
		!strings.Contains(refusals[1].Reasons[0], "created after release 1 (added in release 2, cx/dev/2)") {
		t.Fatalf("refusals %v", refusals)
	}
	in.Allowed = []string{"shared:genesyscloud_routing_queue.new", "genesyscloud_routing_queue.vip"}
	if refusals, _ := Guard(context.Background(), in); len(refusals) != 0 {
		t.Errorf("allowed, still refused: %v", refusals)
	}
}

// routingFlowYAML is an inbound call flow whose menu transfers to the queue Billing and to
// the flow Payments: its published version consumes both.
const routingFlowYAML = `inboundCall:
  name: Main line
  division: Home
  startUpRef: "/inboundCall/menus/menu[Main Menu_10]"
  defaultLanguage: en-us
  supportedLanguages:
    en-us:
      defaultLanguageSkill:
        noValue: true
  settingsErrorHandling:
    errorHandling:
      disconnect:
        none: true
  menus:
    - menu:
        name: Main Menu
        refId: Main Menu_10
        audio:
          tts: For billing press 1, to pay press 2.
        choices:
          - menuTransferToAcd:
              name: Billing
              dtmf: digit_1
              targetQueue:
                lit:
                  name: Billing
          - menuTransferToFlow:
              name: Pay
              dtmf: digit_2
              targetFlow:
                lit:
                  name: Payments
`

const paymentsFlowYAML = `inboundCall:
  name: Payments
  division: Home
  startUpRef: "/inboundCall/menus/menu[Pay_10]"
  defaultLanguage: en-us
  supportedLanguages:
    en-us:
      defaultLanguageSkill:
        noValue: true
  settingsErrorHandling:
    errorHandling:
      disconnect:
        none: true
  menus:
    - menu:
        name: Pay
        refId: Pay_10
        audio:
          tts: Goodbye.
        choices:
          - menuDisconnect:
              name: Goodbye
              dtmf: digit_9
`

// What a published flow consumes (the org's dependency tracking) is in use: the queue it
// transfers to and the flow it hands calls to.
func TestGuardRefusesWhatPublishedFlowsConsume(t *testing.T) {
	t.Parallel()
	c := devClient(t)
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	queue := create(t, c, "/api/v2/routing/queues", map[string]any{"name": "Billing"})
	payments, err := orgseed.PublishFlow(ctx, c, nil, []byte(paymentsFlowYAML))
	if err != nil {
		t.Fatalf("publish Payments: %v", err)
	}
	if _, err := orgseed.PublishFlow(ctx, c, nil, []byte(routingFlowYAML)); err != nil {
		t.Fatalf("publish Main line: %v", err)
	}
	wantReason(t, guardOne(t, c, Object{Kind: "genesyscloud_routing_queue", Address: "genesyscloud_routing_queue.billing", ID: queue}),
		`queue used by flow "Main line"`)
	wantReason(t, guardOne(t, c, Object{Kind: "genesyscloud_flow", Address: "genesyscloud_flow.payments", ID: payments}),
		`flow used by flow "Main line"`)
}
