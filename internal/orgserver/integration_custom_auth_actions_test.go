package orgserver

import (
	"testing"
)

// A data actions integration gets its custom auth action when its configuration takes a
// user-defined OAuth credential, under the id the API derives from the integration's; the
// action is then read and patched like any data action, and goes with its integration.
func TestCustomAuthActionFollowsTheCredential(t *testing.T) {
	_, c := parallelDevOrg(t)
	newCredential := func(name, typ string) string {
		return c.must(200, "POST", "/api/v2/integrations/credentials", map[string]any{"name": name, "type": map[string]any{"name": typ},
			"credentialFields": map[string]any{"clientId": "a", "clientSecret": "b"}})["id"].(string)
	}
	ig := c.must(200, "POST", "/api/v2/integrations", map[string]any{"name": "CRM", "integrationType": map[string]any{"id": "custom-rest-actions"}})["id"].(string)
	action := "/api/v2/integrations/actions/customAuth_-_" + ig
	configure := func(credential string) {
		cfg := c.must(200, "GET", "/api/v2/integrations/"+ig+"/config/current", nil)
		c.must(200, "PUT", "/api/v2/integrations/"+ig+"/config/current", map[string]any{"name": "CRM", "version": cfg["version"],
			"credentials": map[string]any{"basicAuth": map[string]any{"id": credential}}})
	}

	// A basic auth credential makes no custom auth action.
	configure(newCredential("Basic", "basicAuth"))
	c.wantError(404, "not.found", "GET", action, nil)

	configure(newCredential("OAuth", "userDefinedOAuth"))
	got := c.must(200, "GET", action, nil)
	if got["integrationId"] != ig || got["version"] != float64(1) {
		t.Fatalf("custom auth action = %v", got)
	}
	patched := c.must(200, "PATCH", action, map[string]any{"name": "CRM login", "version": 1,
		"config": map[string]any{"request": map[string]any{"requestUrlTemplate": "https://crm.example.com/token", "requestType": "POST"}}})
	if patched["name"] != "CRM login" || patched["version"] != float64(2) {
		t.Errorf("patched = %v", patched)
	}
	// Configuring the integration again keeps the action as it was changed.
	configure(newCredential("OAuth 2", "userDefinedOAuth"))
	if got := c.must(200, "GET", action, nil); got["name"] != "CRM login" {
		t.Errorf("after reconfiguring = %v", got)
	}
	c.must(200, "DELETE", "/api/v2/integrations/"+ig, nil)
	c.wantError(404, "not.found", "GET", action, nil)
}
