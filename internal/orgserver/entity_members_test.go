package orgserver

import (
	"strings"
	"testing"
)

// A team's members are a sub-collection: users are added and removed by id, listed as
// references, refused when they are not in the org (naming the entry), and a team needs its
// name; a read-only client cannot assign members.
func TestTeamMembers(t *testing.T) {
	ts, c := parallelDevOrg(t)
	ro := newRawClient(t, ts, "dev", "readonly")
	ann := c.must(200, "POST", "/api/v2/users", map[string]any{"name": "Ann", "email": "ann@example.com"})["id"].(string)
	bob := c.must(200, "POST", "/api/v2/users", map[string]any{"name": "Bob", "email": "bob@example.com"})["id"].(string)
	c.wantError(400, "bad.request", "POST", "/api/v2/teams", map[string]any{"description": "nameless"})
	team := c.must(200, "POST", "/api/v2/teams", map[string]any{"name": "Billing"})["id"].(string)
	members := "/api/v2/teams/" + team + "/members"

	added := c.must(200, "POST", members, map[string]any{"memberIds": []any{ann, bob}})
	if got, _ := added["entities"].([]any); len(got) != 2 {
		t.Errorf("add answered %v", added)
	}
	e := c.wantError(400, "bad.request", "POST", members, map[string]any{"memberIds": []any{ann, "nobody"}})
	if msg, _ := e["message"].(string); !strings.Contains(msg, "memberIds[1]") {
		t.Errorf("unknown user: message %q does not name memberIds[1]", msg)
	}
	ro.wantError(403, "missing.permissions", "POST", members, map[string]any{"memberIds": []any{ann}})
	if r := c.do("DELETE", members+"?id="+bob, nil); r.Status != 204 {
		t.Errorf("remove: status %d %s", r.Status, r.Body)
	}
	l := ro.must(200, "GET", members, nil)
	if got, _ := l["entities"].([]any); len(got) != 1 || got[0].(map[string]any)["id"] != ann {
		t.Errorf("members after removing Bob = %v", l)
	}
	if got := c.must(200, "GET", "/api/v2/teams/"+team, nil); got["memberCount"] != float64(1) {
		t.Errorf("memberCount after adding two and removing one = %v", got["memberCount"])
	}
	c.wantError(404, "not.found", "GET", "/api/v2/teams/nope/members", nil)
	c.wantError(400, "bad.request", "DELETE", members, nil)

	// A deleted team's members go with it.
	if r := c.do("DELETE", "/api/v2/teams/"+team, nil); r.Status != 204 {
		t.Fatalf("delete the team: %d %s", r.Status, r.Body)
	}
	if left := ts.store.List(ts.Credential(t, "dev", "deploy").OrgID, "directory.team.member", team); len(left) != 0 {
		t.Errorf("members outlive their team: %d", len(left))
	}
}
