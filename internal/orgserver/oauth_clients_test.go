package orgserver

import (
	"net/url"
	"testing"
)

// A client made through the API is a real client: its secret (answered once) gets a token,
// its roles decide what the token may do, an inactive or deleted client gets none, and the
// request is checked like any other (grant type, unknown role).
func TestOAuthClientsAreRealClients(t *testing.T) {
	ts, c := parallelDevOrg(t)
	role := c.must(200, "POST", "/api/v2/authorization/roles", map[string]any{"name": "Queue viewer",
		"permissionPolicies": []any{map[string]any{"domain": "routing", "entityName": "queue", "actionSet": []any{"view"}}}})["id"].(string)
	made := c.must(200, "POST", "/api/v2/oauth/clients", map[string]any{"name": "Wallboard", "authorizedGrantType": "CLIENT-CREDENTIALS",
		"roleDivisions": []any{map[string]any{"roleId": role}}})
	id, secret := made["id"].(string), made["secret"].(string)
	if secret == "" || made["state"] != "active" {
		t.Fatalf("create answered %v", made)
	}
	got := c.must(200, "GET", "/api/v2/oauth/clients/"+id, nil)
	if got["secret"] != nil {
		t.Errorf("GET answers the secret: %v", got)
	}
	home := c.must(200, "GET", "/api/v2/authorization/divisions/home", nil)["id"]
	if rds, _ := got["roleDivisions"].([]any); len(rds) != 1 || rds[0].(map[string]any)["divisionId"] != home {
		t.Errorf("a role without a division holds in the home division: %v", got["roleDivisions"])
	}

	token := func() (int, map[string]any) {
		return postToken(t, ts.URL, url.Values{"grant_type": {"client_credentials"}}, id, secret)
	}
	status, tok := token()
	if status != 200 {
		t.Fatalf("token for the new client: %d %v", status, tok)
	}
	wallboard := &rawClient{t: t, base: ts.URL, token: tok["access_token"].(string)}
	wallboard.must(200, "GET", "/api/v2/routing/queues", nil)
	wallboard.wantError(403, "missing.permissions", "POST", "/api/v2/routing/queues", map[string]any{"name": "Not allowed"})

	c.must(200, "PUT", "/api/v2/oauth/clients/"+id, map[string]any{"name": "Wallboard", "authorizedGrantType": "CLIENT-CREDENTIALS",
		"state": "inactive", "roleDivisions": []any{map[string]any{"roleId": role, "divisionId": home}}})
	if status, _ := token(); status != 401 {
		t.Errorf("token for an inactive client: %d, want 401", status)
	}
	c.must(200, "PUT", "/api/v2/oauth/clients/"+id, map[string]any{"name": "Wallboard", "authorizedGrantType": "CLIENT-CREDENTIALS"})
	if status, _ := token(); status != 200 {
		t.Errorf("token after reactivating: %d", status)
	}
	// The roles are gone with the update that left them out.
	wallboard.wantError(403, "missing.permissions", "GET", "/api/v2/routing/queues", nil)

	c.wantError(400, "invalid.value", "POST", "/api/v2/oauth/clients", map[string]any{"name": "Bad", "authorizedGrantType": "MAGIC"})
	c.wantError(400, "bad.request", "POST", "/api/v2/oauth/clients", map[string]any{"name": "Bad", "authorizedGrantType": "CODE",
		"roleDivisions": []any{map[string]any{"roleId": "nope", "divisionId": home}}})
	c.wantError(400, "bad.request", "POST", "/api/v2/oauth/clients", map[string]any{"authorizedGrantType": "CODE"})

	if r := c.do("DELETE", "/api/v2/oauth/clients/"+id, nil); r.Status != 204 {
		t.Fatalf("delete: %d %s", r.Status, r.Body)
	}
	if status, _ := token(); status != 401 {
		t.Errorf("token for a deleted client: %d, want 401", status)
	}
	c.wantError(404, "not.found", "GET", "/api/v2/oauth/clients/"+id, nil)
}
