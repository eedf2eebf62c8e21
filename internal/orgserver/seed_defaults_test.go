package orgserver

import "testing"

// TestNewOrgHasDefaults: a new org comes with what a real one has, so configurations that
// look these up by name (data sources) resolve: the default roles (default: true), the home
// division and the system presence definitions.
func TestNewOrgHasDefaults(t *testing.T) {
	_, c := parallelDevOrg(t)
	for _, name := range []string{"Master Admin", "Admin", "Employee", "User", "Supervisor", "Quality Administrator", "Quality Evaluator",
		"Communicate - Admin", "Contact Center Manager", "Developer", "Outbound Admin", "Telephony Admin"} {
		l := c.must(200, "GET", "/api/v2/authorization/roles"+q("name", name), nil)
		es := l["entities"].([]any)
		if len(es) != 1 {
			t.Errorf("role %q: %d found", name, len(es))
			continue
		}
		if r := es[0].(map[string]any); r["name"] != name || r["default"] != true || len(r["permissions"].([]any)) == 0 {
			t.Errorf("role %q = %v", name, r)
		}
	}
	// Configurations written for older orgs spell the two oldest roles in lower case.
	if l := c.must(200, "GET", "/api/v2/authorization/roles"+q("name", "employee"), nil); l["total"].(float64) != 1 {
		t.Errorf("employee (lower case) = %v", l)
	}
	if home := c.must(200, "GET", "/api/v2/authorization/divisions/home", nil); home["homeDivision"] != true {
		t.Errorf("home division = %v", home)
	}

	defs := c.must(200, "GET", "/api/v2/presence/definitions", nil)
	bySystem := map[string]map[string]any{}
	for _, e := range defs["entities"].([]any) {
		d := e.(map[string]any)
		bySystem[d["systemPresence"].(string)] = d
	}
	for _, sp := range []string{"Available", "Away", "Break", "Busy", "Idle", "Meal", "Meeting", "Offline", "On Queue", "Training"} {
		d := bySystem[sp]
		if d == nil || d["type"] != "System" || d["languageLabels"].(map[string]any)["en_US"] != sp || d["deactivated"] != false {
			t.Errorf("system presence %q = %v", sp, d)
		}
	}
	if defs["total"].(float64) != float64(len(bySystem)) {
		t.Errorf("total = %v, entities %d", defs["total"], len(bySystem))
	}
	avail := bySystem["Available"]["id"].(string)
	if got := c.must(200, "GET", "/api/v2/presence/definitions/"+avail, nil); got["systemPresence"] != "Available" {
		t.Errorf("definition by id = %v", got)
	}
	old := c.must(200, "GET", "/api/v2/presencedefinitions?pageSize=4", nil)
	if old["total"].(float64) != defs["total"].(float64) || len(old["entities"].([]any)) != 4 || old["pageCount"].(float64) != 3 {
		t.Errorf("/presencedefinitions paging = %v", old)
	}
	if got := c.must(200, "GET", "/api/v2/presencedefinitions/"+avail, nil); got["primary"] != true || got["selfUri"] != "/api/v2/presencedefinitions/"+avail {
		t.Errorf("/presencedefinitions/{id} = %v", got)
	}
	c.wantError(404, "not.found", "GET", "/api/v2/presence/definitions/nope", nil)
	if sys := c.do("GET", "/api/v2/systempresences", nil); sys.Status != 200 {
		t.Errorf("systempresences: %d %s", sys.Status, sys.Body)
	}
}
