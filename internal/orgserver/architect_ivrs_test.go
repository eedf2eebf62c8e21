package orgserver

import (
	"strings"
	"testing"
)

func TestIVRLifecycle(t *testing.T) {
	ts, c := parallelDevOrg(t)
	c.must(200, "POST", didPools, map[string]any{"startPhoneNumber": "+13175550000", "endPhoneNumber": "+13175550099"})
	sched := c.must(200, "POST", "/api/v2/architect/schedules", newSchedule("Open"))["id"].(string)
	gid := c.must(200, "POST", "/api/v2/architect/schedulegroups", map[string]any{"name": "Hours", "openSchedules": []any{map[string]any{"id": sched}}})["id"].(string)
	openFlow := c.must(200, "POST", "/api/v2/flows", map[string]any{"name": "Open flow", "type": "INBOUNDCALL"})["id"].(string)
	closedFlow := c.must(200, "POST", "/api/v2/flows", map[string]any{"name": "Closed flow", "type": "INBOUNDCALL"})["id"].(string)

	ivr := c.must(200, "POST", "/api/v2/architect/ivrs", map[string]any{
		"name": "Main line", "dnis": []string{"+13175550001", "+13175550002", "+13175550001"},
		"openHoursFlow": map[string]any{"id": openFlow}, "closedHoursFlow": map[string]any{"id": closedFlow},
		"scheduleGroup": map[string]any{"id": gid},
	})
	id := ivr["id"].(string)
	sg := ivr["scheduleGroup"].(map[string]any)
	if ivr["version"].(float64) != 1 || len(ivr["dnis"].([]any)) != 2 || sg["name"] != "Hours" || sg["selfUri"] != "/api/v2/architect/schedulegroups/"+gid ||
		ivr["openHoursFlow"].(map[string]any)["selfUri"] != "/api/v2/flows/"+openFlow || ivr["openHoursFlow"].(map[string]any)["name"] != "Open flow" ||
		ivr["holidayHoursFlow"] != nil {
		t.Errorf("created IVR = %v", ivr)
	}
	c.wantFieldRefusals("/api/v2/architect/ivrs", []fieldRefusal{
		{map[string]any{"name": "X", "dnis": []string{"3175550003"}}, "[dnis]"},
		{map[string]any{"name": "X", "dnis": []string{"+03175550003"}}, "[dnis]"},
		{map[string]any{"name": "X", "dnis": []string{"+13175559999"}}, "[+13175559999]"},
		{map[string]any{"name": "X", "scheduleGroup": map[string]any{"id": "nope"}}, "[scheduleGroup]"},
		{map[string]any{"name": "X", "holidayHoursFlow": map[string]any{"id": "nope"}}, "[holidayHoursFlow]"},
		{map[string]any{"dnis": []string{}}, "[name]"},
	})
	// A number belongs to one IVR only; names are unique.
	m := c.wantError(409, "general.conflict", "POST", "/api/v2/architect/ivrs", map[string]any{"name": "Other", "dnis": []string{"+13175550002"}})
	if !strings.Contains(m["message"].(string), "+13175550002") {
		t.Errorf("dnis conflict message = %v", m["message"])
	}
	c.wantError(409, "general.conflict", "POST", "/api/v2/architect/ivrs", map[string]any{"name": "MAIN LINE"})
	other := c.must(200, "POST", "/api/v2/architect/ivrs", map[string]any{"name": "Other", "dnis": []string{"+13175550003"}})["id"].(string)

	// The schedule group is in use; renaming it shows in the IVR.
	c.wantError(409, "general.conflict", "DELETE", "/api/v2/architect/schedulegroups/"+gid, nil)
	c.must(200, "PUT", "/api/v2/architect/schedulegroups/"+gid, map[string]any{"name": "Hours 2", "version": 1, "openSchedules": []any{map[string]any{"id": sched}}})
	if n := c.must(200, "GET", "/api/v2/architect/ivrs/"+id, nil)["scheduleGroup"].(map[string]any)["name"]; n != "Hours 2" {
		t.Errorf("IVR schedule group name after rename = %v", n)
	}

	// PUT replaces (keeping its own numbers is fine) and needs the current version.
	put := map[string]any{"name": "Main line", "dnis": []string{"+13175550002", "+13175550004"}, "version": 1}
	got := c.must(200, "PUT", "/api/v2/architect/ivrs/"+id, put)
	if got["version"].(float64) != 2 || got["scheduleGroup"] != nil || got["openHoursFlow"] != nil || strings.Join(toStrings(got["dnis"]), ",") != "+13175550002,+13175550004" {
		t.Errorf("after PUT = %v", got)
	}
	c.wantError(409, "general.conflict", "PUT", "/api/v2/architect/ivrs/"+id, put)
	c.wantError(409, "general.conflict", "PUT", "/api/v2/architect/ivrs/"+other, map[string]any{"name": "Other", "dnis": []string{"+13175550004"}, "version": 1})
	c.wantError(404, "not.found", "PUT", "/api/v2/architect/ivrs/00000000-0000-0000-0000-000000000000", put)
	c.must(204, "DELETE", "/api/v2/architect/schedulegroups/"+gid, nil)

	c.wantListedNames("/api/v2/architect/ivrs", []listingCase{
		{"", "Main line,Other"},
		{q("dnis", "+13175550004"), "Main line"},
		{q("name", "Oth*"), "Other"},
		{q("scheduleGroup", gid), ""},
	})
	if l := c.must(200, "GET", "/api/v2/architect/ivrs?pageSize=1&pageNumber=2", nil); l["totalNumberOfEntities"].(float64) != 2 || names(l)[0] != "Other" {
		t.Errorf("page 2 = %v", l)
	}

	readOnlyRefusesWrites(t, ts, "/api/v2/architect/ivrs", id, map[string]any{"name": "x"}, put)

	c.must(204, "DELETE", "/api/v2/architect/ivrs/"+id, nil)
	c.wantError(404, "not.found", "GET", "/api/v2/architect/ivrs/"+id, nil)
	// Its numbers are free again.
	c.must(200, "PUT", "/api/v2/architect/ivrs/"+other, map[string]any{"name": "Other", "dnis": []string{"+13175550004"}, "version": 1})
	if got := auditActions(routingAudits(t, ts, "dev", "IVR")); strings.Join(got, ",") != "Create,Create,Update,Delete,Update" {
		t.Errorf("audit actions = %v", got)
	}
}

func toStrings(v any) []string {
	var out []string
	for _, x := range v.([]any) {
		out = append(out, x.(string))
	}
	return out
}
