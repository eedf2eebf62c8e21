package orgserver

import (
	"encoding/json"
	"net/http"
	"strings"
	"testing"

	"github.com/cxascode/cxascode/internal/kinds"
	"github.com/cxascode/cxascode/internal/orgserver/apihttp"
)

// createRoute is a create endpoint and a valid body with the name left for the test to fill.
type createRoute struct {
	path string
	body func(name string) map[string]any
}

// createRoutes are create endpoints of hand-written API groups and of every generic kind:
// the body limits must hold for each, whoever wrote its handler.
func createRoutes() []createRoute {
	named := func(extra map[string]any) func(string) map[string]any {
		return func(name string) map[string]any {
			b := map[string]any{"name": name}
			for k, v := range extra {
				b[k] = v
			}
			return b
		}
	}
	routes := []createRoute{
		{"/api/v2/routing/skills", named(nil)},
		{"/api/v2/routing/queues", named(nil)},
		{"/api/v2/routing/wrapupcodes", named(nil)},
		{"/api/v2/routing/languages", named(nil)},
		{"/api/v2/authorization/divisions", named(nil)},
		{"/api/v2/authorization/roles", named(nil)},
		{"/api/v2/groups", named(map[string]any{"type": "official", "visibility": "public"})},
		{"/api/v2/users", func(name string) map[string]any {
			return map[string]any{"name": name, "email": "limits@example.com"}
		}},
	}
	for _, k := range genericKinds() {
		model := k.RequestModel(http.MethodPost)
		routes = append(routes, createRoute{k.API.Collection, func(name string) map[string]any { return minimalBody(model, name) }})
	}
	return routes
}

// Names of 10,000 characters, names with control characters and huge descriptions were
// stored; every create now refuses them with a 400 (413 for the body) naming the field.
func TestBodyLimitsHoldForEveryKind(t *testing.T) {
	_, c := parallelDevOrg(t)
	for _, rt := range createRoutes() {
		if k := kinds.Genesys().ByCollection(rt.path); k != nil {
			rt.path = c.underParent(k).API.Collection // a child kind's create under a parent of its own
		}
		for _, tc := range []struct {
			what   string
			body   map[string]any
			status int
			code   string
			text   string
		}{
			{"10,000-character name", rt.body(strings.Repeat("n", 10000)), 400, "bad.request", "[name] must be at most 256 characters"},
			{"NUL in the name", rt.body("Bad\u0000name"), 400, "bad.request", "[name] must not contain control characters"},
			{"newline in the name", rt.body("Bad\nname"), 400, "bad.request", "[name] must not contain control characters"},
			{"control character in a nested id", with(rt.body("Nested id"), "division", map[string]any{"id": "a\u0007b"}), 400, "bad.request", "[division.id] must not contain control characters"},
			{"100,000-character description", with(rt.body("Long text"), "description", strings.Repeat("d", 100000)), 400, "bad.request", "[description] must be at most 65536 characters"},
			{"7 MB description", with(rt.body("Huge text"), "description", strings.Repeat("d", 7<<20)), 413, "request.entity.too.large", "limit of 1048576 bytes"},
		} {
			m := c.wantError(tc.status, tc.code, "POST", rt.path, tc.body)
			if msg, _ := m["message"].(string); !strings.Contains(msg, tc.text) {
				t.Errorf("POST %s with a %s: message %q, want it to contain %q", rt.path, tc.what, msg, tc.text)
			}
		}
	}
	// The bound is on characters, not bytes, and a name at the bound is fine.
	c.must(200, "POST", "/api/v2/routing/skills", map[string]any{"name": strings.Repeat("é", apihttp.MaxNameLength)})
	c.must(200, "POST", "/api/v2/routing/queues", map[string]any{"name": "Multi-line text is fine", "description": "line one\nline two\ttabbed"})
}

