package orgserver

import (
	"strings"
	"testing"
)

// readSimFixture reads a flow of the archy simulator's fixtures, so that the unit tests
// and this end-to-end test walk the same flow.
func readSimFixture(t *testing.T, name string) []byte {
	t.Helper()
	return readTestFile(t, "../archy/testdata/sim/"+name)
}

// TestSimulateEndToEnd builds the simple IVR through the API (DID pool, schedules, group,
// queues, flows published with the job protocol, IVR) and simulates calls on the admin surface.
func TestSimulateEndToEnd(t *testing.T) {
	ts, c := parallelDevOrg(t)
	c.must(200, "POST", didPools, map[string]any{"startPhoneNumber": "+13175550000", "endPhoneNumber": "+13175550099"})
	weekdays := c.must(200, "POST", "/api/v2/architect/schedules", map[string]any{"name": "Weekdays",
		"start": "2026-01-05T08:00:00.000", "end": "2026-01-05T17:00:00.000", "rrule": "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR"})["id"]
	xmas := c.must(200, "POST", "/api/v2/architect/schedules", map[string]any{"name": "Christmas 2026",
		"start": "2026-12-25T00:00:00.000", "end": "2026-12-26T00:00:00.000"})["id"]
	group := c.must(200, "POST", "/api/v2/architect/schedulegroups", map[string]any{"name": "Main Office Hours", "timeZone": "America/New_York",
		"openSchedules": []any{map[string]any{"id": weekdays}}, "holidaySchedules": []any{map[string]any{"id": xmas}}})["id"]
	for _, q := range []string{"401K", "Billing", "VIP", "Closed Queue"} {
		c.must(200, "POST", "/api/v2/routing/queues", map[string]any{"name": q})
	}
	for _, f := range []string{"verify_caller.yaml", "simple_ivr.yaml"} {
		if st := uploadFlowJob(t, ts, c, readSimFixture(t, f)); st["status"] != "Success" {
			t.Fatalf("publish %s: %v", f, jobTexts(st, "Error"))
		}
	}
	flows := c.must(200, "GET", "/api/v2/flows"+q("name", "Simple IVR"), nil)["entities"].([]any)
	if len(flows) != 1 {
		t.Fatalf("flows named Simple IVR = %v", flows)
	}
	flow := map[string]any{"id": flows[0].(map[string]any)["id"]}
	c.must(200, "POST", "/api/v2/architect/ivrs", map[string]any{"name": "Main line", "dnis": []string{"+13175550001"},
		"openHoursFlow": flow, "closedHoursFlow": flow, "holidayHoursFlow": flow, "scheduleGroup": map[string]any{"id": group}})

	simulate := func(body map[string]any) (int, map[string]any) {
		return adminCall(t, ts, "POST", "/admin/orgs/dev/simulate", ts.AdminKey(), body)
	}
	status, res := simulate(map[string]any{"dnis": "+13175550001", "time": "2026-03-10T10:00:00-04:00", "dtmf": []string{"1"}})
	if status != 200 {
		t.Fatalf("simulate: %d %v", status, res)
	}
	final := res["final"].(map[string]any)
	pos, _ := final["pos"].(map[string]any)
	if res["queue"] != "401K" || final["kind"] != "transfer" || res["scheduleState"] != "open" || pos["file"] != "Simple IVR.yaml" || pos["line"] == nil {
		t.Errorf("pressing 1 in open hours: %v", res)
	}
	if menus := toStrings(res["menusVisited"]); strings.Join(menus, ",") != "Main Menu" {
		t.Errorf("menus visited = %v", menus)
	}

	status, res = simulate(map[string]any{"dnis": "+13175550001", "time": "2026-12-25T15:00:00Z", "dtmf": []string{"1"}})
	if status != 200 || res["scheduleState"] != "holiday" || res["final"].(map[string]any)["kind"] != "disconnect" ||
		!strings.Contains(strings.Join(toStrings(res["promptsSpoken"]), "|"), "We are closed for the holiday.") {
		t.Errorf("holiday call: %d %v", status, res)
	}

	status, res = simulate(map[string]any{"dnis": "+13175550001", "time": "2026-03-10T10:00:00-04:00", "dtmf": []string{"9", "9"}})
	if status != 200 || res["final"].(map[string]any)["name"] != "No selection disconnect" {
		t.Errorf("unknown key: %d %v", status, res)
	}

	// Errors: unknown number, bad time, missing dnis, unknown org, no admin key.
	for _, tc := range []struct {
		body   map[string]any
		status int
		text   string
	}{
		{map[string]any{"dnis": "+13175550002"}, 400, "+13175550002"},
		{map[string]any{"dnis": "+13175550001", "time": "tomorrow"}, 400, "[time]"},
		{map[string]any{"time": "2026-03-10T10:00:00Z"}, 400, "[dnis]"},
	} {
		if status, m := simulate(tc.body); status != tc.status || !strings.Contains(m["message"].(string), tc.text) {
			t.Errorf("simulate %v: %d %v", tc.body, status, m)
		}
	}
	if status, _ := adminCall(t, ts, "POST", "/admin/orgs/nope/simulate", ts.AdminKey(), map[string]any{"dnis": "+13175550001"}); status != 404 {
		t.Errorf("unknown org: %d", status)
	}
	if status, _ := adminCall(t, ts, "POST", "/admin/orgs/dev/simulate", "", map[string]any{"dnis": "+13175550001"}); status != 401 {
		t.Errorf("no admin key: %d", status)
	}
}
