package orgserver

import (
	"strings"
	"testing"

	"github.com/cxascode/cxascode/internal/orgserver/host"
)

const didPools = "/api/v2/telephony/providers/edges/didpools"

func TestDIDPoolLifecycle(t *testing.T) {
	ts, c := parallelDevOrg(t)

	p := c.must(200, "POST", didPools, map[string]any{"startPhoneNumber": "+13175550000", "endPhoneNumber": "+13175550099", "description": "main", "provider": "PURE_CLOUD"})
	id := p["id"].(string)
	if p["version"].(float64) != 1 || p["state"] != "active" || p["name"] != "+13175550000" || p["provider"] != "PURE_CLOUD" ||
		p["selfUri"] != didPools+"/"+id || p["division"] == nil {
		t.Errorf("created pool = %v", p)
	}
	c.wantFieldRefusals(didPools, []fieldRefusal{
		{map[string]any{"endPhoneNumber": "+13175550099"}, "[startPhoneNumber]"},
		{map[string]any{"startPhoneNumber": "+13175550000"}, "[endPhoneNumber]"},
		{map[string]any{"startPhoneNumber": "13175550000", "endPhoneNumber": "+13175550099"}, "[startPhoneNumber]"},
		{map[string]any{"startPhoneNumber": "+13175550000", "endPhoneNumber": "+1317555009x"}, "[endPhoneNumber]"},
		{map[string]any{"startPhoneNumber": "+13175550099", "endPhoneNumber": "+13175550000"}, "[endPhoneNumber]"},
		{map[string]any{"startPhoneNumber": "+13175550000", "endPhoneNumber": "+131755500990"}, "[endPhoneNumber]"},
	})
	c.wantError(400, "invalid.value", "POST", didPools, map[string]any{"startPhoneNumber": "+13175551000", "endPhoneNumber": "+13175551099", "provider": "CARRIER"})
	// Overlapping another pool is a conflict; touching is not.
	c.wantError(409, "general.conflict", "POST", didPools, map[string]any{"startPhoneNumber": "+13175550050", "endPhoneNumber": "+13175550150"})
	other := c.must(200, "POST", didPools, map[string]any{"startPhoneNumber": "+13175550100", "endPhoneNumber": "+13175550199"})["id"].(string)

	put := map[string]any{"startPhoneNumber": "+13175550000", "endPhoneNumber": "+13175550049", "comments": "halved"}
	got := c.wantVersionedPut(didPools+"/"+id, put)
	if got["version"].(float64) != 2 || got["endPhoneNumber"] != "+13175550049" || got["comments"] != "halved" || got["description"] != nil {
		t.Errorf("after PUT = %v", got)
	}
	c.wantError(409, "general.conflict", "PUT", didPools+"/"+id, map[string]any{"startPhoneNumber": "+13175550000", "endPhoneNumber": "+13175550100", "version": 2})
	c.wantError(404, "not.found", "GET", didPools+"/00000000-0000-0000-0000-000000000000", nil)

	ro := newRawClient(t, ts, "dev", "readonly")
	ro.must(200, "GET", didPools+"/"+id, nil)
	ro.must(200, "GET", didPools, nil)
	ro.wantError(403, "missing.permissions", "POST", didPools, map[string]any{"startPhoneNumber": "+13175559000", "endPhoneNumber": "+13175559001"})
	ro.wantError(403, "missing.permissions", "PUT", didPools+"/"+id, put)
	ro.wantError(403, "missing.permissions", "DELETE", didPools+"/"+id, nil)

	c.must(204, "DELETE", didPools+"/"+other, nil)
	c.wantError(404, "not.found", "GET", didPools+"/"+other, nil)
	audits := routingAudits(t, ts, "dev", "DIDPool")
	if got := auditActions(audits); strings.Join(got, ",") != "Create,Create,Update,Delete" || host.Deref(audits[0].ServiceName) != "Telephony" {
		t.Errorf("audit actions = %v", got)
	}
}

