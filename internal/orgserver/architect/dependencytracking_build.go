package architect

import (
	"net/http"
	"time"

	"github.com/cxascode/cxascode/internal/orgserver/apihttp"
)

// dependencyTrackingBuildRoutes serves the build status and the rebuild the official provider
// calls around knowledge bases. The local org derives dependencies from the published flow
// versions when asked (flow_deps.go), so its data is always built: the status is OPERATIONAL
// and a rebuild has nothing to do.
func (s *api) dependencyTrackingBuildRoutes() {
	const build = "/api/v2/architect/dependencytracking/build"
	s.Route("GET "+build, "architect:dependencyTracking:view", s.dependencyTrackingBuildStatus)
	s.Route("POST "+build, "architect:dependencyTracking:rebuild", s.rebuildDependencyTracking)
}

func (s *api) dependencyTrackingBuildStatus(w http.ResponseWriter, r *http.Request) error {
	// Dependencies are computed on every query, so the last build is "now".
	now := time.Now().UTC().Format("2006-01-02T15:04:05.000Z")
	apihttp.WriteJSON(w, http.StatusOK, map[string]any{
		"status": "OPERATIONAL", "dateStarted": now, "dateCompleted": now,
		"selfUri": "/api/v2/architect/dependencytracking/build",
	})
	return nil
}

func (s *api) rebuildDependencyTracking(w http.ResponseWriter, r *http.Request) error {
	w.WriteHeader(http.StatusAccepted)
	return nil
}
