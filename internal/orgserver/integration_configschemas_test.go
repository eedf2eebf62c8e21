package orgserver

import "testing"

func TestIntegrationConfigSchemas(t *testing.T) {
	_, c := parallelDevOrg(t)
	types := c.must(200, "GET", "/api/v2/integrations/types", nil)["entities"].([]any)
	for _, typ := range types {
		tm := typ.(map[string]any)
		for _, uri := range []string{tm["configPropertiesSchemaUri"].(string), tm["configAdvancedSchemaUri"].(string)} {
			doc := c.must(200, "GET", uri, nil)
			if doc["type"] != "object" || doc["$schema"] == nil || doc["properties"] == nil {
				t.Errorf("%s = %v", uri, doc)
			}
		}
	}
	app := c.must(200, "GET", "/api/v2/integrations/types/embedded-client-app/configschemas/properties", nil)
	if req := app["required"].([]any); len(req) != 1 || req[0] != "url" {
		t.Errorf("client app properties schema = %v", app)
	}
	c.wantError(400, "invalid.value", "GET", "/api/v2/integrations/types/custom-rest-actions/configschemas/secrets", nil)
	c.wantError(404, "not.found", "GET", "/api/v2/integrations/types/nope/configschemas/properties", nil)
}
