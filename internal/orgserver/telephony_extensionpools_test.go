package orgserver

import (
	"strings"
	"testing"

	"github.com/cxascode/cxascode/internal/orgserver/host"
)

const extensionPools = "/api/v2/telephony/providers/edges/extensionpools"

// Extension pools as the official provider writes them: numbers and a description, no name
// (the org names a pool after its first number), PUT with the version, ranges that do not
// overlap, lookups by a number the range holds.
func TestExtensionPoolLifecycle(t *testing.T) {
	ts, c := parallelDevOrg(t)

	p := c.must(200, "POST", extensionPools, map[string]any{"startNumber": "1000", "endNumber": "1999", "description": "agents"})
	id := p["id"].(string)
	if p["version"].(float64) != 1 || p["state"] != "active" || p["name"] != "1000" || p["selfUri"] != extensionPools+"/"+id ||
		p["division"] == nil || p["description"] != "agents" {
		t.Errorf("created pool = %v", p)
	}
	c.wantFieldRefusals(extensionPools, []fieldRefusal{
		{map[string]any{"endNumber": "1999"}, "[startNumber]"},
		{map[string]any{"startNumber": "2000"}, "[endNumber]"},
		{map[string]any{"startNumber": "+2000", "endNumber": "2999"}, "[startNumber]"},
		{map[string]any{"startNumber": "2000", "endNumber": "29x9"}, "[endNumber]"},
		{map[string]any{"startNumber": "2999", "endNumber": "2000"}, "[endNumber]"},
		{map[string]any{"startNumber": "2000", "endNumber": "29999"}, "[endNumber]"},
	})
	m := c.wantError(400, "bad.request", "POST", extensionPools, map[string]any{"startNumber": "3000", "endNumber": "3999",
		"division": map[string]any{"id": "00000000-0000-0000-0000-000000000000"}})
	if !strings.Contains(m["message"].(string), "[division.id]") {
		t.Errorf("unknown division: message %q does not name division.id", m["message"])
	}
	// Overlapping another pool of the same width is a conflict; another width is not.
	c.wantError(409, "general.conflict", "POST", extensionPools, map[string]any{"startNumber": "1500", "endNumber": "2500"})
	other := c.must(200, "POST", extensionPools, map[string]any{"startNumber": "100", "endNumber": "199"})["id"].(string)

	put := map[string]any{"startNumber": "1000", "endNumber": "1499", "description": "halved"}
	got := c.wantVersionedPut(extensionPools+"/"+id, put)
	if got["version"].(float64) != 2 || got["endNumber"] != "1499" || got["description"] != "halved" {
		t.Errorf("after PUT = %v", got)
	}

	byNumber := c.must(200, "GET", extensionPools+"?number=1200", nil)
	if ents := byNumber["entities"].([]any); len(ents) != 1 || ents[0].(map[string]any)["id"] != id {
		t.Errorf("pools holding 1200 = %v", byNumber["entities"])
	}
	if all := c.must(200, "GET", extensionPools+"?sortBy=endNumber", nil); all["total"].(float64) != 2 {
		t.Errorf("listing = %v", all)
	}
	c.wantError(400, "invalid.value", "GET", extensionPools+"?sortBy=name", nil)

	ro := newRawClient(t, ts, "dev", "readonly")
	ro.must(200, "GET", extensionPools+"/"+id, nil)
	ro.wantError(403, "missing.permissions", "POST", extensionPools, map[string]any{"startNumber": "5000", "endNumber": "5001"})
	ro.wantError(403, "missing.permissions", "DELETE", extensionPools+"/"+id, nil)

	c.must(204, "DELETE", extensionPools+"/"+other, nil)
	c.wantError(404, "not.found", "GET", extensionPools+"/"+other, nil)
	audits := routingAudits(t, ts, "dev", "ExtensionPool")
	if got := auditActions(audits); strings.Join(got, ",") != "Create,Create,Update,Delete" || host.Deref(audits[0].ServiceName) != "Telephony" {
		t.Errorf("audit actions = %v", got)
	}
}
