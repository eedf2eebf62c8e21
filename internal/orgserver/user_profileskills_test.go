package orgserver

import (
	"encoding/json"
	"strings"
	"testing"
)

func TestUserProfileSkills(t *testing.T) {
	_, c := parallelDevOrg(t)
	u := c.must(200, "POST", "/api/v2/users", map[string]any{"name": "Pia", "email": "pia@example.com"})["id"].(string)
	path := "/api/v2/users/" + u + "/profileskills"
	list := func() []string {
		t.Helper()
		r := c.do("GET", path, nil)
		var out []string
		if r.Status != 200 || json.Unmarshal(r.Body, &out) != nil {
			t.Fatalf("GET %s: %d %s", path, r.Status, r.Body)
		}
		return out
	}
	if got := list(); len(got) != 0 {
		t.Errorf("a new user's profile skills = %v", got)
	}
	r := c.do("PUT", path, []string{"Spanish", "Billing", "spanish"})
	if r.Status != 200 || string(r.Body) != `["Spanish","Billing"]` {
		t.Errorf("PUT = %d %s", r.Status, r.Body)
	}
	if got := strings.Join(list(), ","); got != "Spanish,Billing" {
		t.Errorf("after PUT = %s", got)
	}
	c.wantError(400, "bad.request", "PUT", path, []string{""})
	c.wantError(400, "bad.request", "PUT", path, []string{strings.Repeat("x", 101)})
	c.wantError(400, "bad.request", "PUT", path, map[string]any{"skills": []string{"x"}})
	c.wantError(404, "not.found", "PUT", "/api/v2/users/nope/profileskills", []string{"x"})
	c.must(200, "DELETE", "/api/v2/users/"+u, nil)
	c.wantError(404, "not.found", "GET", path, nil)
}

func TestExtensionPools(t *testing.T) {
	_, c := parallelDevOrg(t)
	l := c.must(200, "GET", "/api/v2/telephony/providers/edges/extensionpools?pageSize=100", nil)
	if l["total"].(float64) != 0 || len(l["entities"].([]any)) != 0 || l["pageSize"].(float64) != 100 {
		t.Errorf("a new org's extension pools = %v", l)
	}
	c.wantError(400, "bad.request", "GET", "/api/v2/telephony/providers/edges/extensionpools?pageSize=0", nil)
	c.wantError(404, "not.found", "GET", "/api/v2/telephony/providers/edges/extensionpools/00000000-0000-0000-0000-000000000001", nil)
}
