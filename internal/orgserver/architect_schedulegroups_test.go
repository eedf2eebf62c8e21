package orgserver

import (
	"strings"
	"testing"
)

func TestScheduleGroupLifecycle(t *testing.T) {
	ts, c := parallelDevOrg(t)
	open := c.must(200, "POST", "/api/v2/architect/schedules", newSchedule("Open"))["id"].(string)
	closed := c.must(200, "POST", "/api/v2/architect/schedules", newSchedule("Closed"))["id"].(string)
	holiday := c.must(200, "POST", "/api/v2/architect/schedules", newSchedule("Holiday"))["id"].(string)

	g := c.must(200, "POST", "/api/v2/architect/schedulegroups", map[string]any{
		"name": "Support hours", "timeZone": "America/Indianapolis",
		"openSchedules": []any{map[string]any{"id": open}}, "closedSchedules": []any{map[string]any{"id": closed}},
	})
	gid := g["id"].(string)
	ref := g["openSchedules"].([]any)[0].(map[string]any)
	if g["version"].(float64) != 1 || g["timeZone"] != "America/Indianapolis" || ref["id"] != open || ref["name"] != "Open" ||
		ref["selfUri"] != "/api/v2/architect/schedules/"+open || g["holidaySchedules"] != nil {
		t.Errorf("created group = %v", g)
	}
	c.wantError(409, "general.conflict", "POST", "/api/v2/architect/schedulegroups", map[string]any{"name": "support HOURS"})
	c.wantFieldRefusals("/api/v2/architect/schedulegroups", []fieldRefusal{
		{map[string]any{"name": "X", "timeZone": "Mars/Olympus"}, "[timeZone]"},
		{map[string]any{"name": "X", "timeZone": "Local"}, "[timeZone]"},
		{map[string]any{"name": "X", "openSchedules": []any{map[string]any{"id": "nope"}}}, "[openSchedules]"},
		{map[string]any{"name": "X", "closedSchedules": []any{map[string]any{"id": "nope"}}}, "[closedSchedules]"},
		{map[string]any{"name": "X", "holidaySchedules": []any{map[string]any{"id": "nope"}}}, "[holidaySchedules]"},
		{map[string]any{"timeZone": "UTC"}, "[name]"},
	})

	// A schedule in a group cannot be deleted; renaming it shows in the group's reference.
	c.wantError(409, "general.conflict", "DELETE", "/api/v2/architect/schedules/"+open, nil)
	ren := newSchedule("Open renamed")
	ren["version"] = 1
	c.must(200, "PUT", "/api/v2/architect/schedules/"+open, ren)
	g = c.must(200, "GET", "/api/v2/architect/schedulegroups/"+gid, nil)
	if n := g["openSchedules"].([]any)[0].(map[string]any)["name"]; n != "Open renamed" || g["version"].(float64) != 1 {
		t.Errorf("group after schedule rename = %v", g)
	}

	put := map[string]any{"name": "Support hours", "timeZone": "Europe/Berlin", "version": 1,
		"openSchedules": []any{map[string]any{"id": open}}, "holidaySchedules": []any{map[string]any{"id": holiday}}}
	g = c.must(200, "PUT", "/api/v2/architect/schedulegroups/"+gid, put)
	if g["version"].(float64) != 2 || g["timeZone"] != "Europe/Berlin" || g["closedSchedules"] != nil || len(g["holidaySchedules"].([]any)) != 1 {
		t.Errorf("after PUT = %v", g)
	}
	c.wantError(409, "general.conflict", "PUT", "/api/v2/architect/schedulegroups/"+gid, put)
	c.must(204, "DELETE", "/api/v2/architect/schedules/"+closed, nil) // no longer referenced

	c.wantListedNames("/api/v2/architect/schedulegroups", []listingCase{
		{q("scheduleIds", holiday), "Support hours"},
		{q("scheduleIds", closed+","+open), "Support hours"},
		{q("scheduleIds", "00000000-0000-0000-0000-000000000000"), ""},
	})
	l := c.must(200, "GET", "/api/v2/architect/schedulegroups?pageSize=1", nil)
	if l["totalNumberOfEntities"].(float64) != 1 || l["pageCount"].(float64) != 1 {
		t.Errorf("listing = %v", l)
	}

	readOnlyRefusesWrites(t, ts, "/api/v2/architect/schedulegroups", gid, map[string]any{"name": "x"}, put)

	c.must(204, "DELETE", "/api/v2/architect/schedulegroups/"+gid, nil)
	c.wantError(404, "not.found", "GET", "/api/v2/architect/schedulegroups/"+gid, nil)
	if got := auditActions(routingAudits(t, ts, "dev", "ScheduleGroup")); strings.Join(got, ",") != "Create,Update,Delete" {
		t.Errorf("audit actions = %v", got)
	}
}
