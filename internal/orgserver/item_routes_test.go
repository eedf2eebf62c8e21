package orgserver

import (
	"net/http"
	"testing"
)

// Registering a collection under /api/v2/flows/ beside the flow-by-id routes panicked in
// net/http's mux (/flows/milestones/{id} and /flows/{id}/versions match the same paths and
// neither is more specific). The flow's own routes now live in an item subtree, so any
// literal sibling registers and wins, and the flow's subresources answer as before.
func TestFlowCollectionsCoexistWithFlowSubresources(t *testing.T) {
	ts, c := parallelDevOrg(t)
	// Collections the Platform API has under /api/v2/flows/ with paths that overlap the
	// flow-by-id patterns in every shape: one segment after the id, and deeper ones.
	extra := []string{
		"GET /api/v2/flows/sibling/{id}",
		"PUT /api/v2/flows/sibling/{id}",
		"DELETE /api/v2/flows/sibling/{id}",
		"GET /api/v2/flows/sibling/{id}/rows/{rowId}",
		"GET /api/v2/flows/sibling/{id}/rows",
	}
	for _, pattern := range extra {
		answer := pattern
		ts.route(pattern, "architect:flow:view", func(w http.ResponseWriter, r *http.Request) error {
			w.Header().Set("X-Test-Route", answer)
			w.WriteHeader(http.StatusNoContent)
			return nil
		})
	}
	for _, tc := range []struct {
		method, path, route string
	}{
		{"GET", "/api/v2/flows/sibling/versions", "GET /api/v2/flows/sibling/{id}"},
		{"PUT", "/api/v2/flows/sibling/latestconfiguration", "PUT /api/v2/flows/sibling/{id}"},
		{"DELETE", "/api/v2/flows/sibling/x", "DELETE /api/v2/flows/sibling/{id}"},
		{"GET", "/api/v2/flows/sibling/versions/rows/configuration", "GET /api/v2/flows/sibling/{id}/rows/{rowId}"},
		{"GET", "/api/v2/flows/sibling/x/rows", "GET /api/v2/flows/sibling/{id}/rows"},
	} {
		r := c.do(tc.method, tc.path, nil)
		if r.Status != http.StatusNoContent || r.Header.Get("X-Test-Route") != tc.route {
			t.Errorf("%s %s: %d by %q, want 204 by %q", tc.method, tc.path, r.Status, r.Header.Get("X-Test-Route"), tc.route)
		}
	}

	// The flow's own subresources answer as they did on a single mux.
	c.wantError(404, "not.found", "GET", "/api/v2/flows/00000000-0000-0000-0000-00000000abcd/versions", nil)
	c.wantError(404, "not.found", "GET", "/api/v2/flows/00000000-0000-0000-0000-00000000abcd/latestconfiguration", nil)
	c.wantError(404, "not.found", "GET", "/api/v2/flows/00000000-0000-0000-0000-00000000abcd/no-such-thing", nil)
	for _, tc := range []struct {
		method, path, allow string
	}{
		{"PUT", "/api/v2/flows/f1/versions", "GET"},
		{"DELETE", "/api/v2/flows/f1/versions/1.0/configuration", "GET"},
		{"PATCH", "/api/v2/flows/f1/instances/settings/loglevels", "GET, POST, PUT, DELETE"},
	} {
		c.wantError(405, "method.not.allowed", tc.method, tc.path, nil)
		if got := c.do(tc.method, tc.path, nil).Header.Get("Allow"); got != tc.allow {
			t.Errorf("%s %s: Allow %q, want %q", tc.method, tc.path, got, tc.allow)
		}
	}
	if m := c.wantError(404, "not.found", "GET", "/api/v2/flows/f1/versions/1.0/configuration/more", nil); m["message"] != "No API GET /api/v2/flows/f1/versions/1.0/configuration/more in this local org." {
		t.Errorf("unmatched flow subresource: message %q, want the catch-all's", m["message"])
	}
	anonymous := &rawClient{t: t, base: c.base}
	anonymous.wantError(401, "authentication.required", "PUT", "/api/v2/flows/f1/versions", nil)
	anonymous.wantError(401, "authentication.required", "GET", "/api/v2/flows/f1/versions", nil)
}
