package orgserver

import (
	"strings"
	"testing"
)

func TestDivisionsLifecycle(t *testing.T) {
	ts, c := parallelDevOrg(t)

	home := c.must(200, "GET", "/api/v2/authorization/divisions/home", nil)
	if home["homeDivision"] != true || home["name"] != "Home" {
		t.Fatalf("home = %v", home)
	}
	d := c.must(200, "POST", "/api/v2/authorization/divisions", map[string]any{"name": "Sales", "description": "d"})
	id := d["id"].(string)
	if d["homeDivision"] != false || d["selfUri"] != "/api/v2/authorization/divisions/"+id {
		t.Errorf("created = %v", d)
	}
	c.wantError(409, "general.conflict", "POST", "/api/v2/authorization/divisions", map[string]any{"name": "sales"})
	m := c.wantError(400, "bad.request", "POST", "/api/v2/authorization/divisions", map[string]any{"description": "x"})
	if !strings.Contains(m["message"].(string), "[name]") {
		t.Errorf("message %v does not name the field", m["message"])
	}
	if got := c.must(200, "PUT", "/api/v2/authorization/divisions/"+id, map[string]any{"name": "Sales EU"}); got["name"] != "Sales EU" {
		t.Errorf("put = %v", got)
	}
	c.wantError(409, "general.conflict", "PUT", "/api/v2/authorization/divisions/"+id, map[string]any{"name": "Home"})
	c.wantError(404, "not.found", "GET", "/api/v2/authorization/divisions/nope", nil)
	c.wantError(400, "bad.request", "DELETE", "/api/v2/authorization/divisions/"+home["id"].(string), nil)

	// A division holding an object cannot be deleted; the message counts what it holds.
	sk := c.must(200, "POST", "/api/v2/routing/skills", map[string]any{"name": "In Sales", "divisionId": id})
	m = c.wantError(400, "bad.request", "DELETE", "/api/v2/authorization/divisions/"+id, nil)
	if !strings.Contains(m["message"].(string), "1 object(s)") {
		t.Errorf("non-empty delete message = %v", m["message"])
	}
	c.must(204, "DELETE", "/api/v2/routing/skills/"+sk["id"].(string), nil)
	c.must(204, "DELETE", "/api/v2/authorization/divisions/"+id, nil)
	c.wantError(404, "not.found", "GET", "/api/v2/authorization/divisions/"+id, nil)

	ro := newRawClient(t, ts, "dev", "readonly")
	ro.wantError(403, "missing.permissions", "POST", "/api/v2/authorization/divisions", map[string]any{"name": "X"})
}

func TestDivisionsPaging(t *testing.T) {
	_, c := parallelDevOrg(t)
	for _, n := range []string{"A", "B", "C", "D"} {
		c.must(200, "POST", "/api/v2/authorization/divisions", map[string]any{"name": n})
	}
	// Five divisions with Home.
	l := c.must(200, "GET", "/api/v2/authorization/divisions?pageSize=2&pageNumber=3", nil)
	if l["total"].(float64) != 5 || l["pageCount"].(float64) != 3 || len(l["entities"].([]any)) != 1 {
		t.Errorf("page 3 = %v", l)
	}
	if l := c.must(200, "GET", "/api/v2/authorization/divisions"+q("name", "B"), nil); l["total"].(float64) != 1 {
		t.Errorf("name filter total = %v", l["total"])
	}
	var names []string
	next := "/api/v2/authorization/divisions/query?pageSize=2"
	for next != "" {
		cl := c.must(200, "GET", next, nil)
		for _, e := range cl["entities"].([]any) {
			names = append(names, e.(map[string]any)["name"].(string))
		}
		next, _ = cl["nextUri"].(string)
	}
	if strings.Join(names, ",") != "A,B,C,D,Home" {
		t.Errorf("cursor walk = %v", names)
	}
	c.wantError(400, "bad.request", "GET", "/api/v2/authorization/divisions/query?pageSize=201", nil)
}
