package orgserver

import (
	"strings"
	"testing"

	"github.com/cxascode/cxascode/internal/orgserver/host"
)

func newSchedule(name string) map[string]any {
	return map[string]any{"name": name, "start": "2024-01-01T08:00:00.000", "end": "2024-01-01T17:00:00.000", "rrule": "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR"}
}

func TestScheduleLifecycle(t *testing.T) {
	ts, c := parallelDevOrg(t)
	home := routingHomeDivision(t, ts, "dev")

	sc := c.must(200, "POST", "/api/v2/architect/schedules", map[string]any{
		"name": "Weekdays", "description": "open", "start": "2021-08-04T08:00:00.000000", "end": "2021-08-04T17:00:00", "rrule": "FREQ=DAILY;INTERVAL=1",
	})
	id := sc["id"].(string)
	if sc["version"].(float64) != 1 || sc["state"] != "active" || sc["start"] != "2021-08-04T08:00:00.000" || sc["end"] != "2021-08-04T17:00:00.000" ||
		sc["rrule"] != "FREQ=DAILY;INTERVAL=1" || sc["selfUri"] != "/api/v2/architect/schedules/"+id || sc["division"].(map[string]any)["id"] != home {
		t.Errorf("created schedule = %v", sc)
	}
	c.wantError(409, "general.conflict", "POST", "/api/v2/architect/schedules", newSchedule("WEEKDAYS"))
	for _, tc := range []struct {
		edit  func(m map[string]any)
		field string
	}{
		{func(m map[string]any) { delete(m, "name") }, "[name]"},
		{func(m map[string]any) { delete(m, "start") }, "[start]"},
		{func(m map[string]any) { m["start"] = "2024-01-01T08:00:00Z" }, "[start]"},
		{func(m map[string]any) { m["end"] = "01/01/2024 17:00" }, "[end]"},
		{func(m map[string]any) { m["end"] = "2023-12-31T08:00:00.000" }, "[end]"},
		{func(m map[string]any) { m["rrule"] = "FREQ=SOMETIMES" }, "[rrule]"},
		{func(m map[string]any) { m["rrule"] = "INTERVAL=1" }, "[rrule]"},
		{func(m map[string]any) { m["rrule"] = "FREQ=DAILY;BYHOUR=25" }, "[rrule]"},
		{func(m map[string]any) { m["division"] = map[string]any{"id": "nope"} }, "[division.id]"},
	} {
		body := newSchedule("Bad")
		tc.edit(body)
		m := c.wantError(400, "bad.request", "POST", "/api/v2/architect/schedules", body)
		if !strings.Contains(m["message"].(string), tc.field) {
			t.Errorf("POST %v: message %q does not name %s", body, m["message"], tc.field)
		}
	}

	// PUT replaces and needs the current version.
	body := newSchedule("Weekdays 2")
	c.wantError(400, "bad.request", "PUT", "/api/v2/architect/schedules/"+id, body)
	body["version"] = 7
	m := c.wantError(409, "general.conflict", "PUT", "/api/v2/architect/schedules/"+id, body)
	if !strings.Contains(m["message"].(string), "does not match the current version") {
		t.Errorf("stale version message = %v", m["message"])
	}
	body["version"] = 1
	put := c.must(200, "PUT", "/api/v2/architect/schedules/"+id, body)
	if put["version"].(float64) != 2 || put["name"] != "Weekdays 2" || put["description"] != nil || put["dateCreated"] != sc["dateCreated"] || put["rrule"] != body["rrule"] {
		t.Errorf("after PUT = %v", put)
	}
	if got := c.must(200, "GET", "/api/v2/architect/schedules/"+id, nil); got["version"].(float64) != 2 {
		t.Errorf("GET after PUT = %v", got)
	}
	c.wantError(404, "not.found", "GET", "/api/v2/architect/schedules/00000000-0000-0000-0000-000000000000", nil)
	c.wantError(404, "not.found", "PUT", "/api/v2/architect/schedules/00000000-0000-0000-0000-000000000000", body)

	readOnlyRefusesWrites(t, ts, "/api/v2/architect/schedules", id, newSchedule("x"), body)

	c.must(204, "DELETE", "/api/v2/architect/schedules/"+id, nil)
	c.wantError(404, "not.found", "GET", "/api/v2/architect/schedules/"+id, nil)
	c.wantError(404, "not.found", "DELETE", "/api/v2/architect/schedules/"+id, nil)
	audits := routingAudits(t, ts, "dev", "Schedule")
	if got := auditActions(audits); strings.Join(got, ",") != "Create,Update,Delete" {
		t.Errorf("audit actions = %v", got)
	}
	if host.Deref(audits[0].ServiceName) != "Architect" {
		t.Errorf("audit service = %v", host.Deref(audits[0].ServiceName))
	}
}

func TestScheduleListing(t *testing.T) {
	_, c := parallelDevOrg(t)
	for _, n := range []string{"Holidays", "Weekdays", "Weekend", "Closed"} {
		c.must(200, "POST", "/api/v2/architect/schedules", newSchedule(n))
	}
	c.wantListedNames("/api/v2/architect/schedules", []listingCase{
		{"", "Closed,Holidays,Weekdays,Weekend"},
		{q("name", "Week*"), "Weekdays,Weekend"},
		{q("name", "weekend"), "Weekend"},
		{q("sortOrder", "desc"), "Weekend,Weekdays,Holidays,Closed"},
		{q("sortOrder", "DESC", "sortBy", "name"), "Weekend,Weekdays,Holidays,Closed"},
		{q("divisionId", "00000000-0000-0000-0000-000000000000"), ""},
	})
	l := c.must(200, "GET", "/api/v2/architect/schedules?pageSize=3&pageNumber=2", nil)
	if l["total"].(float64) != 4 || l["totalNumberOfEntities"].(float64) != 4 || l["pageCount"].(float64) != 2 || len(names(l)) != 1 ||
		l["nextUri"] != nil || l["previousUri"] != "/api/v2/architect/schedules?pageSize=3&pageNumber=1" {
		t.Errorf("page 2 = %v", l)
	}
	c.wantError(400, "invalid.value", "GET", "/api/v2/architect/schedules?sortOrder=up", nil)
	c.wantError(400, "invalid.value", "GET", "/api/v2/architect/schedules?sortBy=start", nil)
	c.wantError(400, "bad.request", "GET", "/api/v2/architect/schedules?pageSize=0", nil)
}

// readOnlyRefusesWrites checks that the read-only client reads the object with id in a
// collection and is refused (403) its create, PUT and DELETE.
func readOnlyRefusesWrites(t *testing.T, ts *TestServer, coll, id string, create, update any) {
	t.Helper()
	ro := newRawClient(t, ts, "dev", "readonly")
	ro.must(200, "GET", coll+"/"+id, nil)
	ro.wantError(403, "missing.permissions", "POST", coll, create)
	ro.wantError(403, "missing.permissions", "PUT", coll+"/"+id, update)
	ro.wantError(403, "missing.permissions", "DELETE", coll+"/"+id, nil)
}
