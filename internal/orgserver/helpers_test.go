package orgserver

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"net/url"
	"os"
	"strings"
	"testing"
)

// rawClient talks to a test server over real HTTP with one client's token, and keeps
// responses raw so tests check the wire format, not a decoder's reading of it.
type rawClient struct {
	t     testing.TB
	base  string
	token string
}

type rawResponse struct {
	Status int
	Header http.Header
	Body   []byte
}

// newRawClient gets a token for client name of org.
func newRawClient(t testing.TB, ts *TestServer, org, name string) *rawClient {
	t.Helper()
	c := ts.Credential(t, org, name)
	req, _ := http.NewRequest("POST", ts.URL+"/oauth/token", strings.NewReader("grant_type=client_credentials"))
	req.SetBasicAuth(c.ClientID, c.ClientSecret)
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var tok struct {
		AccessToken string `json:"access_token"`
	}
	if resp.StatusCode != 200 || json.NewDecoder(resp.Body).Decode(&tok) != nil || tok.AccessToken == "" {
		t.Fatalf("token for %s/%s: status %d", org, name, resp.StatusCode)
	}
	return &rawClient{t: t, base: ts.URL, token: tok.AccessToken}
}

// readTestFile reads a fixture file, failing the test when it cannot.
func readTestFile(t *testing.T, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// parallelDevOrg marks the test parallel (each test has its own server), starts a test
// server and returns it with a raw client holding the token of the dev org's deploy
// client: the setup most tests begin with.
func parallelDevOrg(t *testing.T) (*TestServer, *rawClient) {
	t.Helper()
	t.Parallel()
	ts := NewTestServer(t)
	return ts, newRawClient(t, ts, "dev", "deploy")
}

// do sends a request; body may be nil, a string or bytes (sent as is), or any value (JSON-encoded).
func (c *rawClient) do(method, path string, body any) rawResponse {
	c.t.Helper()
	var rd io.Reader
	switch b := body.(type) {
	case nil:
	case string:
		rd = strings.NewReader(b)
	case []byte:
		rd = bytes.NewReader(b)
	default:
		j, err := json.Marshal(b)
		if err != nil {
			c.t.Fatal(err)
		}
		rd = bytes.NewReader(j)
	}
	req, err := http.NewRequest(method, c.base+path, rd)
	if err != nil {
		c.t.Fatal(err)
	}
	if c.token != "" {
		req.Header.Set("Authorization", "Bearer "+c.token)
	}
	if rd != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	return send(c.t, req)
}

// send sends a request built by hand (headers a rawClient would not set) and returns the
// answer raw.
func send(t testing.TB, req *http.Request) rawResponse {
	t.Helper()
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return rawResponse{Status: resp.StatusCode, Header: resp.Header, Body: b}
}

// must sends a request and fails the test unless the status is want; it returns the body decoded.
func (c *rawClient) must(want int, method, path string, body any) map[string]any {
	c.t.Helper()
	r := c.do(method, path, body)
	if r.Status != want {
		c.t.Fatalf("%s %s: status %d, want %d; body %s", method, path, r.Status, want, r.Body)
	}
	m := map[string]any{}
	if len(r.Body) > 0 {
		if err := json.Unmarshal(r.Body, &m); err != nil {
			c.t.Fatalf("%s %s: body is not a JSON object: %s", method, path, r.Body)
		}
	}
	return m
}

// wantError checks a non-2xx response: status, error code, the JSON error body the SDKs
// parse (details and errors present and empty) and the correlation id header.
func (c *rawClient) wantError(status int, code, method, path string, body any) map[string]any {
	c.t.Helper()
	r := c.do(method, path, body)
	if r.Status != status {
		c.t.Fatalf("%s %s: status %d, want %d; body %s", method, path, r.Status, status, r.Body)
	}
	var m map[string]any
	if err := json.Unmarshal(r.Body, &m); err != nil {
		c.t.Fatalf("%s %s: error body is not JSON: %q", method, path, r.Body)
	}
	if m["code"] != code {
		c.t.Errorf("%s %s: code %v, want %s (message %v)", method, path, m["code"], code, m["message"])
	}
	if int(m["status"].(float64)) != status {
		c.t.Errorf("%s %s: body status %v, want %d", method, path, m["status"], status)
	}
	cid := r.Header.Get("ININ-Correlation-Id")
	if cid == "" || m["contextId"] != cid {
		c.t.Errorf("%s %s: contextId %v, correlation header %q", method, path, m["contextId"], cid)
	}
	if d, ok := m["details"].([]any); !ok || len(d) != 0 {
		c.t.Errorf("%s %s: details must be an empty array, got %v", method, path, m["details"])
	}
	if e, ok := m["errors"].([]any); !ok || len(e) != 0 {
		c.t.Errorf("%s %s: errors must be an empty array, got %v", method, path, m["errors"])
	}
	return m
}

// fieldRefusal is a body a POST refuses with 400 and the field its message must name.
type fieldRefusal struct {
	body  map[string]any
	field string
}

// wantFieldRefusals posts each body to path and wants a 400 bad.request whose message names
// the body's field, as the API names what it refuses.
func (c *rawClient) wantFieldRefusals(path string, refusals []fieldRefusal) {
	c.t.Helper()
	for _, tc := range refusals {
		m := c.wantError(400, "bad.request", "POST", path, tc.body)
		if !strings.Contains(m["message"].(string), tc.field) {
			c.t.Errorf("POST %v: message %q does not name %s", tc.body, m["message"], tc.field)
		}
	}
}

// refusal is a body the API refuses with a 400 of code whose message holds text; what names
// the case.
type refusal struct {
	what string
	body map[string]any
	code string
	text string
}

// wantRefusals posts each body to path and wants its refusal.
func (c *rawClient) wantRefusals(path string, refusals []refusal) {
	c.t.Helper()
	for _, tc := range refusals {
		m := c.wantError(400, tc.code, "POST", path, tc.body)
		if msg, _ := m["message"].(string); !strings.Contains(msg, tc.text) {
			c.t.Errorf("%s: message %q does not contain %q", tc.what, msg, tc.text)
		}
	}
}

// wantVersionedPut replaces the object at item as a versioned kind requires: refused without
// the version (400) and with a stale one (409), taken with the current one (1); it returns
// the answer. put keeps the version it was sent with.
func (c *rawClient) wantVersionedPut(item string, put map[string]any) map[string]any {
	c.t.Helper()
	c.wantError(400, "bad.request", "PUT", item, put)
	put["version"] = 3
	c.wantError(409, "general.conflict", "PUT", item, put)
	put["version"] = 1
	return c.must(200, "PUT", item, put)
}

// wantSoftDeletedLifecycle walks a regular kind whose objects are soft-deleted (skills,
// languages) through what they share: a created object is version "1", active, at its
// selfUri and read back by id; its name is taken ignoring case (sameName: 409) and a blank
// one is refused naming [name]; DELETE leaves it readable in state deleted and a second
// DELETE answers 404, as does an unknown id; the name is free again and the deleted object
// is not listed by name prefix. It returns the object as created and as read after the delete.
func (c *rawClient) wantSoftDeletedLifecycle(path, name, sameName, blank, prefix string) (created, deleted map[string]any) {
	c.t.Helper()
	created = c.must(200, "POST", path, map[string]any{"name": name})
	id := created["id"].(string)
	if created["version"] != "1" || created["state"] != "active" || created["selfUri"] != path+"/"+id {
		c.t.Errorf("created %s = %v", path, created)
	}
	c.wantError(409, "general.conflict", "POST", path, map[string]any{"name": sameName})
	m := c.wantError(400, "bad.request", "POST", path, map[string]any{"name": blank})
	if !strings.Contains(m["message"].(string), "[name]") {
		c.t.Errorf("missing-name message does not name the field: %v", m["message"])
	}
	if got := c.must(200, "GET", path+"/"+id, nil); got["name"] != name {
		c.t.Errorf("get = %v", got)
	}
	c.must(204, "DELETE", path+"/"+id, nil)
	deleted = c.must(200, "GET", path+"/"+id, nil)
	if deleted["state"] != "deleted" {
		c.t.Errorf("after delete, state = %v, want deleted", deleted["state"])
	}
	c.wantError(404, "not.found", "DELETE", path+"/"+id, nil)
	c.wantError(404, "not.found", "GET", path+"/00000000-0000-0000-0000-000000000000", nil)
	c.must(200, "POST", path, map[string]any{"name": name})
	if l := c.must(200, "GET", path+q("name", prefix), nil); l["total"].(float64) != 1 {
		c.t.Errorf("list by name prefix: total %v, want 1", l["total"])
	}
	return created, deleted
}

// createNamed posts an object of each name to path ({"name": …}) and returns their ids by
// name.
func (c *rawClient) createNamed(path string, objectNames ...string) map[string]string {
	c.t.Helper()
	ids := map[string]string{}
	for _, n := range objectNames {
		ids[n] = c.must(200, "POST", path, map[string]any{"name": n})["id"].(string)
	}
	return ids
}

// listingCase is a query of a listing and the names it must answer, in order, joined by
// commas.
type listingCase struct{ query, want string }

// wantListedNames gets path with each case's query and wants the names the case lists.
func (c *rawClient) wantListedNames(path string, cases []listingCase) {
	c.t.Helper()
	for _, tc := range cases {
		if got := strings.Join(names(c.must(200, "GET", path+tc.query, nil)), ","); got != tc.want {
			c.t.Errorf("GET %s%s = %q, want %q", path, tc.query, got, tc.want)
		}
	}
}

// q builds a query string.
func q(kv ...string) string {
	v := url.Values{}
	for i := 0; i+1 < len(kv); i += 2 {
		v.Add(kv[i], kv[i+1])
	}
	return "?" + v.Encode()
}
