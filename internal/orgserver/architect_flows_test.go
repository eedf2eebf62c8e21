package orgserver

import (
	"fmt"
	"sort"
	"strings"
	"testing"

	"github.com/cxascode/cxascode/internal/orgserver/store"
)

// flowNames lists the names of a flow listing's entities, sorted.
func flowNames(l map[string]any) []string {
	var out []string
	for _, e := range l["entities"].([]any) {
		out = append(out, e.(map[string]any)["name"].(string))
	}
	sort.Strings(out)
	return out
}

func TestFlowListFilters(t *testing.T) {
	ts, c := parallelDevOrg(t)
	uploadFlowJob(t, ts, c, readFlowFixture(t, "verify_caller.yaml"))
	for _, f := range []struct{ name, typ string }{
		{"Main IVR", "inboundcall"}, {"Hold Music", "INQUEUECALL"}, {"Email In", "inboundemail"}, {"Verify Caller", "inboundcall"},
	} {
		c.must(200, "POST", "/api/v2/flows", map[string]any{"name": f.name, "type": f.typ})
	}
	c.wantError(409, "general.conflict", "POST", "/api/v2/flows", map[string]any{"name": "main ivr", "type": "inboundcall"})
	c.wantError(400, "invalid.value", "POST", "/api/v2/flows", map[string]any{"name": "X", "type": "nonsense"})
	c.wantError(400, "bad.request", "POST", "/api/v2/flows", map[string]any{"type": "inboundcall"})

	for _, tc := range []struct {
		query string
		want  string
	}{
		{"", "[Email In Hold Music Main IVR Verify Caller Verify Caller]"},
		{"?type=inboundcall&type=commonmodule", "[Main IVR Verify Caller Verify Caller]"},
		{"?type=inboundcall,inqueuecall", "[Hold Music Main IVR Verify Caller]"},
		{"?type=inboundcall,inqueuecall&type=inboundemail", "[Email In Hold Music Main IVR Verify Caller]"},
		{"?type=commonmodule", "[Verify Caller]"},
		{q("name", "Main IVR"), "[Main IVR]"},
		{q("name", "main"), "[]"},
		{q("name", "Verify*", "type", "commonmodule"), "[Verify Caller]"},
		{q("name", "*in*"), "[Email In Main IVR]"},
		{"?type=", "[Email In Hold Music Main IVR Verify Caller Verify Caller]"},
	} {
		l := c.must(200, "GET", "/api/v2/flows"+tc.query, nil)
		if got := fmt.Sprint(flowNames(l)); got != tc.want {
			t.Errorf("GET /api/v2/flows%s = %s, want %s", tc.query, got, tc.want)
		}
	}
	c.wantError(400, "invalid.value", "GET", "/api/v2/flows?type=bogus", nil)
	l := c.must(200, "GET", "/api/v2/flows?pageSize=2&pageNumber=3&includeSchemas=true", nil)
	if l["total"].(float64) != 5 || l["pageCount"].(float64) != 3 || len(l["entities"].([]any)) != 1 {
		t.Errorf("paging = %v", l)
	}
	first := l["entities"].([]any)[0].(map[string]any)["id"].(string)
	if got := c.must(200, "GET", "/api/v2/flows"+q("id", first), nil); got["total"].(float64) != 1 {
		t.Errorf("id filter: %v", got)
	}
}

func TestFlowDelete(t *testing.T) {
	ts, c := parallelDevOrg(t)
	id := uploadFlowJob(t, ts, c, []byte("inboundCall:\n  name: Main\n  startUpRef: ./tasks/task[T_1]\n  tasks:\n    - task:\n        name: T\n        refId: T_1\n"))["flow"].(map[string]any)["id"].(string)
	ivr := c.must(200, "POST", "/api/v2/architect/ivrs", map[string]any{"name": "Main line", "openHoursFlow": map[string]any{"id": id}})
	m := c.wantError(409, "general.conflict", "DELETE", "/api/v2/flows/"+id, nil)
	if msg := m["message"].(string); msg == "" || !strings.Contains(msg, "Main line") {
		t.Errorf("409 message does not name the IVR: %v", msg)
	}
	c.must(204, "DELETE", "/api/v2/architect/ivrs/"+ivr["id"].(string), nil)
	c.must(204, "DELETE", "/api/v2/flows/"+id, nil)
	c.wantError(404, "not.found", "GET", "/api/v2/flows/"+id, nil)
	c.wantError(404, "not.found", "DELETE", "/api/v2/flows/"+id, nil)
	if f := c.must(200, "GET", "/api/v2/flows/"+id+"?deleted=true", nil); f["deleted"] != true {
		t.Errorf("deleted flow = %v", f)
	}
	if l := c.must(200, "GET", "/api/v2/flows", nil); l["total"].(float64) != 0 {
		t.Errorf("deleted flow is listed: %v", l)
	}
	if l := c.must(200, "GET", "/api/v2/flows?deleted=true", nil); l["total"].(float64) != 1 {
		t.Errorf("deleted=true does not list it: %v", l)
	}
	// The name is free again: the next import creates a new flow at version 1.0.
	st := uploadFlowJob(t, ts, c, []byte("inboundCall:\n  name: Main\n  startUpRef: ./tasks/task[T_1]\n  tasks:\n    - task:\n        name: T\n        refId: T_1\n"))
	f := c.must(200, "GET", "/api/v2/flows/"+st["flow"].(map[string]any)["id"].(string), nil)
	if f["id"] == id || f["publishedVersion"].(map[string]any)["id"] != "1.0" {
		t.Errorf("re-created flow = %v", f)
	}
}