func TestDIDPoolListingAndNumbers(t *testing.T) {
	_, c := parallelDevOrg(t)
	b := c.must(200, "POST", didPools, map[string]any{"startPhoneNumber": "+13175552000", "endPhoneNumber": "+13175552004"})["id"].(string)
	a := c.must(200, "POST", didPools, map[string]any{"startPhoneNumber": "+13175551000", "endPhoneNumber": "+13175551002"})["id"].(string)
	big := c.must(200, "POST", didPools, map[string]any{"startPhoneNumber": "+4420000000", "endPhoneNumber": "+4420999999"})["id"].(string)

	l := c.must(200, "GET", didPools+"?pageSize=2", nil)
	ents := l["entities"].([]any)
	if l["totalNumberOfEntities"].(float64) != 3 || l["pageCount"].(float64) != 2 || len(ents) != 2 ||
		ents[0].(map[string]any)["id"] != big || ents[1].(map[string]any)["id"] != a {
		t.Errorf("pool listing = %v", l)
	}
	if got := c.must(200, "GET", didPools+q("id", b), nil); len(got["entities"].([]any)) != 1 {
		t.Errorf("id filter = %v", got)
	}
	c.wantError(400, "invalid.value", "GET", didPools+"?sortBy=name", nil)

	ivr := c.must(200, "POST", "/api/v2/architect/ivrs", map[string]any{"name": "Main", "dnis": []string{"+13175552001", "+13175551000"}})
	ivrID := ivr["id"].(string)

	dids := didPools + "/dids"
	numbers := func(query string) string {
		var out []string
		for _, e := range c.must(200, "GET", dids+query, nil)["entities"].([]any) {
			m := e.(map[string]any)
			s := m["number"].(string)
			if m["assigned"] == true {
				owner := m["owner"].(map[string]any)
				if owner["id"] != ivrID || owner["name"] != "Main" || m["ownerType"] != "IVR_CONFIG" {
					t.Errorf("assigned number %v", m)
				}
				s += "*"
			}
			out = append(out, s)
		}
		return strings.Join(out, ",")
	}
	for _, tc := range []struct{ query, want string }{
		{q("type", "ASSIGNED"), "+13175551000*,+13175552001*"},
		{q("type", "ASSIGNED_AND_UNASSIGNED", "id", a), "+13175551000*,+13175551001,+13175551002"},
		{q("type", "UNASSIGNED", "id", a+","+b), "+13175551001,+13175551002,+13175552000,+13175552002,+13175552003,+13175552004"},
		{q("type", "ASSIGNED_AND_UNASSIGNED", "id", b, "numberMatch", "2003"), "+13175552003"},
		{q("type", "ASSIGNED", "id", b, "sortOrder", "descending"), "+13175552001*"},
	} {
		if got := numbers(tc.query); got != tc.want {
			t.Errorf("GET dids%s = %q, want %q", tc.query, got, tc.want)
		}
	}
	l = c.must(200, "GET", dids+q("type", "UNASSIGNED", "id", b, "pageSize", "2", "pageNumber", "2"), nil)
	if l["total"].(float64) != 4 || l["pageCount"].(float64) != 2 || len(l["entities"].([]any)) != 2 {
		t.Errorf("dids page 2 = %v", l)
	}
	c.wantError(400, "bad.request", "GET", dids, nil)
	c.wantError(400, "invalid.value", "GET", dids+"?type=SOME", nil)
	m := c.wantError(400, "bad.request", "GET", dids+"?type=UNASSIGNED", nil) // the +44 pool has a million numbers
	if !strings.Contains(m["message"].(string), "10000") {
		t.Errorf("enumeration cap message = %v", m["message"])
	}

	// A pool with numbers in use cannot be deleted or shrunk past them.
	c.wantError(409, "general.conflict", "DELETE", didPools+"/"+a, nil)
	c.wantError(409, "general.conflict", "PUT", didPools+"/"+a, map[string]any{"startPhoneNumber": "+13175551001", "endPhoneNumber": "+13175551002", "version": 1})
	c.must(204, "DELETE", "/api/v2/architect/ivrs/"+ivrID, nil)
	c.must(204, "DELETE", didPools+"/"+a, nil)
}

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
