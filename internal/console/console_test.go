package console_test

import (
	"context"
	"html"
	"io"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"github.com/cxascode/cxascode/internal/kinds"
	"github.com/cxascode/cxascode/internal/orgserver"
	"github.com/cxascode/cxascode/internal/platform"
)

// browserless is a cookie-keeping HTTP client for the console, for the tests that check what
// the server answers rather than what a browser shows.
type browserless struct {
	t    *testing.T
	base string
	c    *http.Client
}

func newBrowserless(t *testing.T, ts *orgserver.TestServer) *browserless {
	t.Helper()
	jar, err := cookiejar.New(nil)
	if err != nil {
		t.Fatal(err)
	}
	return &browserless{t: t, base: ts.URL, c: &http.Client{Jar: jar}}
}

func (b *browserless) get(path string) (int, string) {
	b.t.Helper()
	resp, err := b.c.Get(b.base + path)
	if err != nil {
		b.t.Fatalf("GET %s: %v", path, err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(body)
}

func (b *browserless) post(path string, form url.Values) (int, string) {
	b.t.Helper()
	resp, err := b.c.PostForm(b.base+path, form)
	if err != nil {
		b.t.Fatalf("POST %s: %v", path, err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(body)
}

func (b *browserless) signIn(cred orgserver.Credential) {
	b.t.Helper()
	status, body := b.post("/console/signin", url.Values{"org": {cred.Org}, "client_id": {cred.ClientID}, "client_secret": {cred.ClientSecret}})
	if status != http.StatusOK || !strings.Contains(body, `id="kinds"`) {
		b.t.Fatalf("sign in as %s/%s: %d\n%s", cred.Org, cred.Name, status, body)
	}
}

// signedIn is a browserless session of ts's dev org, signed in as its client named client.
func signedIn(t *testing.T, ts *orgserver.TestServer, client string) *browserless {
	t.Helper()
	b := newBrowserless(t, ts)
	b.signIn(ts.Credential(t, "dev", client))
	return b
}

var objectLink = regexp.MustCompile(`href="(/console/object/[^"]+)"`)

var csrfField = regexp.MustCompile(`name="csrf" value="([^"]+)"`)

// csrf reads the session's CSRF token from a page.
func (b *browserless) csrf(page string) string {
	b.t.Helper()
	m := csrfField.FindStringSubmatch(page)
	if m == nil {
		b.t.Fatalf("no CSRF token on the page:\n%s", page)
	}
	return m[1]
}

// apiClient is an API client of ts as one of its clients.
func apiClient(t testing.TB, ts *orgserver.TestServer, org, name string) *platform.Client {
	t.Helper()
	cred := ts.Credential(t, org, name)
	c, err := platform.New(platform.Config{BaseURL: ts.URL, ClientID: cred.ClientID, ClientSecret: cred.ClientSecret, RateLimitPerMinute: -1})
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// newQueue makes a queue in dev through the API as its deploy client and returns its id.
func newQueue(t *testing.T, ts *orgserver.TestServer, name string) string {
	t.Helper()
	var out struct {
		ID string `json:"id"`
	}
	err := apiClient(t, ts, "dev", "deploy").Do(context.Background(), http.MethodPost, "/api/v2/routing/queues", nil,
		map[string]any{"name": name, "description": "before"}, &out)
	if err != nil {
		t.Fatal(err)
	}
	return out.ID
}

// TestSignInEditAndAudit: an admin client signs in, lists queues with a search, changes a
// queue's description through the form and finds the change in the queue's history and the
// audit view, attributed to itself; a form without the session's CSRF token is refused.
func TestSignInEditAndAudit(t *testing.T) {
	t.Parallel()
	ts := orgserver.NewTestServer(t)
	id := newQueue(t, ts, "Console Billing")
	newQueue(t, ts, "Console Sales")
	b := newBrowserless(t, ts)
	deploy := ts.Credential(t, "dev", "deploy")
	b.signIn(deploy)

	status, list := b.get("/console/kinds/routing.queue?name=Console+Billing")
	if status != 200 || !strings.Contains(list, "Console Billing") || strings.Contains(list, "Console Sales") {
		t.Fatalf("queue search: %d\n%s", status, list)
	}
	status, obj := b.get("/console/object/routing.queue/" + id)
	if status != 200 || !strings.Contains(obj, `id="edit"`) {
		t.Fatalf("queue page: %d\n%s", status, obj)
	}
	edit := url.Values{"name": {"Console Billing"}, "description": {"edited in the console"}}
	if status, body := b.post("/console/edit/routing.queue/"+id, edit); status != http.StatusForbidden || !strings.Contains(body, "csrf") {
		t.Errorf("edit without the CSRF token: %d, want 403 csrf.mismatch\n%s", status, body)
	}
	edit.Set("csrf", b.csrf(obj))
	status, obj = b.post("/console/edit/routing.queue/"+id, edit)
	if status != 200 || !strings.Contains(obj, "edited in the console") {
		t.Fatalf("edit: %d\n%s", status, obj)
	}
	if !regexp.MustCompile(`(?s)id="history".*deploy.*Update.*description`).MatchString(obj) {
		t.Errorf("the queue's history lacks the edit by deploy:\n%s", obj)
	}
	status, audit := b.get("/console/audit?kind=routing.queue&client=" + deploy.ClientID + "&object=" + id)
	if status != 200 || !strings.Contains(audit, "Update") || !strings.Contains(audit, "Console Billing") {
		t.Errorf("audit view: %d\n%s", status, audit)
	}
}

// TestReadOnlyClientIsRefusedWrites: a read-only client browses, and every write it submits
// (with a valid CSRF token, so only the API's permission check stands in the way) is answered
// 403 by the org, the object unchanged.
func TestReadOnlyClientIsRefusedWrites(t *testing.T) {
	t.Parallel()
	ts := orgserver.NewTestServer(t)
	id := newQueue(t, ts, "Read Only Target")
	b := signedIn(t, ts, "readonly")
	status, obj := b.get("/console/object/routing.queue/" + id)
	if status != 200 || !strings.Contains(obj, "read-only") {
		t.Fatalf("read-only browse: %d\n%s", status, obj)
	}
	csrf := b.csrf(obj)
	for _, w := range []struct {
		path string
		form url.Values
	}{
		{"/console/edit/routing.queue/" + id, url.Values{"description": {"not allowed"}}},
		{"/console/delete/routing.queue/" + id, url.Values{}},
		{"/console/kinds/routing.queue", url.Values{"json": {`{"name": "Sneaky"}`}}},
	} {
		w.form.Set("csrf", csrf)
		if status, body := b.post(w.path, w.form); status != http.StatusForbidden || !strings.Contains(body, `id="error-status">403`) {
			t.Errorf("POST %s as read-only: %d, want 403\n%s", w.path, status, body)
		}
	}
	if _, obj := b.get("/console/object/routing.queue/" + id); !strings.Contains(obj, "before") {
		t.Errorf("the queue changed:\n%s", obj)
	}
}

// TestSignInChecksTheOrg: a client of dev cannot sign in to prod, and a wrong secret is refused.
func TestSignInChecksTheOrg(t *testing.T) {
	t.Parallel()
	ts := orgserver.NewTestServer(t)
	b := newBrowserless(t, ts)
	dev := ts.Credential(t, "dev", "deploy")
	if status, body := b.post("/console/signin", url.Values{"org": {"prod"}, "client_id": {dev.ClientID}, "client_secret": {dev.ClientSecret}}); status != 401 || !strings.Contains(body, "belongs to the org dev") {
		t.Errorf("dev client into prod: %d\n%s", status, body)
	}
	if status, _ := b.post("/console/signin", url.Values{"client_id": {dev.ClientID}, "client_secret": {"wrong"}}); status != 401 {
		t.Errorf("wrong secret: %d", status)
	}
	if status, body := b.get("/console/kinds"); status != 200 || !strings.Contains(body, `id="signin"`) {
		t.Errorf("unsigned visit: %d, want the sign-in page\n%s", status, body)
	}
}

// TestSignInWithTheAdminKey: the org server's admin key signs in to the org picked, as its
// console admin client, whose edits the audit log names; a wrong key and a missing org are
// refused.
func TestSignInWithTheAdminKey(t *testing.T) {
	t.Parallel()
	ts := orgserver.NewTestServer(t)
	id := newQueue(t, ts, "Admin Key Target")
	b := newBrowserless(t, ts)
	if status, body := b.post("/console/signin", url.Values{"org": {"dev"}, "admin_key": {"wrong"}}); status != 401 || !strings.Contains(body, "refused this admin key") {
		t.Errorf("a wrong admin key: %d\n%s", status, body)
	}
	if status, body := b.post("/console/signin", url.Values{"admin_key": {ts.AdminKey()}}); status != 400 || !strings.Contains(body, "Pick the org") {
		t.Errorf("the admin key without an org: %d\n%s", status, body)
	}
	status, body := b.post("/console/signin", url.Values{"org": {"prod"}, "admin_key": {ts.AdminKey()}})
	if status != 200 || !strings.Contains(body, `id="kinds"`) || !strings.Contains(body, orgserver.AdminClientName) {
		t.Fatalf("sign in to prod with the admin key: %d\n%s", status, body)
	}
	// Signed in to prod: dev's queue is not there.
	if status, _ := b.get("/console/object/routing.queue/" + id); status != http.StatusNotFound {
		t.Errorf("dev's queue seen from prod: %d", status)
	}
	b = newBrowserless(t, ts)
	if status, _ := b.post("/console/signin", url.Values{"org": {"dev"}, "admin_key": {ts.AdminKey()}}); status != 200 {
		t.Fatalf("sign in to dev with the admin key: %d", status)
	}
	_, obj := b.get("/console/object/routing.queue/" + id)
	edit := url.Values{"name": {"Admin Key Target"}, "description": {"edited by the admin"}, "csrf": {b.csrf(obj)}}
	if status, obj := b.post("/console/edit/routing.queue/"+id, edit); status != 200 || !strings.Contains(obj, "edited by the admin") ||
		!regexp.MustCompile(`(?s)id="history".*`+regexp.QuoteMeta(orgserver.AdminClientName)+`.*Update`).MatchString(obj) {
		t.Errorf("edit as the console admin: %d\n%s", status, obj)
	}
}

// TestEveryServedKindHasAListPage: the list page of every kind the catalogue serves renders
// for an admin, and so does the page of the first object listed (a new org holds its seeded
// objects: the home division, roles, scripts, singletons); the kinds page links them all.
func TestEveryServedKindHasAListPage(t *testing.T) {
	t.Parallel()
	ts := orgserver.NewTestServer(t)
	b := signedIn(t, ts, "deploy")
	_, kindsPage := b.get("/console/kinds")
	opened := 0
	for _, k := range kinds.Genesys().Where(func(k *kinds.Kind) bool { return k.Served() }) {
		if !strings.Contains(kindsPage, `href="/console/kinds/`+k.Name+`"`) {
			t.Errorf("the kinds page does not link %s", k.Name)
		}
		status, list := b.get("/console/kinds/" + k.Name)
		if status != http.StatusOK {
			t.Errorf("%s: list page %d\n%s", k.Name, status, list)
			continue
		}
		if first := objectLink.FindStringSubmatch(list); first != nil {
			opened++
			if status, body := b.get(html.UnescapeString(first[1])); status != http.StatusOK {
				t.Errorf("%s: object page %s: %d\n%s", k.Name, first[1], status, body)
			}
		}
	}
	t.Logf("opened the first object of %d kinds", opened)
	if opened < 3 {
		t.Errorf("only %d kinds listed an object; a new org holds seeded objects of more", opened)
	}
}
