package orgserver

import (
	"encoding/base64"
	"encoding/json"
	"fmt"
	"strings"
	"testing"
)

func TestUsersLifecycle(t *testing.T) {
	ts, c := parallelDevOrg(t)

	u := c.must(200, "POST", "/api/v2/users", map[string]any{"name": "Ann Agent", "email": "ann@example.com"})
	id := u["id"].(string)
	if u["version"].(float64) != 1 || u["state"] != "active" || u["username"] != "ann@example.com" ||
		u["division"].(map[string]any)["name"] != "Home" || u["chat"].(map[string]any)["jabberId"] == "" {
		t.Errorf("created = %v", u)
	}
	c.wantError(409, "general.conflict", "POST", "/api/v2/users", map[string]any{"name": "Other", "email": "ANN@example.com"})
	c.wantRefusals("/api/v2/users", []refusal{
		{"no name", map[string]any{"email": "x@example.com"}, "bad.request", "[name]"},
		{"no email", map[string]any{"name": "X"}, "bad.request", "[email]"},
		{"unknown state", map[string]any{"name": "X", "email": "x@example.com", "state": "gone"}, "invalid.value", "[state]"},
		{"unknown division", map[string]any{"name": "X", "email": "x@example.com", "divisionId": "nope"}, "bad.request", "[divisionId]"},
	})
	mgr := c.must(200, "POST", "/api/v2/users", map[string]any{"name": "Max Manager", "email": "max@example.com"})

	p := c.must(200, "PATCH", "/api/v2/users/"+id, map[string]any{"version": 1, "title": "Agent", "manager": mgr["id"],
		"acdAutoAnswer": true, "certifications": []string{"cert"}, "employerInfo": map[string]any{"employeeId": "E1"}})
	if p["version"].(float64) != 2 || p["title"] != "Agent" || p["manager"].(map[string]any)["id"] != mgr["id"] || p["acdAutoAnswer"] != true {
		t.Errorf("patched = %v", p)
	}
	m := c.wantError(409, "general.conflict", "PATCH", "/api/v2/users/"+id, map[string]any{"version": 1, "title": "x"})
	if !strings.Contains(m["message"].(string), "does not match the current version") {
		t.Errorf("stale version message = %v", m["message"])
	}
	c.wantError(400, "bad.request", "PATCH", "/api/v2/users/"+id, map[string]any{"title": "x"})
	c.wantError(400, "bad.request", "PATCH", "/api/v2/users/"+id, map[string]any{"version": 2, "manager": "nope"})
	c.wantError(409, "general.conflict", "PATCH", "/api/v2/users/"+id, map[string]any{"version": 2, "email": "max@example.com"})
	c.wantError(404, "not.found", "PATCH", "/api/v2/users/nope", map[string]any{"version": 1})

	if got := c.must(200, "DELETE", "/api/v2/users/"+mgr["id"].(string), nil); len(got) != 0 {
		t.Errorf("delete body = %v, want {}", got)
	}
	// The state parameter defaults to active: a deleted user is 404 unless asked for.
	c.wantError(404, "not.found", "GET", "/api/v2/users/"+mgr["id"].(string), nil)
	if got := c.must(200, "GET", "/api/v2/users/"+mgr["id"].(string)+"?state=deleted", nil); got["state"] != "deleted" {
		t.Errorf("deleted user state = %v", got["state"])
	}
	if l := c.must(200, "GET", "/api/v2/users", nil); l["total"].(float64) != 1 {
		t.Errorf("default list total = %v, want 1 (deleted excluded)", l["total"])
	}
	if l := c.must(200, "GET", "/api/v2/users?state=deleted", nil); l["total"].(float64) != 1 {
		t.Errorf("deleted list total = %v", l["total"])
	}
	if l := c.must(200, "GET", "/api/v2/users?state=any&id="+id+","+mgr["id"].(string), nil); l["total"].(float64) != 2 {
		t.Errorf("bulk id list total = %v", l["total"])
	}
	c.wantError(400, "invalid.value", "GET", "/api/v2/users?state=gone", nil)
	// As on real orgs, a deleted user's email is still taken: the caller restores that user
	// (PATCH state=active) instead of creating a second one.
	m = c.wantError(409, "general.conflict", "POST", "/api/v2/users", map[string]any{"name": "Max Again", "email": "max@example.com"})
	if !strings.Contains(m["message"].(string), mgr["id"].(string)) {
		t.Errorf("409 for a deleted user's email does not name the user: %v", m["message"])
	}
	c.must(204, "POST", "/api/v2/users/"+id+"/password", map[string]any{"newPassword": "s3cret-Passw0rd"})
	c.wantError(400, "bad.request", "POST", "/api/v2/users/"+id+"/password", map[string]any{})
	c.wantError(404, "not.found", "GET", "/api/v2/users/00000000-0000-0000-0000-000000000000", nil)
	newRawClient(t, ts, "dev", "readonly").wantError(403, "missing.permissions", "PATCH", "/api/v2/users/"+id, map[string]any{"version": 2})
}

