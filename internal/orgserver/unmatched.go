package orgserver

import (
	"fmt"
	"net/http"
	"strings"

	"github.com/cxascode/cxascode/internal/orgserver/apihttp"
)

// apiCatchAll is the route of /api/v2 requests no API route matches: 401 without a valid
// token (so that a caller learns nothing about routes before authenticating), 405 with an
// Allow header when the path is served under other methods, 404 otherwise. The catch-all
// pattern matches every method, so the mux's own 405 never happens for /api/v2 paths.
func (s *Server) apiCatchAll(w http.ResponseWriter, r *http.Request) {
	if _, aerr := s.authenticate(r); aerr != nil {
		apihttp.WriteError(w, r, aerr)
		return
	}
	if allowed := s.allowedMethods(r); len(allowed) > 0 {
		w.Header().Set("Allow", strings.Join(allowed, ", "))
		apihttp.WriteError(w, r, &apihttp.Error{Status: http.StatusMethodNotAllowed, Code: "method.not.allowed",
			Message: fmt.Sprintf("The method %s is not allowed on %s; allowed: %s.", r.Method, r.URL.Path, strings.Join(allowed, ", "))})
		return
	}
	apihttp.WriteError(w, r, &apihttp.Error{Status: http.StatusNotFound, Code: "not.found", Message: fmt.Sprintf("No API %s %s in this local org.", r.Method, r.URL.Path)})
}

// allowedMethods lists the methods an API route serves r's path with, by asking the mux
// (and the item subtrees, item_routes.go) which pattern each method the API's routes use
// would reach.
func (s *Server) allowedMethods(r *http.Request) []string {
	var allowed []string
	for _, m := range []string{http.MethodGet, http.MethodPost, http.MethodPut, http.MethodPatch, http.MethodDelete} {
		if m == r.Method {
			continue
		}
		probe := r.Clone(r.Context())
		probe.Method = m
		if pattern := s.servedPattern(probe); pattern != "" && pattern != apiCatchAllPattern {
			allowed = append(allowed, m)
		}
	}
	return allowed
}

// apiCatchAllPattern is the pattern apiCatchAll is registered with.
const apiCatchAllPattern = "/api/v2/"

// tokenWrongMethod answers /oauth/token under any method but POST: the mux's own 405 is
// plain text, and clients parse every error of this server as JSON.
func tokenWrongMethod(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Allow", http.MethodPost)
	apihttp.WriteError(w, r, &apihttp.Error{Status: http.StatusMethodNotAllowed, Code: "method.not.allowed",
		Message: fmt.Sprintf("The method %s is not allowed on /oauth/token; allowed: POST.", r.Method)})
}
