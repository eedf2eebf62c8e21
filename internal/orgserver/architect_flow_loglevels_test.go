package orgserver

import "testing"

func TestFlowLogLevels(t *testing.T) {
	_, c := parallelDevOrg(t)
	list := c.must(200, "GET", "/api/v2/flows/instances/settings/loglevels", nil)
	if list["total"].(float64) != 0 || len(list["entities"].([]any)) != 0 {
		t.Fatalf("a new org's log levels = %v", list)
	}
	flow := c.must(200, "POST", "/api/v2/flows", map[string]any{"name": "Main IVR", "type": "inboundcall"})["id"].(string)
	path := "/api/v2/flows/" + flow + "/instances/settings/loglevels"
	c.wantError(404, "not.found", "GET", path, nil)
	c.wantError(404, "not.found", "PUT", path, map[string]any{"logLevelCharacteristics": map[string]any{"level": "All"}})

	created := c.must(200, "POST", path, map[string]any{"logLevelCharacteristics": map[string]any{"level": "Base"}})
	chars := created["logLevelCharacteristics"].(map[string]any)
	if created["id"] != flow || created["name"] != "Main IVR" || chars["level"] != "Base" ||
		chars["characteristics"].(map[string]any)["eventError"] != true || chars["characteristics"].(map[string]any)["variables"] != false {
		t.Errorf("created = %v", created)
	}
	c.wantError(409, "general.conflict", "POST", path, map[string]any{"logLevelCharacteristics": map[string]any{"level": "Base"}})

	put := c.must(200, "PUT", path, map[string]any{"logLevelCharacteristics": map[string]any{"level": "All", "characteristics": map[string]any{"variables": false}}})
	pc := put["logLevelCharacteristics"].(map[string]any)["characteristics"].(map[string]any)
	if pc["executionInputOutputs"] != true || pc["variables"] != false {
		t.Errorf("put = %v", put)
	}
	if got := c.must(200, "GET", path, nil); got["logLevelCharacteristics"].(map[string]any)["level"] != "All" {
		t.Errorf("after put = %v", got)
	}
	if l := c.must(200, "GET", "/api/v2/flows/instances/settings/loglevels?pageSize=1", nil); l["total"].(float64) != 1 || l["entities"].([]any)[0].(map[string]any)["id"] != flow {
		t.Errorf("listing = %v", l)
	}

	for _, bad := range []struct {
		code string
		body map[string]any
	}{
		{"bad.request", map[string]any{}},
		{"bad.request", map[string]any{"logLevelCharacteristics": map[string]any{}}},
		{"invalid.value", map[string]any{"logLevelCharacteristics": map[string]any{"level": "Loud"}}},
	} {
		c.wantError(400, bad.code, "PUT", path, bad.body)
	}
	c.wantError(404, "not.found", "POST", "/api/v2/flows/nope/instances/settings/loglevels", map[string]any{"logLevelCharacteristics": map[string]any{"level": "Base"}})
	c.wantError(400, "bad.request", "GET", "/api/v2/flows/instances/settings/loglevels?pageSize=201", nil)

	c.must(204, "DELETE", path, nil)
	c.wantError(404, "not.found", "GET", path, nil)
	c.wantError(404, "not.found", "DELETE", path, nil)

	// A deleted flow's setting goes with it.
	c.must(200, "POST", path, map[string]any{"logLevelCharacteristics": map[string]any{"level": "Notes"}})
	c.must(204, "DELETE", "/api/v2/flows/"+flow, nil)
	c.wantError(404, "not.found", "GET", path, nil)
	if l := c.must(200, "GET", "/api/v2/flows/instances/settings/loglevels", nil); l["total"].(float64) != 0 {
		t.Errorf("listing after the flow's delete = %v", l)
	}
}
