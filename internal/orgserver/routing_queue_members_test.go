package orgserver

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/cxascode/cxascode/internal/orgserver/host"
	"github.com/google/uuid"
)

func TestQueueMembers(t *testing.T) {
	ts, c := parallelDevOrg(t)
	qid := c.must(200, "POST", "/api/v2/routing/queues", map[string]any{"name": "Q"})["id"].(string)
	base := "/api/v2/routing/queues/" + qid + "/members"
	var users []string
	var body []map[string]any
	for _, n := range []string{"Eve", "Dan", "Cat", "Bea", "Al"} {
		id := seedRoutingUser(t, ts, "dev", routingUser{name: n})
		users = append(users, id)
		body = append(body, map[string]any{"id": id})
	}
	c.must(204, "POST", base, body)
	c.must(204, "POST", base, body[:1]) // adding a member again changes nothing
	q := c.must(200, "GET", "/api/v2/routing/queues/"+qid, nil)
	if q["memberCount"] != 5.0 || q["userMemberCount"] != 5.0 || q["joinedMemberCount"] != 5.0 {
		t.Errorf("counts after add = %v/%v/%v", q["memberCount"], q["userMemberCount"], q["joinedMemberCount"])
	}

	// Paging: page-number URIs, no total or pageCount, empty page after the last.
	var seen []string
	for page := 1; ; page++ {
		l := c.must(200, "GET", fmt.Sprintf("%s?pageSize=2&pageNumber=%d&memberBy=user", base, page), nil)
		for _, k := range []string{"total", "pageCount", "lastUri"} {
			if _, has := l[k]; has {
				t.Errorf("queue member listing has %s", k)
			}
		}
		if l["pageSize"] != 2.0 || l["pageNumber"] != float64(page) || l["selfUri"] != fmt.Sprintf("%s?pageSize=2&pageNumber=%d&memberBy=user", base, page) {
			t.Errorf("page %d header = %v", page, l)
		}
		got := names(l)
		if len(got) == 0 {
			if page != 4 {
				t.Errorf("empty page at %d, want 4", page)
			}
			break
		}
		if next, has := l["nextUri"]; has != (page < 3) || (has && next != fmt.Sprintf("%s?pageSize=2&pageNumber=%d&memberBy=user", base, page+1)) {
			t.Errorf("page %d nextUri = %v", page, next)
		}
		seen = append(seen, got...)
		if page > 5 {
			t.Fatal("paging does not end")
		}
	}
	if strings.Join(seen, ",") != "Al,Bea,Cat,Dan,Eve" {
		t.Errorf("members by page = %v", seen)
	}
	l := c.must(200, "GET", base+"?pageSize=100", nil)
	m := l["entities"].([]any)[0].(map[string]any)
	user := m["user"].(map[string]any)
	if m["id"] != users[4] || m["name"] != "Al" || m["ringNumber"] != 1.0 || m["joined"] != true || m["memberBy"] != "user" ||
		user["id"] != users[4] || user["name"] != "Al" || user["selfUri"] != "/api/v2/users/"+users[4] {
		t.Errorf("member = %v", m)
	}
	if got := names(c.must(200, "GET", base+"?memberBy=group", nil)); len(got) != 0 {
		t.Errorf("memberBy=group = %v, want none", got)
	}
	if got := names(c.must(200, "GET", base+"?name=e&sortOrder=desc", nil)); strings.Join(got, ",") != "Eve,Bea" {
		t.Errorf("name contains e, descending = %v", got)
	}
	c.wantError(400, "bad.request", "GET", base+"?pageSize=101", nil)
	c.wantError(400, "invalid.value", "GET", base+"?memberBy=team", nil)

	// Ring number and joined, one at a time and as a list.
	c.must(204, "PATCH", base+"/"+users[0], map[string]any{"ringNumber": 3})
	for _, rn := range []int{0, 7} {
		e := c.wantError(400, "bad.request", "PATCH", base+"/"+users[0], map[string]any{"ringNumber": rn})
		if !strings.Contains(e["message"].(string), "ringNumber") {
			t.Errorf("ring %d message = %v", rn, e["message"])
		}
	}
	c.wantError(400, "bad.request", "PATCH", base+"/"+users[0], map[string]any{})
	pl := c.must(200, "PATCH", base, []map[string]any{{"id": users[1], "joined": false}, {"id": users[2], "joined": false}})
	if got := names(pl); strings.Join(got, ",") != "Dan,Cat" || pl["entities"].([]any)[0].(map[string]any)["joined"] != false {
		t.Errorf("PATCH list response = %v", pl)
	}
	c.wantError(400, "bad.request", "PATCH", base, []map[string]any{{"id": uuid.NewString(), "joined": true}})
	if got := names(c.must(200, "GET", base+"?joined=false", nil)); strings.Join(got, ",") != "Cat,Dan" {
		t.Errorf("unjoined members = %v", got)
	}
	if got := jsonPath(c.must(200, "GET", base+"?name=eve", nil), "entities"); got.([]any)[0].(map[string]any)["ringNumber"] != 3.0 {
		t.Errorf("Eve after ring update = %v", got)
	}
	if q := c.must(200, "GET", "/api/v2/routing/queues/"+qid, nil); q["memberCount"] != 5.0 || q["joinedMemberCount"] != 3.0 {
		t.Errorf("counts after unjoin = %v/%v", q["memberCount"], q["joinedMemberCount"])
	}

	// Removal: POST ?delete=true and DELETE one.
	c.must(204, "POST", base+"?delete=true", body[:2])
	c.must(204, "DELETE", base+"/"+users[2], nil)
	c.wantError(404, "not.found", "DELETE", base+"/"+users[2], nil)
	c.wantError(404, "not.found", "PATCH", base+"/"+users[2], map[string]any{"joined": true})
	if q := c.must(200, "GET", "/api/v2/routing/queues/"+qid, nil); q["memberCount"] != 2.0 || q["joinedMemberCount"] != 2.0 {
		t.Errorf("counts after removal = %v/%v", q["memberCount"], q["joinedMemberCount"])
	}

	// Errors: unknown users (named), too many, unknown queue, read-only client.
	ghost := uuid.NewString()
	e := c.wantError(400, "bad.request", "POST", base, []map[string]any{{"id": users[0]}, {"id": ghost}})
	if !strings.Contains(e["message"].(string), ghost) {
		t.Errorf("unknown-user message does not name the id: %v", e["message"])
	}
	if q := c.must(200, "GET", "/api/v2/routing/queues/"+qid, nil); q["memberCount"] != 2.0 {
		t.Errorf("a failed POST added members: memberCount %v", q["memberCount"])
	}
	var many []map[string]any
	for range 101 {
		many = append(many, map[string]any{"id": users[0]})
	}
	c.wantError(400, "bad.request", "POST", base, many)
	c.wantError(400, "bad.request", "POST", base, []map[string]any{{}})
	c.wantError(404, "not.found", "POST", "/api/v2/routing/queues/"+uuid.NewString()+"/members", body[:1])
	c.wantError(404, "not.found", "GET", "/api/v2/routing/queues/"+uuid.NewString()+"/members", nil)
	ro := newRawClient(t, ts, "dev", "readonly")
	ro.must(200, "GET", base, nil)
	for _, call := range []struct {
		method, path string
		body         any
	}{
		{"POST", base, body[:1]},
		{"PATCH", base, []map[string]any{{"id": users[3], "joined": false}}},
		{"PATCH", base + "/" + users[3], map[string]any{"ringNumber": 2}},
		{"DELETE", base + "/" + users[3], nil},
	} {
		e := ro.wantError(403, "missing.permissions", call.method, call.path, call.body)
		if !strings.Contains(e["message"].(string), "routing:queueMember:manage") {
			t.Errorf("%s %s: message %v", call.method, call.path, e["message"])
		}
	}

	// One audit message per membership write, on the queue, listing the users.
	var actions []string
	for _, a := range routingAudits(t, ts, "dev", "Queue") {
		actions = append(actions, *a.Action)
		if *a.Action == "MemberAdd" {
			pc := a.PropertyChanges
			if len(pc) != 1 || *pc[0].Property != "members" || !slices.Equal(pc[0].NewValues, users) || *a.Entity.ID != qid {
				t.Errorf("MemberAdd audit = %+v", a)
			}
		}
	}
	if got := strings.Join(actions, ","); got != "Create,MemberAdd,MemberUpdate,MemberUpdate,MemberRemove,MemberRemove" {
		t.Errorf("queue audit actions = %s", got)
	}

	// Deleting the queue removes its members and code assignments.
	code := c.must(200, "POST", "/api/v2/routing/wrapupcodes", map[string]any{"name": "Done"})["id"].(string)
	c.do("POST", "/api/v2/routing/queues/"+qid+"/wrapupcodes", []map[string]any{{"id": code}})
	c.must(204, "DELETE", "/api/v2/routing/queues/"+qid, nil)
	org := routingOrgID(t, ts, "dev")
	if n := len(ts.Store().List(org, host.KindQueueMember, qid)) + len(ts.Store().List(org, host.KindQueueWrapupCode, qid)); n != 0 {
		t.Errorf("%d children left after the queue was deleted", n)
	}
	c.wantError(404, "not.found", "GET", base, nil)
}

