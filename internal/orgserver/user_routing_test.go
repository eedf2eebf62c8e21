package orgserver

import "testing"

func TestUserRoutingSkills(t *testing.T) {
	ts, c := parallelDevOrg(t)
	u := c.must(200, "POST", "/api/v2/users", map[string]any{"name": "Ann", "email": "ann@example.com"})
	base := "/api/v2/users/" + u["id"].(string) + "/routingskills"
	var skills []string
	for _, n := range []string{"Billing", "Sales", "Support"} {
		skills = append(skills, c.must(200, "POST", "/api/v2/routing/skills", map[string]any{"name": n})["id"].(string))
	}

	one := c.must(200, "POST", base, map[string]any{"id": skills[0], "proficiency": 3})
	if one["name"] != "Billing" || one["proficiency"].(float64) != 3 || one["state"] != "active" || one["skillUri"] != "/api/v2/routing/skills/"+skills[0] {
		t.Errorf("assigned = %v", one)
	}
	if got := c.must(200, "PUT", base+"/"+skills[0], map[string]any{"proficiency": 0}); got["proficiency"].(float64) != 0 {
		t.Errorf("put proficiency 0 = %v", got)
	}
	c.wantFieldRefusals(base, []fieldRefusal{
		{map[string]any{"id": "nope", "proficiency": 1}, "nope"},
		{map[string]any{"id": skills[1], "proficiency": 6}, "[proficiency]"},
		{map[string]any{"id": skills[1]}, "[proficiency]"},
	})
	// PATCH bulk adds and updates; PUT bulk replaces everything.
	l := c.must(200, "PATCH", base+"/bulk", []any{map[string]any{"id": skills[1], "proficiency": 2}, map[string]any{"id": skills[0], "proficiency": 5}})
	if l["total"].(float64) != 2 {
		t.Errorf("after patch bulk: %v", l)
	}
	l = c.must(200, "PUT", base+"/bulk", []any{map[string]any{"id": skills[2], "proficiency": 4}})
	if l["total"].(float64) != 1 || l["entities"].([]any)[0].(map[string]any)["name"] != "Support" {
		t.Errorf("after put bulk: %v", l)
	}
	if g := c.must(200, "GET", base, nil); g["total"].(float64) != 1 {
		t.Errorf("listed after replace: %v", g)
	}
	got := c.must(200, "GET", "/api/v2/users/"+u["id"].(string)+"?expand=skills,languages", nil)
	if sk := got["skills"].([]any); len(sk) != 1 || sk[0].(map[string]any)["id"] != skills[2] {
		t.Errorf("expanded skills = %v", got["skills"])
	}
	if got["version"].(float64) != 1 {
		t.Errorf("skill changes must not bump the user version, got %v", got["version"])
	}
	c.wantError(400, "bad.request", "PUT", base+"/bulk", []any{map[string]any{"id": "nope", "proficiency": 1}})
	c.must(204, "DELETE", base+"/"+skills[2], nil)
	c.wantError(404, "not.found", "DELETE", base+"/"+skills[2], nil)
	c.wantError(404, "not.found", "GET", "/api/v2/users/nope/routingskills", nil)
	newRawClient(t, ts, "dev", "readonly").wantError(403, "missing.permissions", "PUT", base+"/bulk", []any{})
}

func TestUserRoutingLanguages(t *testing.T) {
	_, c := parallelDevOrg(t)
	u := c.must(200, "POST", "/api/v2/users", map[string]any{"name": "Ann", "email": "ann@example.com"})
	base := "/api/v2/users/" + u["id"].(string) + "/routinglanguages"
	fr := c.must(200, "POST", "/api/v2/routing/languages", map[string]any{"name": "French"})["id"].(string)

	if got := c.must(200, "POST", base, map[string]any{"id": fr, "proficiency": 2}); got["languageUri"] != "/api/v2/routing/languages/"+fr {
		t.Errorf("assigned = %v", got)
	}
	if got := c.must(200, "PATCH", base+"/"+fr, map[string]any{"proficiency": 4}); got["proficiency"].(float64) != 4 {
		t.Errorf("patched = %v", got)
	}
	many := make([]any, 51)
	for i := range many {
		many[i] = map[string]any{"id": fr, "proficiency": 1}
	}
	c.wantError(400, "bad.request", "PATCH", base+"/bulk", many)
	if l := c.must(200, "PATCH", base+"/bulk", many[:2]); l["total"].(float64) != 1 {
		t.Errorf("bulk = %v", l)
	}
	c.must(204, "DELETE", base+"/"+fr, nil)
	if l := c.must(200, "GET", base, nil); l["total"].(float64) != 0 {
		t.Errorf("after delete = %v", l)
	}
}
