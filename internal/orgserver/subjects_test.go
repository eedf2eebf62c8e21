package orgserver

import "testing"

func TestSubjectGrantsRoundTrip(t *testing.T) {
	ts, c := parallelDevOrg(t)
	u := c.must(200, "POST", "/api/v2/users", map[string]any{"name": "Ann", "email": "ann@example.com"})["id"].(string)
	role := c.must(200, "POST", "/api/v2/authorization/roles", map[string]any{"name": "Queue Admin", "permissions": []string{"routing:queue:add"}})["id"].(string)
	div := c.must(200, "POST", "/api/v2/authorization/divisions", map[string]any{"name": "Sales"})["id"].(string)
	subj := "/api/v2/authorization/subjects/" + u

	c.must(204, "POST", subj+"/bulkadd", map[string]any{"grants": []any{
		map[string]any{"roleId": role, "divisionId": div}, map[string]any{"roleId": role, "divisionId": "*"}}})
	got := c.must(200, "GET", subj, nil)
	if gs := got["grants"].([]any); len(gs) != 2 || got["name"] != "Ann" {
		t.Fatalf("subject = %v", got)
	}
	g := got["grants"].([]any)[0].(map[string]any)
	if g["subjectId"] != u || g["role"].(map[string]any)["name"] != "Queue Admin" || g["grantMadeAt"] == nil {
		t.Errorf("grant = %v", g)
	}
	if r := c.must(200, "GET", "/api/v2/authorization/roles/"+role, nil); r["userCount"].(float64) != 1 {
		t.Errorf("userCount = %v", r["userCount"])
	}
	sg := c.must(200, "GET", "/api/v2/authorization/roles/"+role+"/subjectgrants", nil)
	if e := sg["entities"].([]any); len(e) != 1 || len(e[0].(map[string]any)["divisions"].([]any)) != 2 || e[0].(map[string]any)["type"] != "PC_USER" {
		t.Errorf("subjectgrants = %v", sg)
	}
	if ru := c.must(200, "GET", "/api/v2/authorization/roles/"+role+"/users", nil); ru["total"].(float64) != 1 {
		t.Errorf("role users = %v", ru)
	}
	// The division and the role are in use now.
	c.wantError(400, "bad.request", "DELETE", "/api/v2/authorization/divisions/"+div, nil)
	c.wantError(400, "bad.request", "DELETE", "/api/v2/authorization/roles/"+role, nil)

	c.wantError(400, "bad.request", "POST", subj+"/bulkadd", map[string]any{"grants": []any{map[string]any{"roleId": "nope", "divisionId": div}}})
	c.wantError(400, "bad.request", "POST", subj+"/bulkadd", map[string]any{"grants": []any{map[string]any{"roleId": role, "divisionId": "nope"}}})
	c.wantError(404, "not.found", "POST", "/api/v2/authorization/subjects/nope/bulkadd", map[string]any{"grants": []any{}})

	c.must(204, "DELETE", subj+"/divisions/"+div+"/roles/"+role, nil)
	c.must(204, "POST", subj+"/bulkremove", map[string]any{"grants": []any{map[string]any{"roleId": role, "divisionId": "*"}}})
	if got := c.must(200, "GET", subj, nil); len(got["grants"].([]any)) != 0 {
		t.Errorf("after removals = %v", got)
	}
	c.must(204, "POST", subj+"/divisions/"+div+"/roles/"+role, nil)
	c.must(204, "POST", subj+"/bulkreplace", map[string]any{"grants": []any{map[string]any{"roleId": role, "divisionId": "*"}}})
	if gs := c.must(200, "GET", subj, nil)["grants"].([]any); len(gs) != 1 || gs[0].(map[string]any)["division"].(map[string]any)["id"] != "*" {
		t.Errorf("after replace = %v", gs)
	}

	// PUT /users/{id}/roles sets the role list; a new role is granted in the home division.
	ua := c.must(200, "PUT", "/api/v2/users/"+u+"/roles", []string{role, roleID(t, c, "employee")})
	if len(ua["roles"].([]any)) != 2 || len(ua["permissions"].([]any)) < 2 {
		t.Errorf("user authorization = %v", ua)
	}
	if got := c.must(200, "GET", "/api/v2/users/"+u+"/roles", nil); len(got["roles"].([]any)) != 2 {
		t.Errorf("get roles = %v", got)
	}
	c.must(200, "PUT", "/api/v2/users/"+u+"/roles", []string{})
	c.must(204, "DELETE", "/api/v2/authorization/roles/"+role, nil)
	newRawClient(t, ts, "dev", "readonly").wantError(403, "missing.permissions", "POST", subj+"/bulkadd", map[string]any{"grants": []any{}})
}

func roleID(t *testing.T, c *rawClient, name string) string {
	t.Helper()
	l := c.must(200, "GET", "/api/v2/authorization/roles"+q("name", name), nil)
	return l["entities"].([]any)[0].(map[string]any)["id"].(string)
}