// A body with data after its JSON value, or declared as anything but JSON, was accepted.
func TestJSONBodiesAreStrict(t *testing.T) {
	_, c := parallelDevOrg(t)
	send := func(contentType, body string) (int, map[string]any) {
		t.Helper()
		req, _ := http.NewRequest("POST", c.base+"/api/v2/routing/skills", strings.NewReader(body))
		req.Header.Set("Authorization", "Bearer "+c.token)
		if contentType != "" {
			req.Header.Set("Content-Type", contentType)
		}
		resp := send(t, req)
		m := map[string]any{}
		if err := json.Unmarshal(resp.Body, &m); err != nil {
			t.Fatalf("Content-Type %q body %q: answer is not JSON: %q", contentType, body, resp.Body)
		}
		if resp.Status >= 400 && (m["contextId"] != resp.Header.Get(apihttp.CorrelationHeader) || m["details"] == nil || m["errors"] == nil) {
			t.Errorf("Content-Type %q body %q: not the API's error body: %s", contentType, body, resp.Body)
		}
		return resp.Status, m
	}
	for _, tc := range []struct {
		contentType, body string
		status            int
		code              string
	}{
		{"application/json", `{"name":"Trailing"} {"name":"Second"}`, 400, "bad.request"},
		{"application/json", `{"name":"Trailing"}garbage`, 400, "bad.request"},
		{"application/json", `{"name":"Trailing"}]`, 400, "bad.request"},
		{"application/json", ``, 400, "bad.request"},
		{"text/plain", `{"name":"Plain text"}`, 415, "unsupported.media.type"},
		{"application/x-www-form-urlencoded", `{"name":"Form"}`, 415, "unsupported.media.type"},
		{"application/xml", `{"name":"Xml"}`, 415, "unsupported.media.type"},
		{"application/json; charset=UTF-8", `{"name":"With charset"}` + "\n", 200, ""},
		{"application/vnd.genesys+json", `{"name":"Vendor json"}`, 200, ""},
		{"", `{"name":"No content type"}`, 200, ""}, // clients we did not write leave it out
	} {
		status, m := send(tc.contentType, tc.body)
		if status != tc.status || (tc.code != "" && m["code"] != tc.code) {
			t.Errorf("Content-Type %q body %q: %d %v, want %d %s (message %v)", tc.contentType, tc.body, status, m["code"], tc.status, tc.code, m["message"])
		}
	}
}

// with sets key in a body and returns it.
func with(body map[string]any, key string, v any) map[string]any {
	body[key] = v
	return body
}

// A wrong method on a path the API serves was a 404, as if the path did not exist.
func TestWrongMethodIs405WithAllow(t *testing.T) {
	_, c := parallelDevOrg(t)
	skill := c.must(200, "POST", "/api/v2/routing/skills", map[string]any{"name": "Method check"})["id"].(string)
	for _, tc := range []struct {
		method, path, allow string
	}{
		{"DELETE", "/api/v2/routing/skills", "GET, POST"},
		{"PUT", "/api/v2/routing/skills/" + skill, "GET, PATCH, DELETE"},
		{"POST", "/api/v2/tokens/me", "GET"},
	} {
		c.wantError(405, "method.not.allowed", tc.method, tc.path, nil)
		if got := c.do(tc.method, tc.path, nil).Header.Get("Allow"); got != tc.allow {
			t.Errorf("%s %s: Allow %q, want %q", tc.method, tc.path, got, tc.allow)
		}
	}
	c.wantError(404, "not.found", "GET", "/api/v2/routing/nothing-here", nil)
	// Without a token the answer says nothing about which routes exist.
	anonymous := &rawClient{t: t, base: c.base}
	anonymous.wantError(401, "authentication.required", "DELETE", "/api/v2/routing/skills", nil)
	// The token endpoint answers a wrong method in JSON too.
	m := anonymous.wantError(405, "method.not.allowed", "GET", "/oauth/token", nil)
	if !strings.Contains(m["message"].(string), "POST") {
		t.Errorf("GET /oauth/token: message %q does not name POST", m["message"])
	}
}
