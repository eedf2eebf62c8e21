package orgserver

import "testing"

func TestRolesLifecycle(t *testing.T) {
	ts, c := parallelDevOrg(t)

	admin := c.must(200, "GET", "/api/v2/authorization/roles"+q("name", "admin"), nil)
	if admin["total"].(float64) != 1 {
		t.Fatalf("seeded admin role: %v", admin)
	}
	a := admin["entities"].([]any)[0].(map[string]any)
	if a["default"] != true || a["permissions"].([]any)[0] != "*:*:*" {
		t.Errorf("admin = %v", a)
	}
	c.wantError(400, "bad.request", "DELETE", "/api/v2/authorization/roles/"+a["id"].(string), nil)

	role := c.must(200, "POST", "/api/v2/authorization/roles", map[string]any{"name": "Queue Admin", "permissions": []string{"routing:queue:add"},
		"permissionPolicies": []any{map[string]any{"domain": "routing", "entityName": "queue", "actionSet": []string{"add", "edit"}}}})
	id := role["id"].(string)
	if role["default"] != false || role["userCount"].(float64) != 0 {
		t.Errorf("created = %v", role)
	}
	c.wantError(409, "general.conflict", "POST", "/api/v2/authorization/roles", map[string]any{"name": "queue admin"})
	c.wantFieldRefusals("/api/v2/authorization/roles", []fieldRefusal{
		{map[string]any{"description": "x"}, "[name]"},
		{map[string]any{"name": "X", "permissions": []string{"routing:queue"}}, "[permissions]"},
		{map[string]any{"name": "X", "permissionPolicies": []any{map[string]any{"domain": "routing", "actionSet": []string{"add"}}}}, "[permissionPolicies.entityName]"},
	})
	put := c.must(200, "PUT", "/api/v2/authorization/roles/"+id, map[string]any{"name": "Queue Admin", "permissions": []string{"routing:queue:view"}})
	if put["permissionPolicies"] != nil || put["permissions"].([]any)[0] != "routing:queue:view" {
		t.Errorf("put replaces = %v", put)
	}
	patch := c.must(200, "PATCH", "/api/v2/authorization/roles/"+id, map[string]any{"description": "d"})
	if patch["description"] != "d" || patch["permissions"].([]any)[0] != "routing:queue:view" {
		t.Errorf("patch = %v", patch)
	}
	c.wantError(409, "general.conflict", "PUT", "/api/v2/authorization/roles/"+id, map[string]any{"name": "employee"})
	c.wantError(404, "not.found", "GET", "/api/v2/authorization/roles/nope", nil)
	l := c.must(200, "GET", "/api/v2/authorization/roles?pageSize=2", nil)
	if l["pageCount"].(float64) != float64((int(l["total"].(float64))+1)/2) || len(l["entities"].([]any)) != 2 {
		t.Errorf("paging = %v", l)
	}
	newRawClient(t, ts, "dev", "readonly").wantError(403, "missing.permissions", "POST", "/api/v2/authorization/roles", map[string]any{"name": "Y"})
	c.must(204, "DELETE", "/api/v2/authorization/roles/"+id, nil)
	c.wantError(404, "not.found", "GET", "/api/v2/authorization/roles/"+id, nil)
}
