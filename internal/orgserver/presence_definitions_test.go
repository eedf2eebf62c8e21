package orgserver

import "testing"

// Custom presence definitions are written through both views and listed with the system
// ones; the older view answers its own model.
func TestCustomPresenceDefinitions(t *testing.T) {
	_, c := parallelDevOrg(t)
	lunch := c.must(200, "POST", "/api/v2/presence/definitions",
		map[string]any{"systemPresence": "Meal", "languageLabels": map[string]any{"en_US": "Lunch"}})
	id := lunch["id"].(string)
	c.must(200, "PUT", "/api/v2/presence/definitions/"+id,
		map[string]any{"systemPresence": "Meal", "deactivated": true, "languageLabels": map[string]any{"en_US": "Lunch"}})
	active := c.must(200, "GET", "/api/v2/presence/definitions", nil)
	all := c.must(200, "GET", "/api/v2/presence/definitions?deactivated=all", nil)
	if all["total"].(float64) != active["total"].(float64)+1 {
		t.Errorf("deactivated lunch: %v active, %v in all", active["total"], all["total"])
	}
	c.wantError(400, "bad.request", "POST", "/api/v2/presence/definitions", map[string]any{"systemPresence": "Meal"})

	old := c.must(200, "POST", "/api/v2/presencedefinitions",
		map[string]any{"systemPresence": "Break", "languageLabels": map[string]any{"en_US": "Coffee"}})
	if old["selfUri"] != "/api/v2/presencedefinitions/"+old["id"].(string) || old["primary"] != false {
		t.Errorf("older view's create = %v", old)
	}
	c.must(200, "GET", "/api/v2/presence/definitions/"+old["id"].(string), nil)
	c.do("DELETE", "/api/v2/presence/definitions/"+id, nil)
	c.wantError(404, "not.found", "GET", "/api/v2/presence/definitions/"+id, nil)
}
