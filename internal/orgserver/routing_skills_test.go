package orgserver

import (
	"fmt"
	"strings"
	"testing"
)

func TestSkillsLifecycle(t *testing.T) {
	_, c := parallelDevOrg(t)

	sk, _ := c.wantSoftDeletedLifecycle("/api/v2/routing/skills", "Billing", "billing", "", "Bill")
	if div := sk["division"].(map[string]any); div["name"] != "Home" {
		t.Errorf("division = %v, want the home division", div)
	}
	c.wantError(400, "bad.request", "POST", "/api/v2/routing/skills", map[string]any{"name": "X", "divisionId": "nope"})
	c.wantError(400, "bad.request", "POST", "/api/v2/routing/skills", "{not json")
}

func TestSkillsPaging1234(t *testing.T) {
	_, c := parallelDevOrg(t)
	for i := range 1234 {
		c.must(200, "POST", "/api/v2/routing/skills", map[string]any{"name": fmt.Sprintf("skill-%04d", i)})
	}
	seen := map[string]int{}
	for page := 1; ; page++ {
		l := c.must(200, "GET", fmt.Sprintf("/api/v2/routing/skills?pageSize=100&pageNumber=%d", page), nil)
		if l["pageCount"].(float64) != 13 || l["total"].(float64) != 1234 {
			t.Fatalf("page %d: pageCount %v total %v, want 13 and 1234", page, l["pageCount"], l["total"])
		}
		for _, e := range l["entities"].([]any) {
			seen[e.(map[string]any)["id"].(string)]++
		}
		next, hasNext := l["nextUri"].(string)
		if page == 13 {
			if hasNext {
				t.Errorf("last page has nextUri %q", next)
			}
			if n := len(l["entities"].([]any)); n != 34 {
				t.Errorf("last page has %d skills, want 34", n)
			}
			break
		}
		if want := fmt.Sprintf("/api/v2/routing/skills?pageSize=100&pageNumber=%d", page+1); next != want {
			t.Fatalf("page %d nextUri = %q, want %q", page, next, want)
		}
	}
	if len(seen) != 1234 {
		t.Errorf("saw %d distinct skills, want 1234", len(seen))
	}
	for id, n := range seen {
		if n != 1 {
			t.Errorf("skill %s seen %d times", id, n)
		}
	}
}

func TestAuthErrors(t *testing.T) {
	t.Parallel()
	ts := NewTestServer(t)
	anon := &rawClient{t: t, base: ts.URL}
	anon.wantError(401, "authentication.required", "GET", "/api/v2/routing/skills", nil)
	bad := &rawClient{t: t, base: ts.URL, token: "forged.token"}
	bad.wantError(401, "bad.credentials", "GET", "/api/v2/routing/skills", nil)
	ro := newRawClient(t, ts, "dev", "readonly")
	ro.must(200, "GET", "/api/v2/routing/skills", nil)
	m := ro.wantError(403, "missing.permissions", "POST", "/api/v2/routing/skills", map[string]any{"name": "x"})
	if !strings.Contains(m["message"].(string), "routing:skill:add") {
		t.Errorf("403 message does not name the permission: %v", m["message"])
	}
	// Orgs are isolated: a skill of dev is not visible with a token of test.
	dev := newRawClient(t, ts, "dev", "deploy")
	id := dev.must(200, "POST", "/api/v2/routing/skills", map[string]any{"name": "Only in dev"})["id"].(string)
	newRawClient(t, ts, "test", "deploy").wantError(404, "not.found", "GET", "/api/v2/routing/skills/"+id, nil)
}

// A skill's PATCH moves it to another division (the only change the API takes), with a new
// string version; an unknown division is refused.
func TestSkillPatchMovesDivision(t *testing.T) {
	_, c := parallelDevOrg(t)
	div := c.must(200, "POST", "/api/v2/authorization/divisions", map[string]any{"name": "Support"})["id"].(string)
	id := c.must(200, "POST", "/api/v2/routing/skills", map[string]any{"name": "Moving"})["id"].(string)
	got := c.must(200, "PATCH", "/api/v2/routing/skills/"+id, map[string]any{"divisionId": div})
	if d := got["division"].(map[string]any); d["id"] != div || d["name"] != "Support" || got["version"] != "2" || got["name"] != "Moving" {
		t.Errorf("after PATCH = %v", got)
	}
	m := c.wantError(400, "bad.request", "PATCH", "/api/v2/routing/skills/"+id, map[string]any{"divisionId": "nope"})
	if !strings.Contains(m["message"].(string), "[divisionId]") {
		t.Errorf("unknown division message = %v", m["message"])
	}
	// A PATCH without a division keeps it.
	if got := c.must(200, "PATCH", "/api/v2/routing/skills/"+id, map[string]any{}); got["division"].(map[string]any)["id"] != div {
		t.Errorf("after empty PATCH = %v", got)
	}
}
