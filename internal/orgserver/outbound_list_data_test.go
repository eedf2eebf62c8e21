package orgserver

import (
	"strings"
	"testing"
)

const contactLists = "/api/v2/outbound/contactlists"

// A contact list needs its columns, and its attempt limits must exist; the answer names the
// field as the API does.
func TestContactListValidation(t *testing.T) {
	_, c := parallelDevOrg(t)
	c.wantFieldRefusals(contactLists, []fieldRefusal{
		{map[string]any{"name": "Renewals"}, "[columnNames]"},
		{map[string]any{"name": "Renewals", "columnNames": "phone"}, "[columnNames]"},
		{map[string]any{"name": "Renewals", "columnNames": []any{"phone"}, "attemptLimits": map[string]any{"id": "no-such-limit"}}, "attemptLimits.id"},
		{map[string]any{"name": "Renewals", "columnNames": []any{"phone"}, "phoneColumns": []any{map[string]any{"columnName": "phone"}}}, "phoneColumns[0].type"},
	})
	limit := c.must(200, "POST", "/api/v2/outbound/attemptlimits", map[string]any{"name": "Three", "maxAttemptsPerContact": 3})["id"].(string)
	l := c.must(200, "POST", contactLists, map[string]any{"name": "Renewals", "columnNames": []any{"phone"},
		"attemptLimits": map[string]any{"id": limit}})
	if ref := l["attemptLimits"].(map[string]any); ref["name"] != "Three" {
		t.Errorf("attempt limits of the created list = %v", ref)
	}
	c.wantError(409, "general.conflict", "POST", contactLists, map[string]any{"name": "renewals", "columnNames": []any{"phone"}})
}

// The contacts of a list live outside the Platform API: the local org answers as for a list
// without any, and 404 for a list that does not exist.
func TestContactListData(t *testing.T) {
	_, c := parallelDevOrg(t)
	id := c.must(200, "POST", contactLists, map[string]any{"name": "Renewals", "columnNames": []any{"phone"}})["id"].(string)
	item := contactLists + "/" + id
	if st := c.must(200, "GET", item+"/importstatus", nil); st["state"] != "FULFILLED" || st["totalRecords"] != 0.0 {
		t.Errorf("import status = %v", st)
	}
	if found := c.must(200, "POST", item+"/contacts/search", map[string]any{}); found["total"] != 0.0 {
		t.Errorf("contacts found = %v", found)
	}
	if ref := c.must(200, "POST", item+"/export", map[string]any{}); ref["id"] != id {
		t.Errorf("export = %v", ref)
	}
	c.wantError(404, "not.found", "GET", item+"/export", nil)
	if r := c.do("POST", item+"/clear", nil); r.Status != 204 {
		t.Errorf("clear = %d %s", r.Status, r.Body)
	}
	missing := contactLists + "/00000000-0000-0000-0000-00000000abcd"
	for _, call := range [][2]string{{"POST", missing + "/clear"}, {"GET", missing + "/importstatus"}, {"POST", missing + "/export"}} {
		c.wantError(404, "not.found", call[0], call[1], nil)
	}
}

// A contact list filter's contact list must exist; the answer names the field.
func TestContactListFilterReferences(t *testing.T) {
	_, c := parallelDevOrg(t)
	const filters = "/api/v2/outbound/contactlistfilters"
	m := c.wantError(400, "bad.request", "POST", filters, map[string]any{"name": "Indiana", "contactList": map[string]any{"id": "no-such-list"}})
	if msg := m["message"].(string); !strings.Contains(msg, "contactList.id") {
		t.Errorf("message %q does not name contactList.id", msg)
	}
	list := c.must(200, "POST", contactLists, map[string]any{"name": "Renewals", "columnNames": []any{"state"}})["id"].(string)
	f := c.must(200, "POST", filters, map[string]any{"name": "Indiana", "contactList": map[string]any{"id": list},
		"clauses": []any{map[string]any{"predicates": []any{map[string]any{"column": "state", "operator": "EQUALS", "value": "IN"}}}}})
	if ref := f["contactList"].(map[string]any); ref["name"] != "Renewals" {
		t.Errorf("contact list of the created filter = %v", ref)
	}
}

// Numbers added to a DNC list are E.164 numbers; the list must exist.
func TestDNCListNumbers(t *testing.T) {
	_, c := parallelDevOrg(t)
	const dncLists = "/api/v2/outbound/dnclists"
	m := c.wantError(400, "bad.request", "POST", dncLists, map[string]any{"name": "Internal"})
	if msg := m["message"].(string); !strings.Contains(msg, "[dncSourceType]") {
		t.Errorf("a list without a source type: message %q does not name dncSourceType", msg)
	}
	id := c.must(200, "POST", dncLists, map[string]any{"name": "Internal", "dncSourceType": "rds"})["id"].(string)
	numbers := dncLists + "/" + id + "/phonenumbers"
	if r := c.do("POST", numbers+"?expirationDateTime=2030-01-01T00:00Z", []any{"+13175550100", "+13175550101"}); r.Status != 204 {
		t.Errorf("add numbers = %d %s", r.Status, r.Body)
	}
	for _, tc := range []struct {
		path  string
		body  any
		field string
	}{
		{numbers, []any{"+13175550100", "555"}, "phoneNumbers[1]"},
		{numbers, []any{}, "at least one"},
		{numbers + "?expirationDateTime=tomorrow", []any{"+13175550100"}, "expirationDateTime"},
	} {
		m := c.wantError(400, "bad.request", "POST", tc.path, tc.body)
		if msg := m["message"].(string); !strings.Contains(msg, tc.field) {
			t.Errorf("POST %s %v: message %q does not name %s", tc.path, tc.body, msg, tc.field)
		}
	}
	if r := c.do("DELETE", numbers, nil); r.Status != 204 {
		t.Errorf("remove numbers = %d %s", r.Status, r.Body)
	}
	c.wantError(404, "not.found", "POST", dncLists+"/00000000-0000-0000-0000-00000000abcd/phonenumbers", []any{"+13175550100"})
}
