package architect

import (
	"net/http"
	"time"

	"github.com/cxascode/cxascode/internal/orgserver/apihttp"
)

// dependencyTrackingRoutes serves the consumed-resources query the TF exporter uses, and the
// build status and rebuild the official provider calls around knowledge bases.
// Dependencies come from published flow versions (flow_deps.go), derived when asked, so the
// data is always built: the status is OPERATIONAL and a rebuild has nothing to do. Objects
// that are not flows consume nothing, so their listing is empty but well-formed (pageCount 0).
func (s *api) dependencyTrackingRoutes() {
	const build = "/api/v2/architect/dependencytracking/build"
	s.Route("GET /api/v2/architect/dependencytracking/consumedresources", "architect:dependencyTracking:view", s.listConsumedResources)
	s.Route("GET "+build, "architect:dependencyTracking:view", s.dependencyTrackingBuildStatus)
	s.Route("POST "+build, "architect:dependencyTracking:rebuild", s.rebuildDependencyTracking)
}

func (s *api) listConsumedResources(w http.ResponseWriter, r *http.Request) error {
	p, err := apihttp.ParsePage(r, apihttp.MaxPageSize)
	if err != nil {
		return err
	}
	for _, key := range []string{"id", "version", "objectType"} {
		if r.URL.Query().Get(key) == "" {
			return apihttp.Required(key)
		}
	}
	q := r.URL.Query()
	items, _ := ConsumedResources(s.Store, apihttp.PrincipalOf(r.Context()).OrgID, q.Get("id"), q.Get("version"), apihttp.MultiParam(r, "resourceType"))
	return apihttp.WritePage(w, r, p, items)
}

func (s *api) dependencyTrackingBuildStatus(w http.ResponseWriter, r *http.Request) error {
	// Dependencies are computed on every query, so the last build is "now".
	now := time.Now().UTC().Format("2006-01-02T15:04:05.000Z")
	return apihttp.OK(w, map[string]any{
		"status": "OPERATIONAL", "dateStarted": now, "dateCompleted": now,
		"selfUri": "/api/v2/architect/dependencytracking/build",
	})
}

func (s *api) rebuildDependencyTracking(w http.ResponseWriter, r *http.Request) error {
	w.WriteHeader(http.StatusAccepted)
	return nil
}
