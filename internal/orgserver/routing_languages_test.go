package orgserver

import (
	"encoding/json"
	"fmt"
	"testing"

	"github.com/cxascode/cxascode/internal/orgserver/host"
	"github.com/cxascode/cxascode/internal/platform"
)

func TestLanguagesLifecycle(t *testing.T) {
	ts, c := parallelDevOrg(t)

	l, deleted := c.wantSoftDeletedLifecycle("/api/v2/routing/languages", "French", "FRENCH", " ", "fre")
	id := l["id"].(string)
	if l["dateModified"] == nil {
		t.Errorf("created language = %v", l)
	}
	if deleted["version"] != "2" {
		t.Errorf("after delete: state %v version %v, want deleted and \"2\"", deleted["state"], deleted["version"])
	}
	c.wantError(400, "bad.request", "POST", "/api/v2/routing/languages", map[string]any{"name": 5})

	ro := newRawClient(t, ts, "dev", "readonly")
	ro.must(200, "GET", "/api/v2/routing/languages", nil)
	ro.wantError(403, "missing.permissions", "POST", "/api/v2/routing/languages", map[string]any{"name": "x"})
	ro.wantError(403, "missing.permissions", "DELETE", "/api/v2/routing/languages/"+id, nil)

	audits := routingAudits(t, ts, "dev", "Language")
	if len(audits) != 3 || *audits[0].Action != "Create" || *audits[1].Action != "Delete" {
		t.Errorf("language audit actions = %v", auditActions(audits))
	}
}

func TestLanguagesListing(t *testing.T) {
	_, c := parallelDevOrg(t)
	ids := c.createNamed("/api/v2/routing/languages", "German", "English", "Spanish", "Estonian", "Dutch")
	l := c.must(200, "GET", "/api/v2/routing/languages?pageSize=2&pageNumber=2", nil)
	if l["total"].(float64) != 5 || l["pageCount"].(float64) != 3 || names(l)[0] != "Estonian" || names(l)[1] != "German" {
		t.Errorf("page 2 = total %v pageCount %v names %v", l["total"], l["pageCount"], names(l))
	}
	if l["nextUri"] != "/api/v2/routing/languages?pageSize=2&pageNumber=3" || l["previousUri"] != "/api/v2/routing/languages?pageSize=2&pageNumber=1" ||
		l["lastUri"] != "/api/v2/routing/languages?pageSize=2&pageNumber=3" {
		t.Errorf("page URIs = %v / %v / %v", l["previousUri"], l["nextUri"], l["lastUri"])
	}
	if l := c.must(200, "GET", "/api/v2/routing/languages?pageSize=2&pageNumber=3", nil); l["nextUri"] != nil || len(names(l)) != 1 {
		t.Errorf("last page = %v", l)
	}
	c.wantListedNames("/api/v2/routing/languages", []listingCase{
		{q("name", "e"), "English,Estonian"},
		{q("name", "E", "sortOrder", "DESC"), "Estonian,English"},
		{q("id", ids["Dutch"]+","+ids["Spanish"]), "Dutch,Spanish"},
		{q("id", ids["Dutch"], "id", ids["German"]), "Dutch,German"},
		{q("name", "x"), ""},
	})
	c.wantError(400, "invalid.value", "GET", "/api/v2/routing/languages?sortOrder=sideways", nil)
	if l := c.must(200, "GET", "/api/v2/routing/languages?name=nothing", nil); l["pageCount"].(float64) != 0 || len(names(l)) != 0 {
		t.Errorf("empty listing = %v", l)
	}
}

// names lists the entity names of a listing.
func names(l map[string]any) []string {
	var out []string
	for _, e := range l["entities"].([]any) {
		out = append(out, fmt.Sprint(e.(map[string]any)["name"]))
	}
	return out
}

// routingAudits returns an org's audit messages of one entity type, oldest first.
func routingAudits(t *testing.T, ts *TestServer, org, entityType string) []platform.AuditLogMessage {
	t.Helper()
	var out []platform.AuditLogMessage
	for _, b := range ts.Store().AuditLog(ts.Credential(t, org, "deploy").OrgID) {
		var m platform.AuditLogMessage
		if err := json.Unmarshal(b, &m); err != nil {
			t.Fatal(err)
		}
		if host.Deref(m.EntityType) == entityType {
			out = append(out, m)
		}
	}
	return out
}

func auditActions(ms []platform.AuditLogMessage) []string {
	var out []string
	for _, m := range ms {
		out = append(out, host.Deref(m.Action))
	}
	return out
}
