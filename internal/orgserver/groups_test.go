package orgserver

import (
	"strings"
	"testing"
)

func TestGroupsLifecycle(t *testing.T) {
	ts, c := parallelDevOrg(t)
	valid := func(name string) map[string]any {
		return map[string]any{"name": name, "type": "official", "visibility": "public", "rulesVisible": true}
	}
	g := c.must(200, "POST", "/api/v2/groups", valid("Tier 1"))
	id := g["id"].(string)
	if g["version"].(float64) != 1 || g["memberCount"].(float64) != 0 || g["state"] != "active" {
		t.Errorf("created = %v", g)
	}
	c.wantError(409, "general.conflict", "POST", "/api/v2/groups", valid("tier 1"))
	for _, tc := range []struct {
		drop, set, value, code, field string
	}{
		{drop: "name", code: "bad.request", field: "[name]"},
		{drop: "type", code: "bad.request", field: "[type]"},
		{drop: "visibility", code: "bad.request", field: "[visibility]"},
		{drop: "rulesVisible", code: "bad.request", field: "[rulesVisible]"},
		{set: "type", value: "secret", code: "invalid.value", field: "[type]"},
		{set: "visibility", value: "nobody", code: "invalid.value", field: "[visibility]"},
	} {
		body := valid("X")
		delete(body, tc.drop)
		if tc.set != "" {
			body[tc.set] = tc.value
		}
		m := c.wantError(400, tc.code, "POST", "/api/v2/groups", body)
		if !strings.Contains(m["message"].(string), tc.field) {
			t.Errorf("%v: message %v does not name %s", body, m["message"], tc.field)
		}
	}
	c.wantError(400, "bad.request", "POST", "/api/v2/groups", map[string]any{"name": "X", "type": "official", "visibility": "public", "rulesVisible": true, "ownerIds": []string{"nope"}})

	p := c.must(200, "PUT", "/api/v2/groups/"+id, map[string]any{"version": 1, "name": "Tier One", "description": "first line"})
	if p["version"].(float64) != 2 || p["name"] != "Tier One" || p["visibility"] != "public" {
		t.Errorf("put = %v", p)
	}
	c.wantError(409, "general.conflict", "PUT", "/api/v2/groups/"+id, map[string]any{"version": 1, "name": "Tier One"})

	var users []string
	for _, e := range []string{"a@example.com", "b@example.com", "c@example.com"} {
		users = append(users, c.must(200, "POST", "/api/v2/users", map[string]any{"name": e, "email": e})["id"].(string))
	}
	if r := c.must(202, "POST", "/api/v2/groups/"+id+"/members", map[string]any{"memberIds": users, "version": 2}); len(r) != 0 {
		t.Errorf("member add body = %v, want {}", r)
	}
	c.wantError(409, "general.conflict", "POST", "/api/v2/groups/"+id+"/members", map[string]any{"memberIds": users, "version": 2})
	c.wantError(400, "bad.request", "POST", "/api/v2/groups/"+id+"/members", map[string]any{"memberIds": []string{"nope"}})
	if got := c.must(200, "GET", "/api/v2/groups/"+id, nil); got["memberCount"].(float64) != 3 || got["version"].(float64) != 3 {
		t.Errorf("after add = %v", got)
	}
	c.must(202, "DELETE", "/api/v2/groups/"+id+"/members?ids="+users[0]+","+users[1], nil)
	m := c.must(200, "GET", "/api/v2/groups/"+id+"/members", nil)
	if m["total"].(float64) != 1 || m["entities"].([]any)[0].(map[string]any)["id"] != users[2] {
		t.Errorf("members = %v", m)
	}
	if got := c.must(200, "GET", "/api/v2/groups/"+id, nil); got["memberCount"].(float64) != 1 {
		t.Errorf("memberCount after remove = %v", got["memberCount"])
	}
	c.must(200, "GET", "/api/v2/groups/"+id+"/individuals", nil)

	r := c.must(200, "POST", "/api/v2/groups/search", map[string]any{"query": []any{map[string]any{"type": "STARTS_WITH", "fields": []string{"name"}, "value": "tier"}}})
	if r["total"].(float64) != 1 || r["types"].([]any)[0] != "groups" {
		t.Errorf("search = %v", r)
	}
	r = c.must(200, "POST", "/api/v2/groups/search", map[string]any{"query": []any{map[string]any{"type": "EXACT", "fields": []string{"name"}, "value": "tier"}}})
	if r["total"].(float64) != 0 {
		t.Errorf("exact search = %v", r)
	}
	newRawClient(t, ts, "dev", "readonly").wantError(403, "missing.permissions", "DELETE", "/api/v2/groups/"+id, nil)
	c.must(204, "DELETE", "/api/v2/groups/"+id, nil)
	c.wantError(404, "not.found", "GET", "/api/v2/groups/"+id, nil)
	c.wantError(404, "not.found", "GET", "/api/v2/groups/"+id+"/members", nil)
}
