package orgserver

import (
	"net/http"

	"github.com/cxascode/cxascode/internal/orgserver/host"
)

// The search convention (POST …/search bodies, criteria, matching, the result page) lives
// in host/search.go, shared by the directory's searches and the generic entity's; these
// are its spellings for entity_search.go, which stays here until the generic entity's
// routes move.

type searchFields = host.SearchFields

func readSearchRequest(r *http.Request) (host.SearchRequest, error) { return host.ReadSearchRequest(r) }

func validateCriteria(cs []host.SearchCriterion, known func(string) bool) error {
	return host.ValidateCriteria(cs, known)
}

func matchAll(cs []host.SearchCriterion, get searchFields) bool { return host.MatchAll(cs, get) }

func searchPage(path, typ string, req host.SearchRequest, items [][]byte) host.SearchResponse {
	return host.SearchPage(path, typ, req, items)
}
