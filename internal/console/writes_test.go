package console_test

import (
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"github.com/cxascode/cxascode/internal/orgserver"
)

// TestCreateEditDeleteARegularKind: an admin creates a wrap-up code (a regular kind, served
// by the generic entity) from JSON, renames it and gives it a description through the edit
// form (PUT with its version), and deletes it; each step goes through the API as the client.
func TestCreateEditDeleteARegularKind(t *testing.T) {
	t.Parallel()
	ts := orgserver.NewTestServer(t)
	b := signedIn(t, ts, "deploy")
	_, newPage := b.get("/console/kinds/routing.wrapupcode/new")
	csrf := b.csrf(newPage)

	status, obj := b.post("/console/kinds/routing.wrapupcode", url.Values{"csrf": {csrf}, "json": {`{"name": "Console Code"}`}})
	if status != http.StatusOK || !strings.Contains(obj, `id="object-name">Console Code<`) {
		t.Fatalf("create: %d\n%s", status, obj)
	}
	m := regexp.MustCompile(`action="(/console/edit/routing\.wrapupcode/[^"]+)"`).FindStringSubmatch(obj)
	if m == nil {
		t.Fatalf("no edit form on the new object's page:\n%s", obj)
	}
	editPath := m[1]
	status, obj = b.post(editPath, url.Values{"csrf": {csrf}, "name": {"Console Code Renamed"}, "description": {"made in the console"}})
	if status != http.StatusOK || !strings.Contains(obj, "Console Code Renamed") || !strings.Contains(obj, "made in the console") {
		t.Fatalf("edit: %d\n%s", status, obj)
	}
	// A form loaded before another change carries the old version: the console refuses it
	// rather than overwrite that change.
	if status, body := b.post(editPath, url.Values{"csrf": {csrf}, "version": {"0"}, "description": {"stale"}}); status != http.StatusConflict {
		t.Errorf("a stale edit: %d, want 409\n%s", status, body)
	}
	deletePath := strings.Replace(editPath, "/edit/", "/delete/", 1)
	status, list := b.post(deletePath, url.Values{"csrf": {csrf}})
	if status != http.StatusOK || strings.Contains(list, "Console Code Renamed") {
		t.Errorf("delete: %d\n%s", status, list)
	}
	_, audit := b.get("/console/audit?kind=routing.wrapupcode")
	for _, action := range []string{"Create", "Update", "Delete"} {
		if !strings.Contains(audit, "<td>"+action+"</td>") {
			t.Errorf("the audit view lacks the %s:\n%s", action, audit)
		}
	}
}

// TestFaultsPanel: the panel shows the server's faults; setting them needs the admin key the
// person types (the admin surface refuses a wrong one), and the new settings show.
func TestFaultsPanel(t *testing.T) {
	t.Parallel()
	ts := orgserver.NewTestServer(t)
	b := signedIn(t, ts, "deploy")
	status, page := b.get("/console/faults")
	if status != http.StatusOK {
		t.Fatalf("faults page: %d\n%s", status, page)
	}
	form := url.Values{"csrf": {b.csrf(page)}, "latencyMs": {"5"}, "errorRate": {"0"}, "admin_key": {"wrong"}}
	if status, body := b.post("/console/faults", form); status != http.StatusUnauthorized {
		t.Errorf("faults with a wrong admin key: %d, want 401\n%s", status, body)
	}
	form.Set("admin_key", ts.AdminKey())
	status, page = b.post("/console/faults", form)
	if status != http.StatusOK || !strings.Contains(page, `id="saved"`) || !strings.Contains(page, `name="latencyMs" value="5"`) {
		t.Errorf("faults set: %d\n%s", status, page)
	}
	ts.SetFaults(orgserver.Faults{})
}
