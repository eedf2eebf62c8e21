package telephony

import (
	"net/http"

	"github.com/cxascode/cxascode/internal/orgserver/apihttp"
)

// Extension pools: the ranges users' extensions come from. The official provider lists
// them while it checks a user's phone extensions; no kind cxascode covers creates them, so
// the local org serves what a new org has — none: an empty listing (page-number paging)
// and 404 for any pool.
func (s *api) extensionPoolRoutes() {
	s.Route("GET /api/v2/telephony/providers/edges/extensionpools", "telephony:extensionPool:view", s.listExtensionPools)
	s.Route("GET /api/v2/telephony/providers/edges/extensionpools/{id}", "telephony:extensionPool:view", s.getExtensionPool)
}

func (s *api) listExtensionPools(w http.ResponseWriter, r *http.Request) error {
	p, err := apihttp.ParsePage(r, apihttp.MaxPageSize)
	if err != nil {
		return err
	}
	apihttp.WriteJSON(w, http.StatusOK, apihttp.NewListing(r, p, [][]byte{}))
	return nil
}

func (s *api) getExtensionPool(http.ResponseWriter, *http.Request) error {
	return apihttp.NotFound()
}
