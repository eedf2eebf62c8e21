package orgserver

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"testing"
	"time"

	"github.com/cxascode/cxascode/internal/orgserver/store"
)

// adminCall sends a request to the admin surface with key (none when "").
func adminCall(t *testing.T, ts *TestServer, method, path, key string, body any) (int, map[string]any) {
	t.Helper()
	var rd io.Reader
	if body != nil {
		b, _ := json.Marshal(body)
		rd = bytes.NewReader(b)
	}
	req, _ := http.NewRequest(method, ts.URL+path, rd)
	if key != "" {
		req.Header.Set("X-Cx-Admin-Key", key)
	}
	resp := send(t, req)
	m := map[string]any{}
	if len(resp.Body) > 0 {
		if err := json.Unmarshal(resp.Body, &m); err != nil {
			t.Fatalf("%s %s: body is not JSON: %q", method, path, resp.Body)
		}
	}
	return resp.Status, m
}

func TestAdminNeedsKey(t *testing.T) {
	t.Parallel()
	ts := NewTestServer(t)
	for _, key := range []string{"", "wrong", ts.AdminKey() + "x"} {
		for _, call := range []struct{ method, path string }{{"GET", "/admin/faults"}, {"PUT", "/admin/faults"}, {"DELETE", "/admin/faults"}, {"GET", "/admin/orgs"}} {
			status, m := adminCall(t, ts, call.method, call.path, key, map[string]any{"errorRate": 1})
			if status != 401 || m["code"] != "authentication.required" {
				t.Errorf("%s %s with key %q: status %d code %v, want 401 authentication.required", call.method, call.path, key, status, m["code"])
			}
		}
	}
	// The refused PUT must not have switched faults on.
	newRawClient(t, ts, "dev", "deploy").must(200, "GET", "/api/v2/routing/skills", nil)
	if status, _ := adminCall(t, ts, "GET", "/admin/faults", ts.AdminKey(), nil); status != 200 {
		t.Errorf("GET /admin/faults with the key: status %d", status)
	}
}

func TestFaultErrorRate(t *testing.T) {
	ts, c := parallelDevOrg(t)
	if status, _ := adminCall(t, ts, "PUT", "/admin/faults", ts.AdminKey(), Faults{ErrorRate: 1}); status != 200 {
		t.Fatalf("PUT /admin/faults: status %d", status)
	}
	for range 5 {
		c.wantError(503, "service.unavailable", "GET", "/api/v2/routing/skills", nil)
	}
	// Faults hit the API only: health and metrics stay reachable for whoever watches the server.
	if resp, err := http.Get(ts.URL + "/healthz"); err != nil || resp.StatusCode != 200 {
		t.Errorf("/healthz under errorRate 1: %v %v", resp, err)
	} else {
		resp.Body.Close()
	}
	if status, _ := adminCall(t, ts, "DELETE", "/admin/faults", ts.AdminKey(), nil); status != 204 {
		t.Fatalf("DELETE /admin/faults: status %d", status)
	}
	c.must(200, "GET", "/api/v2/routing/skills", nil)

	for _, bad := range []Faults{{ErrorRate: 1.5}, {ErrorRate: -0.1}, {LostAfterCommitRate: 2}} {
		if status, m := adminCall(t, ts, "PUT", "/admin/faults", ts.AdminKey(), bad); status != 400 || m["code"] != "bad.request" {
			t.Errorf("PUT /admin/faults %+v: status %d code %v, want 400 bad.request", bad, status, m["code"])
		}
	}
}

func TestFaultBurst429(t *testing.T) {
	ts, c := parallelDevOrg(t)
	adminCall(t, ts, "PUT", "/admin/faults", ts.AdminKey(), Faults{Burst429: 2, RetryAfterSeconds: 3})
	for i := range 2 {
		r := c.do("GET", "/api/v2/routing/skills", nil)
		if r.Status != 429 || r.Header.Get("Retry-After") != "3" {
			t.Fatalf("request %d in the burst: status %d Retry-After %q, want 429 and 3", i, r.Status, r.Header.Get("Retry-After"))
		}
		var m map[string]any
		if json.Unmarshal(r.Body, &m) != nil || m["code"] != "too.many.requests.retry.after" {
			t.Errorf("429 body = %s", r.Body)
		}
	}
	c.must(200, "GET", "/api/v2/routing/skills", nil)
	if _, f := adminCall(t, ts, "GET", "/admin/faults", ts.AdminKey(), nil); f["burst429"] != nil {
		t.Errorf("after the burst, GET /admin/faults = %v, want no burst left", f)
	}
}

func TestFaultLatency(t *testing.T) {
	ts, c := parallelDevOrg(t)
	adminCall(t, ts, "PUT", "/admin/faults", ts.AdminKey(), Faults{LatencyMs: 150})
	start := time.Now()
	c.must(200, "GET", "/api/v2/routing/skills", nil)
	if d := time.Since(start); d < 150*time.Millisecond {
		t.Errorf("request with latencyMs 150 took %v", d)
	}
}

