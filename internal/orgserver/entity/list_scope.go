package entity

import (
	"net/url"

	"github.com/cxascode/cxascode/internal/kinds"
	"github.com/cxascode/cxascode/internal/orgserver/apihttp"
	"github.com/cxascode/cxascode/internal/orgserver/store"
)

// Narrow keeps the objects a listing may answer before it pages them: a listing with a
// required scope (kinds.API.Scope: responses by libraryId) refuses a request without it, as
// the real API does, and keeps the objects holding the scope's id; a cursor listing keeps the
// objects passing the kind's filters (a page-number listing applies them in Select).
func Narrow(k *kinds.Kind, objs []*store.Object, q url.Values) ([]*store.Object, error) {
	var filters []kinds.ListFilter
	if sc := k.API.Scope; sc != nil {
		if q.Get(sc.Param) == "" {
			return nil, apihttp.BadRequest("The query parameter [%s] is required.", sc.Param)
		}
		filters = append(filters, kinds.ListFilter{Param: sc.Param, JSON: []string{sc.JSON}})
	}
	if k.API.Paging == kinds.Cursor {
		filters = append(filters, k.API.List.Filters...)
	}
	if len(filters) == 0 {
		return objs, nil
	}
	wanted := make([]map[string]bool, len(filters))
	for i, f := range filters {
		wanted[i] = valueSet(apihttp.MultiValue(q, f.Param))
	}
	var out []*store.Object
	for _, o := range objs {
		if passesFilters(o, filters, wanted) {
			out = append(out, o)
		}
	}
	return out, nil
}
