package orgserver

import (
	"strings"
	"testing"
)

func TestWrapupCodesLifecycle(t *testing.T) {
	ts, c := parallelDevOrg(t)
	home := routingHomeDivision(t, ts, "dev")

	wc := c.must(200, "POST", "/api/v2/routing/wrapupcodes", map[string]any{"name": "Sale", "description": "sold"})
	id := wc["id"].(string)
	client := ts.Credential(t, "dev", "deploy").ClientID
	div, _ := wc["division"].(map[string]any)
	if div["id"] != home || div["name"] != "Home" || div["selfUri"] != "/api/v2/authorization/divisions/"+home {
		t.Errorf("division = %v, want the home division", wc["division"])
	}
	if wc["createdBy"] != client || wc["modifiedBy"] != client || wc["dateCreated"] == nil || wc["selfUri"] != "/api/v2/routing/wrapupcodes/"+id || wc["description"] != "sold" {
		t.Errorf("created code = %v", wc)
	}
	c.wantError(409, "general.conflict", "POST", "/api/v2/routing/wrapupcodes", map[string]any{"name": "SALE"})
	c.wantFieldRefusals("/api/v2/routing/wrapupcodes", []fieldRefusal{
		{map[string]any{"description": "no name"}, "[name]"},
		{map[string]any{"name": "X", "division": map[string]any{"id": "nope"}}, "[division.id]"},
	})

	if got := c.must(200, "GET", "/api/v2/routing/wrapupcodes/"+id, nil); got["name"] != "Sale" {
		t.Errorf("get = %v", got)
	}
	// PUT replaces: the description goes, the division stays, creation data stays.
	put := c.must(200, "PUT", "/api/v2/routing/wrapupcodes/"+id, map[string]any{"name": "Sale closed"})
	if put["name"] != "Sale closed" || put["description"] != nil || put["dateCreated"] != wc["dateCreated"] || put["division"].(map[string]any)["id"] != home {
		t.Errorf("after PUT = %v", put)
	}
	other := c.must(200, "POST", "/api/v2/routing/wrapupcodes", map[string]any{"name": "Other"})["id"].(string)
	c.wantError(409, "general.conflict", "PUT", "/api/v2/routing/wrapupcodes/"+other, map[string]any{"name": "sale closed"})
	c.wantError(400, "bad.request", "PUT", "/api/v2/routing/wrapupcodes/"+other, map[string]any{"name": ""})
	c.wantError(404, "not.found", "PUT", "/api/v2/routing/wrapupcodes/00000000-0000-0000-0000-000000000000", map[string]any{"name": "x"})

	readOnlyRefusesWrites(t, ts, "/api/v2/routing/wrapupcodes", id, map[string]any{"name": "x"}, map[string]any{"name": "x"})

	c.must(204, "DELETE", "/api/v2/routing/wrapupcodes/"+id, nil)
	c.wantError(404, "not.found", "GET", "/api/v2/routing/wrapupcodes/"+id, nil)
	c.wantError(404, "not.found", "DELETE", "/api/v2/routing/wrapupcodes/"+id, nil)
	if got := auditActions(routingAudits(t, ts, "dev", "WrapupCode")); strings.Join(got, ",") != "Create,Update,Create,Delete" {
		t.Errorf("audit actions = %v", got)
	}
}

func TestWrapupCodesListing(t *testing.T) {
	ts, c := parallelDevOrg(t)
	home := routingHomeDivision(t, ts, "dev")
	ids := c.createNamed("/api/v2/routing/wrapupcodes", "Sale", "Sales lead", "No sale", "Callback", "Resale")
	byID := "Sale,Sales lead"
	if ids["Sales lead"] < ids["Sale"] {
		byID = "Sales lead,Sale"
	}
	c.wantListedNames("/api/v2/routing/wrapupcodes", []listingCase{
		{"", "Callback,No sale,Resale,Sale,Sales lead"},
		{q("name", "Sale*"), "Sale,Sales lead"},
		{q("name", "*sale"), "No sale,Resale,Sale"},
		{q("name", "*ale*"), "No sale,Resale,Sale,Sales lead"},
		{q("name", "sale"), "Sale"},
		{q("name", "Sale*", "sortOrder", "descending"), "Sales lead,Sale"},
		{q("name", "Sale*", "sortBy", "id"), byID},
		{q("id", ids["Callback"]+","+ids["Resale"]), "Callback,Resale"},
		{q("divisionId", home, "name", "Call*"), "Callback"},
		{q("divisionId", "00000000-0000-0000-0000-000000000000"), ""},
	})
	m := c.wantError(400, "invalid.value", "GET", "/api/v2/routing/wrapupcodes?sortBy=date", nil)
	if !strings.Contains(m["message"].(string), "sortBy") {
		t.Errorf("message %q does not name sortBy", m["message"])
	}
	c.wantError(400, "invalid.value", "GET", "/api/v2/routing/wrapupcodes?sortOrder=asc", nil)
	l := c.must(200, "GET", "/api/v2/routing/wrapupcodes?pageSize=2&pageNumber=3", nil)
	if l["total"].(float64) != 5 || l["pageCount"].(float64) != 3 || l["nextUri"] != nil || len(names(l)) != 1 ||
		l["previousUri"] != "/api/v2/routing/wrapupcodes?pageSize=2&pageNumber=2" || l["firstUri"] != "/api/v2/routing/wrapupcodes?pageSize=2&pageNumber=1" {
		t.Errorf("last page = %v", l)
	}
}

// A wrap-up code in use by a queue can be deleted; it leaves the queue's code list.
func TestWrapupCodeDeleteDropsFromQueues(t *testing.T) {
	_, c := parallelDevOrg(t)
	code := c.must(200, "POST", "/api/v2/routing/wrapupcodes", map[string]any{"name": "Used"})["id"].(string)
	keep := c.must(200, "POST", "/api/v2/routing/wrapupcodes", map[string]any{"name": "Kept"})["id"].(string)
	qid := c.must(200, "POST", "/api/v2/routing/queues", map[string]any{"name": "Q"})["id"].(string)
	c.do("POST", "/api/v2/routing/queues/"+qid+"/wrapupcodes", []map[string]any{{"id": code}, {"id": keep}})
	// Renaming a code shows in the queue's list right away.
	c.must(200, "PUT", "/api/v2/routing/wrapupcodes/"+keep, map[string]any{"name": "A kept code"})
	if got := names(c.must(200, "GET", "/api/v2/routing/queues/"+qid+"/wrapupcodes", nil)); strings.Join(got, ",") != "A kept code,Used" {
		t.Errorf("queue codes before delete = %v", got)
	}
	c.must(204, "DELETE", "/api/v2/routing/wrapupcodes/"+code, nil)
	l := c.must(200, "GET", "/api/v2/routing/queues/"+qid+"/wrapupcodes", nil)
	if got := names(l); strings.Join(got, ",") != "A kept code" || l["total"].(float64) != 1 {
		t.Errorf("queue codes after delete = %v (total %v)", got, l["total"])
	}
}