func TestQueueWrapupCodes(t *testing.T) {
	ts, c := parallelDevOrg(t)
	qid := c.must(200, "POST", "/api/v2/routing/queues", map[string]any{"name": "Q"})["id"].(string)
	base := "/api/v2/routing/queues/" + qid + "/wrapupcodes"
	var codes []map[string]any
	for _, n := range []string{"Sold", "No answer", "Callback"} {
		id := c.must(200, "POST", "/api/v2/routing/wrapupcodes", map[string]any{"name": n})["id"].(string)
		codes = append(codes, map[string]any{"id": id})
	}
	r := c.do("POST", base, codes)
	if r.Status != 200 || !strings.HasPrefix(string(r.Body), "[") || !strings.Contains(string(r.Body), `"name":"No answer"`) {
		t.Fatalf("POST codes: %d %s", r.Status, r.Body)
	}
	l := c.must(200, "GET", base+"?pageSize=2", nil)
	if l["total"] != 3.0 || l["pageCount"] != 2.0 || strings.Join(names(l), ",") != "Callback,No answer" || l["nextUri"] != base+"?pageSize=2&pageNumber=2" {
		t.Errorf("queue codes page 1 = %v", l)
	}
	if got := names(c.must(200, "GET", base+"?name=So*", nil)); strings.Join(got, ",") != "Sold" {
		t.Errorf("codes named So* = %v", got)
	}
	ghost := uuid.NewString()
	e := c.wantError(400, "bad.request", "POST", base, []map[string]any{{"id": ghost}})
	if !strings.Contains(e["message"].(string), ghost) {
		t.Errorf("unknown-code message = %v", e["message"])
	}
	var many []map[string]any
	for range 101 {
		many = append(many, codes[0])
	}
	c.wantError(400, "bad.request", "POST", base, many)
	c.must(204, "DELETE", base+"/"+codes[0]["id"].(string), nil)
	c.wantError(404, "not.found", "DELETE", base+"/"+codes[0]["id"].(string), nil)
	if got := names(c.must(200, "GET", base, nil)); strings.Join(got, ",") != "Callback,No answer" {
		t.Errorf("codes after delete = %v", got)
	}
	c.wantError(404, "not.found", "GET", "/api/v2/routing/queues/"+uuid.NewString()+"/wrapupcodes", nil)
	ro := newRawClient(t, ts, "dev", "readonly")
	ro.must(200, "GET", base, nil)
	ro.wantError(403, "missing.permissions", "POST", base, codes)
	ro.wantError(403, "missing.permissions", "DELETE", base+"/"+codes[1]["id"].(string), nil)
}