func TestFaultLostAfterCommit(t *testing.T) {
	ts, c := parallelDevOrg(t)
	adminCall(t, ts, "PUT", "/admin/faults", ts.AdminKey(), Faults{LostAfterCommitRate: 1, Seed: 7})
	c.wantError(503, "service.unavailable", "POST", "/api/v2/routing/skills", map[string]any{"name": "Lost"})
	// Reads are not writes: they are never lost, and they show the write did commit.
	l := c.must(200, "GET", "/api/v2/routing/skills?name=Lost", nil)
	if l["total"].(float64) != 1 {
		t.Errorf("after a lost response the skill should exist once; list = %v", l)
	}
}

func TestFaultReadAfterWriteLag(t *testing.T) {
	ts, c := parallelDevOrg(t)
	adminCall(t, ts, "PUT", "/admin/faults", ts.AdminKey(), Faults{LagMs: 300})
	id := c.must(200, "POST", "/api/v2/routing/skills", map[string]any{"name": "Lagging"})["id"].(string)
	c.wantError(404, "not.found", "GET", "/api/v2/routing/skills/"+id, nil)
	deadline := time.Now().Add(5 * time.Second)
	for c.do("GET", "/api/v2/routing/skills/"+id, nil).Status != 200 {
		if time.Now().After(deadline) {
			t.Fatal("the skill never became visible")
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// Orgs created before a failing spec keep their secrets: they come back with the error.
func TestAdminCreateOrgsPartialFailureReturnsCredentials(t *testing.T) {
	t.Parallel()
	ts := NewTestServer(t)
	status, m := adminCall(t, ts, "POST", "/admin/orgs", ts.AdminKey(), []OrgSpec{
		{Name: "staging", Clients: []ClientSpec{{Name: "deploy", Role: store.RoleAdmin}}},
		{Name: "dev", Clients: []ClientSpec{{Name: "deploy", Role: store.RoleAdmin}}}, // exists already
	})
	if status != 400 || m["code"] != "bad.request" {
		t.Fatalf("status %d, body %v", status, m)
	}
	creds, _ := m["credentials"].([]any)
	if len(creds) != 1 || creds[0].(map[string]any)["org"] != "staging" || creds[0].(map[string]any)["client_secret"] == "" {
		t.Errorf("credentials of the org created before the failure = %v", m["credentials"])
	}
}

// Fault settings no org could have are refused, naming the field, and change nothing.
func TestAdminFaultsRefusesImpossibleSettings(t *testing.T) {
	t.Parallel()
	ts := NewTestServer(t)
	for field, value := range map[string]any{
		"latencyMs": -5, "lagMs": -1, "burst429": -3, "retryAfterSeconds": -1,
	} {
		status, m := adminCall(t, ts, "PUT", "/admin/faults", ts.AdminKey(), map[string]any{field: value})
		msg, _ := m["message"].(string)
		if status != 400 || !bytes.Contains([]byte(msg), []byte("["+field+"]")) {
			t.Errorf("PUT faults %s=%v: status %d message %q, want 400 naming the field", field, value, status, msg)
		}
	}
	if status, m := adminCall(t, ts, "GET", "/admin/faults", ts.AdminKey(), nil); status != 200 || len(m) != 0 {
		t.Errorf("after refused settings: status %d faults %v, want none active", status, m)
	}
}

// POST /admin/orgs/{org}/tokens: the admin key buys a token of the org's console admin client
// — made once, then reused — whose writes the audit log records under that client's name.
func TestAdminTokenActsAsTheConsoleAdmin(t *testing.T) {
	t.Parallel()
	ts := NewTestServer(t)
	if status, _ := adminCall(t, ts, "POST", "/admin/orgs/dev/tokens", "wrong", nil); status != http.StatusUnauthorized {
		t.Errorf("with a wrong key: status %d, want 401", status)
	}
	if status, _ := adminCall(t, ts, "POST", "/admin/orgs/nope/tokens", ts.AdminKey(), nil); status != http.StatusNotFound {
		t.Errorf("for an org the server does not hold: status %d, want 404", status)
	}
	var clientIDs []any
	for range 2 {
		status, ans := adminCall(t, ts, "POST", "/admin/orgs/dev/tokens", ts.AdminKey(), nil)
		if status != http.StatusOK || ans["access_token"] == "" || ans["client_name"] != AdminClientName {
			t.Fatalf("token: status %d, %v", status, ans)
		}
		clientIDs = append(clientIDs, ans["client_id"])
		c := &rawClient{t: t, base: ts.URL, token: ans["access_token"].(string)}
		me := c.must(http.StatusOK, "GET", "/api/v2/tokens/me", nil)
		if org, _ := me["organization"].(map[string]any); org["name"] != "dev" {
			t.Errorf("tokens/me: %v", me)
		}
		c.must(http.StatusOK, "POST", "/api/v2/routing/skills", map[string]any{"name": fmt.Sprintf("Console skill %d", len(clientIDs))})
	}
	if clientIDs[0] != clientIDs[1] {
		t.Errorf("two sign-ins made two clients: %v", clientIDs)
	}
}
