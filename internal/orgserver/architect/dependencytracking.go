package architect

import (
	"net/http"

	"github.com/cxascode/cxascode/internal/orgserver/apihttp"
)

// dependencyTrackingRoutes serves the consumed-resources query the TF exporter uses.
// Dependencies come from published flow versions (flow_deps.go); objects that
// are not flows consume nothing, so their listing is empty but well-formed (pageCount 0).
func (s *api) dependencyTrackingRoutes() {
	s.Route("GET /api/v2/architect/dependencytracking/consumedresources", "architect:dependencyTracking:view", s.listConsumedResources)
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
	apihttp.WriteJSON(w, http.StatusOK, apihttp.NewListing(r, p, items))
	return nil
}
