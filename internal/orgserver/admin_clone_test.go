package orgserver

import (
	"encoding/json"
	"net/http"
	"strings"
	"testing"
)

// TestCloneOrg copies the dev org with a skill in it: the copy answers the same id, takes
// writes of its own without touching dev, and is gone, tokens included, once deleted.
func TestCloneOrg(t *testing.T) {
	ts, dev := parallelDevOrg(t)
	skill := dev.must(200, "POST", "/api/v2/routing/skills", map[string]any{"name": "Cloned Skill"})["id"].(string)

	admin := func(method, path, body string) rawResponse {
		t.Helper()
		req, err := http.NewRequest(method, ts.URL+path, strings.NewReader(body))
		if err != nil {
			t.Fatal(err)
		}
		req.Header.Set(adminKeyHeader, ts.AdminKey())
		req.Header.Set("Content-Type", "application/json")
		return send(t, req)
	}
	r := admin("POST", "/admin/orgs/dev/clone", `{"name":"dev-copy","clients":[{"name":"deploy","role":"admin"}]}`)
	if r.Status != 200 {
		t.Fatalf("clone: %d %s", r.Status, r.Body)
	}
	var out struct {
		Credentials []Credential `json:"credentials"`
	}
	if err := json.Unmarshal(r.Body, &out); err != nil || len(out.Credentials) != 1 {
		t.Fatalf("clone answer: %v %s", err, r.Body)
	}
	ts.Credentials = append(ts.Credentials, out.Credentials...)
	cp := newRawClient(t, ts, "dev-copy", "deploy")

	if got := cp.must(200, "GET", "/api/v2/routing/skills/"+skill, nil)["name"]; got != "Cloned Skill" {
		t.Errorf("the copy's skill %s is named %v", skill, got)
	}
	if me := cp.must(200, "GET", "/api/v2/organizations/me", nil); me["name"] != "dev-copy" || me["id"] != out.Credentials[0].OrgID {
		t.Errorf("the copy's organization: %v", me)
	}
	cp.must(200, "POST", "/api/v2/routing/skills", map[string]any{"name": "Only In The Copy"})
	if n := len(dev.must(200, "GET", "/api/v2/routing/skills?name=Only%20In%20The%20Copy", nil)["entities"].([]any)); n != 0 {
		t.Errorf("a write to the copy shows in dev (%d skills)", n)
	}
	if r := admin("POST", "/admin/orgs/dev/clone", `{"name":"dev-copy"}`); r.Status != 400 {
		t.Errorf("a second clone of the same name: %d, want 400", r.Status)
	}

	if r := admin("DELETE", "/admin/orgs/dev-copy", ""); r.Status != 204 {
		t.Fatalf("delete: %d %s", r.Status, r.Body)
	}
	if r := cp.do("GET", "/api/v2/routing/skills/"+skill, nil); r.Status != 401 {
		t.Errorf("the deleted copy's token still answers %d", r.Status)
	}
	dev.must(200, "GET", "/api/v2/routing/skills/"+skill, nil)
	if r := admin("DELETE", "/admin/orgs/dev-copy", ""); r.Status != 404 {
		t.Errorf("delete of a deleted org: %d, want 404", r.Status)
	}
}
