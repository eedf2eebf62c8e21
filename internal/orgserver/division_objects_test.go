package orgserver

import "testing"

func TestMoveObjectsToDivision(t *testing.T) {
	_, c := parallelDevOrg(t)
	div := c.must(200, "POST", "/api/v2/authorization/divisions", map[string]any{"name": "Billing", "description": "x"})["id"].(string)
	q := c.must(200, "POST", "/api/v2/routing/queues", map[string]any{"name": "Moving"})["id"].(string)
	u := c.must(200, "POST", "/api/v2/users", map[string]any{"name": "Ann", "email": "ann@example.com"})
	c.must(204, "POST", "/api/v2/authorization/divisions/"+div+"/objects/QUEUE", []string{q})
	c.must(204, "POST", "/api/v2/authorization/divisions/"+div+"/objects/USER", []string{u["id"].(string)})
	if got := c.must(200, "GET", "/api/v2/routing/queues/"+q, nil)["division"].(map[string]any); got["id"] != div || got["name"] != "Billing" {
		t.Errorf("queue division after move = %v", got)
	}
	got := c.must(200, "GET", "/api/v2/users/"+u["id"].(string), nil)
	if got["division"].(map[string]any)["id"] != div || got["version"].(float64) != u["version"].(float64)+1 {
		t.Errorf("user after move = division %v version %v", got["division"], got["version"])
	}
	c.wantError(400, "invalid.value", "POST", "/api/v2/authorization/divisions/"+div+"/objects/PLANET", []string{q})
	c.wantError(400, "bad.request", "POST", "/api/v2/authorization/divisions/"+div+"/objects/QUEUE", []string{"nope"})
	c.wantError(404, "not.found", "POST", "/api/v2/authorization/divisions/nope/objects/QUEUE", []string{q})
	// A division holding objects cannot be deleted.
	c.wantError(400, "bad.request", "DELETE", "/api/v2/authorization/divisions/"+div, nil)
}
