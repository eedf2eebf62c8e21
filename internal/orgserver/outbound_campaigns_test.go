package orgserver

import (
	"strings"
	"testing"
)

// A campaign is refused as the real API refuses it, naming the field, and taken with phone
// columns named alone, as the official provider writes them.
func TestCampaignRefusals(t *testing.T) {
	_, c := parallelDevOrg(t)
	const campaigns = "/api/v2/outbound/campaigns"
	list := c.must(200, "POST", contactLists, map[string]any{"name": "Renewals", "columnNames": []any{"phone"}})["id"].(string)
	campaign := func() map[string]any {
		return map[string]any{"name": "Renewals", "dialingMode": "preview", "contactList": map[string]any{"id": list},
			"callerName": "Example", "callerAddress": "+13175550100",
			"phoneColumns": []any{map[string]any{"columnName": "phone"}}}
	}
	noMode := campaign()
	delete(noMode, "dialingMode")
	noColumns := campaign()
	delete(noColumns, "phoneColumns")
	badQueue := campaign()
	badQueue["queue"] = map[string]any{"id": "no-such-queue"}
	badDNC := campaign()
	badDNC["dncLists"] = []any{map[string]any{"id": "no-such-list"}}
	badScript := campaign()
	badScript["script"] = map[string]any{"id": "no-such-script"}
	for _, tc := range []struct {
		name  string
		body  map[string]any
		field string
	}{
		{"no dialing mode", noMode, "dialingMode"},
		{"no phone columns", noColumns, "phoneColumns"},
		{"missing queue", badQueue, "queue.id"},
		{"missing DNC list", badDNC, "dncLists[].id"},
		{"missing script", badScript, "script.id"},
	} {
		m := c.wantError(400, "bad.request", "POST", campaigns, tc.body)
		if msg, _ := m["message"].(string); !strings.Contains(msg, tc.field) {
			t.Errorf("%s: message %q does not name %s", tc.name, msg, tc.field)
		}
	}
	made := c.must(200, "POST", campaigns, campaign())
	if ref := made["contactList"].(map[string]any); ref["name"] != "Renewals" {
		t.Errorf("contact list of the created campaign = %v", ref)
	}
}