func TestUsersSearch(t *testing.T) {
	ts, c := parallelDevOrg(t)
	for i := range 5 {
		c.must(200, "POST", "/api/v2/users", map[string]any{"name": fmt.Sprintf("Agent %d", i), "email": fmt.Sprintf("agent%d@example.com", i)})
	}
	gone := c.must(200, "POST", "/api/v2/users", map[string]any{"name": "Gone", "email": "gone@example.com"})
	c.must(200, "DELETE", "/api/v2/users/"+gone["id"].(string), nil)

	crit := func(typ, field, value string) map[string]any {
		return map[string]any{"type": typ, "fields": []string{field}, "value": value}
	}
	for _, tc := range []struct {
		name  string
		query []any
		want  float64
	}{
		{"exact email", []any{crit("EXACT", "email", "AGENT1@example.com")}, 1},
		{"starts with name", []any{crit("STARTS_WITH", "name", "agent")}, 5},
		{"contains", []any{crit("CONTAINS", "email", "3@")}, 1},
		{"deleted hidden", []any{crit("EXACT", "email", "gone@example.com")}, 0},
		{"deleted by state", []any{crit("EXACT", "email", "gone@example.com"), map[string]any{"type": "EXACT", "fields": []string{"state"}, "values": []string{"deleted"}}}, 1},
		{"term", []any{crit("TERM", "name", "4")}, 1},
	} {
		r := c.must(200, "POST", "/api/v2/users/search", map[string]any{"query": tc.query})
		if r["total"].(float64) != tc.want {
			t.Errorf("%s: total %v, want %v", tc.name, r["total"], tc.want)
		}
	}
	r := c.must(200, "POST", "/api/v2/users/search", map[string]any{"pageSize": 2, "query": []any{crit("STARTS_WITH", "name", "agent")}})
	if r["pageCount"].(float64) != 3 || len(r["results"].([]any)) != 2 || r["types"].([]any)[0] != "users" {
		t.Fatalf("page 1 = %v", r)
	}
	// nextPage is a GET with q64, answered like the POST.
	next := c.must(200, "GET", r["nextPage"].(string), nil)
	if next["pageNumber"].(float64) != 2 || len(next["results"].([]any)) != 2 {
		t.Errorf("next page = %v", next)
	}
	b, _ := json.Marshal(map[string]any{"query": []any{crit("EXACT", "email", "agent2@example.com")}})
	if g := c.must(200, "GET", "/api/v2/users/search"+q("q64", base64.StdEncoding.EncodeToString(b)), nil); g["total"].(float64) != 1 {
		t.Errorf("q64 search = %v", g)
	}
	c.wantError(400, "invalid.value", "POST", "/api/v2/users/search", map[string]any{"query": []any{crit("FUZZY", "name", "a")}})
	m := c.wantError(400, "bad.request", "POST", "/api/v2/users/search", map[string]any{"query": []any{crit("EXACT", "shoeSize", "a")}})
	if !strings.Contains(m["message"].(string), "[shoeSize]") {
		t.Errorf("unknown field message = %v", m["message"])
	}
	// Search is a read: the read-only client may use it.
	newRawClient(t, ts, "dev", "readonly").must(200, "POST", "/api/v2/users/search", map[string]any{"query": []any{crit("EXACT", "email", "agent0@example.com")}})
}
