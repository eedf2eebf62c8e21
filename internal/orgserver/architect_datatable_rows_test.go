package orgserver

import (
	"net/url"
	"strings"
	"testing"
)

// Rows live under their table, keyed by their key column; reads answer only the key unless
// showbrief=false, and rows go with their table.
func TestDataTableRows(t *testing.T) {
	_, c := parallelDevOrg(t)
	table := c.must(200, "POST", "/api/v2/flows/datatables", dataTableBody("Postcodes",
		map[string]any{"agents": map[string]any{"type": "integer"}, "open": map[string]any{"type": "boolean"}}))
	rows := "/api/v2/flows/datatables/" + table["id"].(string) + "/rows"
	key := "46278 / north" // keys may hold spaces and slashes
	item := rows + "/" + url.PathEscape(key)
	made := c.must(200, "POST", rows, map[string]any{"key": key, "region": "North", "agents": 12})
	if made["region"] != "North" || made["agents"].(float64) != 12 {
		t.Errorf("create answered %v", made)
	}
	c.wantError(409, "general.conflict", "POST", rows, map[string]any{"key": key})
	if got := c.must(200, "GET", item, nil); len(got) != 1 || got["key"] != key {
		t.Errorf("brief GET = %v, want only the key", got)
	}
	if got := c.must(200, "GET", item+q("showbrief", "false"), nil); got["region"] != "North" {
		t.Errorf("full GET = %v", got)
	}
	c.must(200, "PUT", item, map[string]any{"region": "North-east", "open": true})
	got := c.must(200, "GET", item+q("showbrief", "false"), nil)
	if got["region"] != "North-east" || got["open"] != true || got["agents"] != nil || got["key"] != key {
		t.Errorf("after PUT = %v, want the row replaced", got)
	}
	c.must(200, "POST", rows, map[string]any{"key": "10001"})
	l := c.must(200, "GET", rows+q("showbrief", "false", "pageSize", "1"), nil)
	if l["total"].(float64) != 2 || l["pageCount"].(float64) != 2 || len(l["entities"].([]any)) != 1 {
		t.Errorf("listing = %v", l)
	}
	c.do("DELETE", item, nil)
	c.wantError(404, "not.found", "GET", item, nil)
	// The table's deletion takes its rows along.
	c.do("DELETE", "/api/v2/flows/datatables/"+table["id"].(string), nil)
	c.wantError(404, "not.found", "GET", rows+"/10001", nil)
	c.wantError(404, "not.found", "POST", rows, map[string]any{"key": "x"})
}

// The API checks a row against its table's schema, naming the field.
func TestDataTableRowRules(t *testing.T) {
	_, c := parallelDevOrg(t)
	table := c.must(200, "POST", "/api/v2/flows/datatables", dataTableBody("Postcodes",
		map[string]any{"agents": map[string]any{"type": "integer"}}))
	rows := "/api/v2/flows/datatables/" + table["id"].(string) + "/rows"
	c.must(200, "POST", rows, map[string]any{"key": "46278"})
	for _, tc := range []struct {
		what   string
		method string
		path   string
		body   map[string]any
		text   string
	}{
		{"no key", "POST", rows, map[string]any{"region": "North"}, "[key] is required"},
		{"a blank key", "POST", rows, map[string]any{"key": " "}, "[key] is required"},
		{"a key that is no string", "POST", rows, map[string]any{"key": 7}, "[key] must be a string"},
		{"an unknown column", "POST", rows, map[string]any{"key": "1", "colour": "red"}, "[colour] is not a column"},
		{"a value of the wrong type", "POST", rows, map[string]any{"key": "1", "agents": "many"}, "[agents] must be of the column's type integer"},
		{"a fraction in an integer column", "POST", rows, map[string]any{"key": "1", "agents": 1.5}, "[agents] must be of the column's type integer"},
		{"a changed key", "PUT", rows + "/46278", map[string]any{"key": "46279"}, "a row's key cannot change"},
	} {
		m := c.wantError(400, "bad.request", tc.method, tc.path, tc.body)
		if msg, _ := m["message"].(string); !strings.Contains(msg, tc.text) {
			t.Errorf("%s: message %q does not contain %q", tc.what, msg, tc.text)
		}
	}
	c.wantError(404, "not.found", "PUT", rows+"/nope", map[string]any{"region": "x"})
}
