package orgserver

import "testing"

// A work type's statuses live under it: created, listed and answered there only, named
// uniquely among its statuses, checked against the API's categories and moving only to
// statuses that exist, and gone with the work type.
func TestWorktypeStatusesUnderTheirWorktype(t *testing.T) {
	_, c := parallelDevOrg(t)
	workbin := c.must(200, "POST", "/api/v2/taskmanagement/workbins", map[string]any{"name": "Claims"})["id"].(string)
	worktype := func(name string) string {
		return c.must(200, "POST", "/api/v2/taskmanagement/worktypes", map[string]any{"name": name, "defaultWorkbinId": workbin})["id"].(string)
	}
	claim, refund := worktype("Claim"), worktype("Refund")
	statuses := "/api/v2/taskmanagement/worktypes/" + claim + "/statuses"

	c.wantError(404, "not.found", "POST", "/api/v2/taskmanagement/worktypes/00000000-0000-0000-0000-00000000abcd/statuses",
		map[string]any{"name": "New", "category": "Open"})
	c.wantRefusals(statuses, []refusal{
		{"no name", map[string]any{"category": "Open"}, "bad.request", "[name]"},
		{"no category", map[string]any{"name": "New"}, "bad.request", "[category]"},
		{"unknown category", map[string]any{"name": "New", "category": "Pending"}, "invalid.value", "category"},
		{"unknown destination", map[string]any{"name": "New", "category": "Open", "destinationStatusIds": []any{"00000000-0000-0000-0000-00000000abcd"}}, "bad.request", "[destinationStatusIds]"},
	})

	done := c.must(200, "POST", statuses, map[string]any{"name": "Settled", "category": "Closed"})
	doneID := done["id"].(string)
	if ref, _ := done["worktype"].(map[string]any); ref["id"] != claim || ref["name"] != "Claim" {
		t.Errorf("created status refers to %v, want its work type", done["worktype"])
	}
	open := c.must(200, "POST", statuses, map[string]any{"name": "New", "category": "Open",
		"destinationStatusIds": []any{doneID}, "defaultDestinationStatusId": doneID, "statusTransitionDelaySeconds": 3600})
	if dest, _ := open["destinationStatuses"].([]any); len(dest) != 1 || dest[0].(map[string]any)["id"] != doneID ||
		open["defaultDestinationStatus"].(map[string]any)["id"] != doneID {
		t.Errorf("status with transitions = %v", open)
	}
	c.wantError(409, "general.conflict", "POST", statuses, map[string]any{"name": "settled", "category": "Closed"})
	// Another work type's statuses are its own: the same name is free there, and its path
	// answers none of this one's.
	refundStatuses := "/api/v2/taskmanagement/worktypes/" + refund + "/statuses"
	c.must(200, "POST", refundStatuses, map[string]any{"name": "Settled", "category": "Closed"})
	c.wantError(404, "not.found", "GET", refundStatuses+"/"+doneID, nil)
	c.wantError(404, "not.found", "PATCH", refundStatuses+"/"+doneID, map[string]any{"description": "moved"})
	if l := c.must(200, "GET", statuses, nil); len(l["entities"].([]any)) != 2 {
		t.Errorf("statuses of the claim = %v", l["entities"])
	}

	if got := c.must(200, "PATCH", statuses+"/"+doneID, map[string]any{"description": "Paid or refused"}); got["description"] != "Paid or refused" || got["category"] != "Closed" {
		t.Errorf("patched status = %v", got)
	}
	c.must(204, "DELETE", "/api/v2/taskmanagement/worktypes/"+claim, nil)
	c.wantError(404, "not.found", "GET", statuses+"/"+doneID, nil)
	c.wantError(404, "not.found", "GET", statuses, nil)
}
