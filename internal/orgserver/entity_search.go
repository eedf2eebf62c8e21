package orgserver

import (
	"encoding/json"
	"net/http"
	"path"
	"strings"

	"github.com/cxascode/cxascode/internal/kinds"
	"github.com/cxascode/cxascode/internal/orgserver/apihttp"
	"github.com/cxascode/cxascode/internal/orgserver/host"
	"github.com/cxascode/cxascode/internal/orgserver/store"
)

// A generic kind with a search endpoint (kinds.API.Search, e.g. /api/v2/locations/search)
// answers the directory search request over its stored objects: the same criteria, matcher
// and paging as users and groups, with the kind's API model saying which fields exist.

// entitySearchRoutes registers the search endpoint of a generic kind that has one.
func (s *Server) entitySearchRoutes(h entityHandler) {
	if h.kind.API.Search == "" {
		return
	}
	s.route("POST "+h.kind.API.Search, h.kind.PermissionFor("GET"), h.search)
	s.route("GET "+h.kind.API.Search, h.kind.PermissionFor("GET"), h.search)
}

func (h entityHandler) search(w http.ResponseWriter, r *http.Request) error {
	model := h.kind.Model
	known := func(field string) bool {
		return field == "id" || kinds.FieldOf(model, kinds.TopLevel(field)) != nil
	}
	req, items, err := h.s.host.SearchVisible(r, h.s.entities.StoreKind(h.kind.Name), known,
		func(_ host.SearchRequest, o *store.Object) (host.SearchFields, bool) {
			var obj map[string]any
			if json.Unmarshal(o.Data, &obj) != nil {
				return nil, false
			}
			return objectSearchFields(obj, known), true
		})
	if err != nil {
		return err
	}
	// The results' type is the collection's last step ("locations").
	return apihttp.OK(w, host.SearchPage(h.kind.API.Search, path.Base(h.kind.API.Collection), req, items))
}

// objectSearchFields reads a field of decoded JSON by its dotted path ("address.city"): a
// string is one value, an array of strings many; other values match nothing.
func objectSearchFields(obj map[string]any, known func(string) bool) host.SearchFields {
	return func(field string) ([]string, bool) {
		if !known(field) {
			return nil, false
		}
		switch v := kinds.Get(obj, strings.TrimSpace(field)).(type) {
		case string:
			return []string{v}, true
		case []any:
			var out []string
			for _, el := range v {
				if s, ok := el.(string); ok {
					out = append(out, s)
				}
			}
			return out, true
		}
		return nil, true
	}
}
