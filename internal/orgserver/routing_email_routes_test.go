package orgserver

import (
	"strings"
	"testing"
)

// An email route lives under its domain: written with its references checked and named,
// refused as the API refuses it, listed per domain, and gone with its domain.
func TestEmailRoutesUnderTheirDomain(t *testing.T) {
	_, c := parallelDevOrg(t)
	c.must(200, "POST", "/api/v2/routing/email/domains", map[string]any{"id": "support.example.com"})
	routes := "/api/v2/routing/email/domains/support.example.com/routes"
	queue := c.must(200, "POST", "/api/v2/routing/queues", map[string]any{"name": "Email support"})["id"].(string)
	skill := c.must(200, "POST", "/api/v2/routing/skills", map[string]any{"name": "Billing"})["id"].(string)

	route := c.must(200, "POST", routes, map[string]any{"pattern": "help", "fromName": "Support", "fromEmail": "help@support.example.com",
		"queue": map[string]any{"id": queue}, "priority": 3, "skills": []any{map[string]any{"id": skill}},
		"autoBcc": []any{map[string]any{"email": "audit@example.com", "name": "Audit"}}, "historyInclusion": "Include"})
	id := route["id"].(string)
	if route["selfUri"] != routes+"/"+id || route["queue"].(map[string]any)["name"] != "Email support" ||
		route["skills"].([]any)[0].(map[string]any)["name"] != "Billing" || route["priority"] != float64(3) {
		t.Errorf("created route = %v", route)
	}
	if got := c.must(200, "GET", routes+"/"+id, nil); got["pattern"] != "help" {
		t.Errorf("GET = %v", got)
	}

	for _, tc := range []struct {
		status int
		code   string
		body   map[string]any
		text   string
	}{
		{400, "bad.request", map[string]any{"fromName": "Support"}, "[pattern]"},
		{400, "bad.request", map[string]any{"pattern": "sales"}, "[fromName]"},
		{400, "invalid.value", map[string]any{"pattern": "sales", "fromName": "S", "historyInclusion": "Never"}, "historyInclusion"},
		{400, "bad.request", map[string]any{"pattern": "sales", "fromName": "S", "queue": map[string]any{"id": "no-such-queue"}}, "[queue.id]"},
		{400, "bad.request", map[string]any{"pattern": "sales", "fromName": "S", "skills": []any{map[string]any{"id": "nope"}}}, "[skills[0].id]"},
		{400, "bad.request", map[string]any{"pattern": "sales", "fromName": "S", "flow": map[string]any{"id": "nope"}}, "[flow.id]"},
		{400, "bad.request", map[string]any{"pattern": "sales", "fromName": "S", "replyEmailAddress": map[string]any{"route": map[string]any{"id": "nope"}}}, "[replyEmailAddress.route.id]"},
		{409, "general.conflict", map[string]any{"pattern": "HELP", "fromName": "S"}, "exists already"},
	} {
		m := c.wantError(tc.status, tc.code, "POST", routes, tc.body)
		if msg, _ := m["message"].(string); !strings.Contains(msg, tc.text) {
			t.Errorf("POST %v: message %q, want it to contain %q", tc.body, msg, tc.text)
		}
	}

	// A route may reply from itself; a PUT replaces the whole route.
	put := c.must(200, "PUT", routes+"/"+id, map[string]any{"pattern": "help", "fromName": "Support desk",
		"replyEmailAddress": map[string]any{"domain": map[string]any{"id": "support.example.com"}, "route": map[string]any{"id": id}}})
	if put["fromName"] != "Support desk" || put["queue"] != nil || put["replyEmailAddress"].(map[string]any)["route"].(map[string]any)["id"] != id {
		t.Errorf("after PUT = %v", put)
	}
	if l := c.must(200, "GET", routes+"?pattern=help", nil); l["total"] != float64(1) {
		t.Errorf("listing by pattern = %v", l)
	}
	c.wantError(404, "not.found", "GET", "/api/v2/routing/email/domains/other.example.com/routes", nil)
	c.wantError(404, "not.found", "POST", "/api/v2/routing/email/domains/other.example.com/routes", map[string]any{"pattern": "a", "fromName": "b"})

	// Routes go with their domain.
	c.must(204, "DELETE", "/api/v2/routing/email/domains/support.example.com", nil)
	c.must(200, "POST", "/api/v2/routing/email/domains", map[string]any{"id": "support.example.com"})
	if l := c.must(200, "GET", routes, nil); l["total"] != float64(0) {
		t.Errorf("routes of a new domain of the same name = %v", l)
	}
}