func TestFlowLocking(t *testing.T) {
	t.Parallel()
	ts := NewTestServer(t, WithOrgs(OrgSpec{Name: "dev", Clients: []ClientSpec{{Name: "deploy", Role: store.RoleAdmin}, {Name: "console", Role: store.RoleAdmin}}}))
	a := newRawClient(t, ts, "dev", "deploy")
	b := newRawClient(t, ts, "dev", "console")
	src := []byte("inboundCall:\n  name: Main\n  startUpRef: ./tasks/task[T_1]\n  tasks:\n    - task:\n        name: T\n        refId: T_1\n")
	id := uploadFlowJob(t, ts, a, src)["flow"].(map[string]any)["id"].(string)
	act := func(action string) string { return "/api/v2/flows/actions/" + action + "?flow=" + id }

	a.wantError(409, "general.conflict", "PUT", "/api/v2/flows/"+id, map[string]any{"name": "Main", "description": "x"})
	f := b.must(200, "POST", act("checkout"), nil)
	if f["lockedClient"].(map[string]any)["name"] != "console" {
		t.Errorf("checked-out flow = %v", f)
	}
	a.wantError(409, "general.conflict", "POST", act("checkout"), nil)
	a.wantError(409, "general.conflict", "DELETE", "/api/v2/flows/"+id, nil)
	a.wantError(409, "general.conflict", "PUT", "/api/v2/flows/"+id, map[string]any{"name": "Main"})
	// An import by another client fails while the flow is locked, naming the lock holder.
	st := uploadFlowJob(t, ts, a, src)
	if errs := jobTexts(st, "Error"); st["status"] != "Failure" || len(errs) != 1 || !strings.Contains(errs[0], "console") {
		t.Errorf("import of a locked flow = %v", st)
	}
	// The lock holder can publish a new version (the "console edit" that drift detection sees).
	if st := uploadFlowJob(t, ts, b, append(src, []byte("  description: edited in the console\n")...)); st["status"] != "Success" {
		t.Errorf("lock holder import = %v", st)
	}
	if got := b.must(200, "PUT", "/api/v2/flows/"+id, map[string]any{"name": "Main", "description": "renamed"}); got["description"] != "renamed" {
		t.Errorf("PUT = %v", got)
	}
	op := b.must(200, "POST", act("checkin"), nil)
	if op["actionName"] != "CHECKIN" || op["complete"] != true {
		t.Errorf("checkin operation = %v", op)
	}
	b.wantError(409, "general.conflict", "POST", act("checkin"), nil)
	b.must(200, "POST", act("checkout"), nil)
	if f := a.must(200, "POST", act("unlock"), nil); f["lockedClient"] != nil {
		t.Errorf("unlocked flow = %v", f)
	}
	if f := a.must(200, "POST", act("deactivate"), nil); f["active"] != false {
		t.Errorf("deactivated flow = %v", f)
	}
	op = a.must(200, "POST", act("publish")+"&version=1.0", nil)
	f = a.must(200, "GET", "/api/v2/flows/"+id, nil)
	if op["actionName"] != "PUBLISH" || f["active"] != true || f["publishedVersion"].(map[string]any)["id"] != "1.0" {
		t.Errorf("publish 1.0: op %v flow %v", op, f)
	}
	a.wantError(400, "invalid.value", "POST", "/api/v2/flows/actions/explode?flow="+id, nil)
	a.wantError(400, "bad.request", "POST", "/api/v2/flows/actions/checkout", nil)
	a.wantError(404, "not.found", "POST", "/api/v2/flows/actions/checkout?flow=nope", nil)
}
