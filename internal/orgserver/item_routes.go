package orgserver

import (
	"net/http"
	"strings"
)

// Item subtrees: the subresources of one object of a collection that also holds literal
// collections as siblings of its ids.
//
// /api/v2/flows/{id}/versions and /api/v2/flows/milestones/{id} both match
// /api/v2/flows/milestones/versions, and neither pattern is more specific than the other,
// so net/http's mux refuses to hold both (it panics on registration). The Platform API has
// many such pairs under /api/v2/flows/ (milestones, outcomes, datatables, jobs, export
// jobs, instances/settings/loglevels beside a flow's versions, configuration and log level).
//
// So every route under an item prefix ("/api/v2/flows/{id}/") is registered on a mux of its
// own, and the server's mux holds one pattern for the whole subtree,
// "/api/v2/flows/{id}/{rest...}", which any literal sibling ("/api/v2/flows/milestones/{id}")
// is more specific than. The subtree's handler hands the request to the subtree's mux, or to
// the catch-all when nothing there matches, so paths, status codes and bodies (401, 405 with
// Allow, 404) stay what a single mux would answer.

// itemSubtreePrefixes are the item prefixes whose routes live in a subtree of their own.
func itemSubtreePrefixes() []string {
	return []string{"/api/v2/flows/{id}/"}
}

// itemSubtreePattern is the server mux's pattern for the subtree under prefix.
func itemSubtreePattern(prefix string) string { return prefix + "{rest...}" }

// newItemSubtrees makes one empty mux per item prefix, keyed by its subtree pattern.
func newItemSubtrees() map[string]*http.ServeMux {
	subtrees := map[string]*http.ServeMux{}
	for _, prefix := range itemSubtreePrefixes() {
		subtrees[itemSubtreePattern(prefix)] = http.NewServeMux()
	}
	return subtrees
}

// itemSubtreeRoutes registers each subtree's pattern on the server's mux. The pattern
// carries no method, so every method reaches the subtree, which answers unmatched ones as
// the catch-all would.
func (s *Server) itemSubtreeRoutes() {
	for pattern, sub := range s.itemSubtrees {
		s.mux.HandleFunc(pattern, func(w http.ResponseWriter, r *http.Request) {
			if _, matched := sub.Handler(r); matched != "" {
				sub.ServeHTTP(w, r)
				return
			}
			// Metrics and logs name unmatched requests by the catch-all's pattern, as they
			// did before the subtree existed.
			r.Pattern = apiCatchAllPattern
			s.apiCatchAll(w, r)
		})
	}
}

// muxFor is the mux an API route pattern ("GET /api/v2/flows/{id}/versions") is registered
// on: its item subtree's when its path lies under an item prefix, else the server's.
func (s *Server) muxFor(pattern string) *http.ServeMux {
	_, path, _ := strings.Cut(pattern, " ")
	for _, prefix := range itemSubtreePrefixes() {
		if strings.HasPrefix(path, prefix) {
			return s.itemSubtrees[itemSubtreePattern(prefix)]
		}
	}
	return s.mux
}

// servedPattern is the API route pattern that serves r, looking inside item subtrees;
// apiCatchAllPattern when no route does (and "" for paths outside every pattern).
func (s *Server) servedPattern(r *http.Request) string {
	_, pattern := s.mux.Handler(r)
	if sub, ok := s.itemSubtrees[pattern]; ok {
		if _, inner := sub.Handler(r); inner != "" {
			return inner
		}
		return apiCatchAllPattern
	}
	return pattern
}
