package orgserver

import (
	"strings"
	"testing"

	"github.com/cxascode/cxascode/internal/orgserver/host"
)

func TestIntegrationLifecycle(t *testing.T) {
	ts, c := parallelDevOrg(t)

	// TF sends only the type; the name defaults to the type's name.
	ig := c.must(200, "POST", "/api/v2/integrations", map[string]any{"integrationType": map[string]any{"id": "custom-rest-actions"}})
	id := ig["id"].(string)
	if ig["name"] != "Web Services Data Actions" || ig["intendedState"] != "DISABLED" || ig["integrationType"].(map[string]any)["id"] != "custom-rest-actions" ||
		ig["reportedState"].(map[string]any)["code"] != "INACTIVE" || ig["selfUri"] != "/api/v2/integrations/"+id {
		t.Errorf("created integration = %v", ig)
	}
	c.wantError(400, "bad.request", "POST", "/api/v2/integrations", map[string]any{"name": "x"})
	m := c.wantError(400, "invalid.value", "POST", "/api/v2/integrations", map[string]any{"integrationType": map[string]any{"id": "fax-machine"}})
	if !strings.Contains(m["message"].(string), "integrationType.id") {
		t.Errorf("message %q does not name integrationType.id", m["message"])
	}

	cfg := c.must(200, "GET", "/api/v2/integrations/"+id+"/config/current", nil)
	if cfg["version"].(float64) != 1 || cfg["name"] != "Web Services Data Actions" || cfg["properties"] == nil || cfg["credentials"] == nil || cfg["notes"] != "" {
		t.Errorf("initial config = %v", cfg)
	}
	body := map[string]any{"name": "CRM", "notes": "crm calls", "properties": map[string]any{"k": "v"}, "advanced": map[string]any{},
		"credentials": map[string]any{"basicAuth": map[string]any{"id": "cred-1"}}}
	c.wantError(400, "bad.request", "PUT", "/api/v2/integrations/"+id+"/config/current", body)
	body["version"] = 5
	c.wantError(409, "general.conflict", "PUT", "/api/v2/integrations/"+id+"/config/current", body)
	body["version"] = 1
	cfg = c.must(200, "PUT", "/api/v2/integrations/"+id+"/config/current", body)
	if cfg["version"].(float64) != 2 || cfg["name"] != "CRM" || cfg["properties"].(map[string]any)["k"] != "v" ||
		cfg["credentials"].(map[string]any)["basicAuth"].(map[string]any)["id"] != "cred-1" {
		t.Errorf("config after PUT = %v", cfg)
	}
	bad := map[string]any{"version": 2, "properties": []any{1}}
	if m := c.wantError(400, "bad.request", "PUT", "/api/v2/integrations/"+id+"/config/current", bad); !strings.Contains(m["message"].(string), "[properties]") {
		t.Errorf("message %q does not name properties", m["message"])
	}
	if got := c.must(200, "GET", "/api/v2/integrations/"+id, nil); got["name"] != "CRM" || got["notes"] != "crm calls" {
		t.Errorf("integration after config PUT = %v", got)
	}

	got := c.must(200, "PATCH", "/api/v2/integrations/"+id, map[string]any{"intendedState": "ENABLED"})
	if got["intendedState"] != "ENABLED" || got["reportedState"].(map[string]any)["code"] != "ACTIVE" || got["name"] != "CRM" {
		t.Errorf("after enable = %v", got)
	}
	c.wantError(400, "invalid.value", "PATCH", "/api/v2/integrations/"+id, map[string]any{"intendedState": "ON"})
	c.must(200, "PATCH", "/api/v2/integrations/"+id, map[string]any{"name": "CRM 2"})
	if cfg := c.must(200, "GET", "/api/v2/integrations/"+id+"/config/current", nil); cfg["name"] != "CRM 2" || cfg["version"].(float64) != 3 {
		t.Errorf("config after rename = %v", cfg)
	}

	if tp := c.must(200, "GET", "/api/v2/integrations/types/purecloud-data-actions", nil); tp["name"] != "Genesys Cloud Data Actions" {
		t.Errorf("type = %v", tp)
	}
	c.wantError(404, "not.found", "GET", "/api/v2/integrations/types/nope", nil)
	c.wantError(404, "not.found", "GET", "/api/v2/integrations/00000000-0000-0000-0000-000000000000", nil)
	c.wantError(404, "not.found", "GET", "/api/v2/integrations/00000000-0000-0000-0000-000000000000/config/current", nil)

	app := c.must(200, "POST", "/api/v2/integrations", map[string]any{"name": "Side panel", "integrationType": map[string]any{"id": "embedded-client-app"}})["id"].(string)
	c.wantListedNames("/api/v2/integrations", []listingCase{
		{"", "CRM 2,Side panel"},
		{q("integrationType", "embedded-client-app"), "Side panel"},
		{q("ids", id), "CRM 2"},
	})
	if l := c.must(200, "GET", "/api/v2/integrations?pageSize=1&pageNumber=2", nil); l["total"].(float64) != 2 || l["pageCount"].(float64) != 2 || names(l)[0] != "Side panel" {
		t.Errorf("page 2 = %v", l)
	}

	ro := newRawClient(t, ts, "dev", "readonly")
	ro.must(200, "GET", "/api/v2/integrations/"+id, nil)
	ro.wantError(403, "missing.permissions", "POST", "/api/v2/integrations", map[string]any{"integrationType": map[string]any{"id": "custom-rest-actions"}})
	ro.wantError(403, "missing.permissions", "PATCH", "/api/v2/integrations/"+id, map[string]any{"intendedState": "DISABLED"})
	ro.wantError(403, "missing.permissions", "PUT", "/api/v2/integrations/"+id+"/config/current", body)
	ro.wantError(403, "missing.permissions", "DELETE", "/api/v2/integrations/"+id, nil)

	// DELETE answers with the deleted integration (the SDK expects a body).
	del := c.must(200, "DELETE", "/api/v2/integrations/"+app, nil)
	if del["id"] != app || del["name"] != "Side panel" {
		t.Errorf("DELETE body = %v", del)
	}
	c.wantError(404, "not.found", "GET", "/api/v2/integrations/"+app, nil)
	c.wantError(404, "not.found", "GET", "/api/v2/integrations/"+app+"/config/current", nil)
	audits := routingAudits(t, ts, "dev", "Integration")
	if got := auditActions(audits); strings.Join(got, ",") != "Create,Update,Update,Update,Create,Delete" || host.Deref(audits[0].ServiceName) != "Integrations" {
		t.Errorf("audit actions = %v", got)
	}
}
