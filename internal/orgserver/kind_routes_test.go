package orgserver

import (
	"slices"
	"testing"

	"github.com/cxascode/cxascode/internal/kinds"
)

// Every hand-written kind serves the standard routes its catalogue entry describes (the
// areas register them with host.Host.KindRoutes), so the provider, drift and export, which
// read the paths from the entry, reach a route.
func TestHandWrittenKindsServeTheirCatalogueRoutes(t *testing.T) {
	t.Parallel()
	ts := NewTestServer(t)
	for name := range handWrittenKinds() {
		k := kinds.Genesys().Named(name)
		if name == kinds.UserRoles || name == kinds.GroupRoles || k.API.ItemPath != "" || k.API.Parent != "" {
			// Grants live under /authorization/subjects/{subjectId}, a log level under its
			// flow, a row under its table: paths of their own, tested with their kinds.
			continue
		}
		want := []string{"POST " + k.API.CreateAt(), "GET " + k.API.Item("{id}")}
		if !k.API.NoList {
			want = append(want, "GET "+k.API.Collection)
		}
		if k.API.Update != "" {
			want = append(want, k.API.Update+" "+k.API.Item("{id}"))
		}
		if !k.API.NoDelete {
			want = append(want, "DELETE "+k.API.Item("{id}"))
		}
		for _, pattern := range want {
			if !slices.Contains(ts.apiPatterns, pattern) {
				t.Errorf("%s: no route %q", name, pattern)
			}
		}
	}
}
