package orgserver

import (
	"encoding/json"
	"fmt"
	"net/http"
	"slices"
	"sort"

	"github.com/cxascode/cxascode/internal/kinds"
	"github.com/cxascode/cxascode/internal/orgserver/apihttp"
	"github.com/cxascode/cxascode/internal/orgserver/entity"
)

// A generic kind listed by query (kinds.API.Query, e.g. POST /api/v2/taskmanagement/
// workbins/query) answers the query request over its stored objects: filters on the model's
// string fields, a page size and an opaque cursor ("after") in the body; the answer holds the
// page's entities, their count and, when more follow, the cursor of the next page.

// queryOperators are the filter operators the local org evaluates.
func queryOperators() []string { return []string{"EQ", "IN"} }

// entityQueryRoutes registers the query endpoint of a generic kind that has one.
func (s *Server) entityQueryRoutes(h entityHandler) {
	if h.kind.API.Query == "" {
		return
	}
	s.route("POST "+h.kind.API.Query, h.kind.PermissionFor("GET"), h.query)
}

// entityQuery is the query request (WorkbinQueryRequest and its siblings) as the local org
// reads it.
type entityQuery struct {
	Filters  *[]entityQueryFilter `json:"filters"`
	PageSize *int                 `json:"pageSize"`
	After    string               `json:"after"`
}

// entityQueryFilter is one WorkitemFilter.
type entityQueryFilter struct {
	Name     string   `json:"name"`
	Type     string   `json:"type"`
	Operator string   `json:"operator"`
	Values   []string `json:"values"`
}

func (h entityHandler) query(w http.ResponseWriter, r *http.Request) error {
	var q entityQuery
	if err := apihttp.DecodeBody(r, &q); err != nil {
		return err
	}
	if err := checkEntityQuery(h.kind, q); err != nil {
		return err
	}
	size := 25
	if q.PageSize != nil {
		if *q.PageSize < 1 || *q.PageSize > h.kind.API.PageSize() {
			return apihttp.BadRequest("The field [pageSize] must be a whole number from 1 to %d, not [%d].", h.kind.API.PageSize(), *q.PageSize)
		}
		size = *q.PageSize
	}
	objs := h.s.host.ListVisible(r, h.s.entities.StoreKind(h.kind.Name))
	keys, items := entity.List(objs, nil, "")
	var matchKeys []apihttp.CursorKey
	var matches []json.RawMessage
	for i, it := range items {
		var obj map[string]any
		if json.Unmarshal(it, &obj) == nil && matchesQuery(obj, *q.Filters) {
			matchKeys, matches = append(matchKeys, keys[i]), append(matches, it)
		}
	}
	start := 0
	if q.After != "" {
		k, ok := apihttp.DecodeCursor(q.After)
		if !ok {
			return apihttp.BadRequest("The cursor [after] is not valid.")
		}
		start = sort.Search(len(matchKeys), func(i int) bool { return cursorBefore(k, matchKeys[i]) })
	}
	end := min(start+size, len(matches))
	page := map[string]any{"entities": append([]json.RawMessage{}, matches[start:end]...), "count": end - start,
		"selfUri": r.URL.Path}
	if end < len(matches) && end > start {
		page["after"] = apihttp.EncodeCursor(matchKeys[end-1])
	}
	return apihttp.OK(w, page)
}

// cursorBefore reports whether the position a is before b in the store's order (lower-cased
// name, then id), as cursor listings page.
func cursorBefore(a, b apihttp.CursorKey) bool {
	if a.Name != b.Name {
		return a.Name < b.Name
	}
	return a.ID < b.ID
}

// checkEntityQuery refuses what the API refuses: no filters list, a filter without its
// parts, a field the model does not have, an operator outside those evaluated.
func checkEntityQuery(k *kinds.Kind, q entityQuery) error {
	if q.Filters == nil {
		return apihttp.Required("filters")
	}
	for i, f := range *q.Filters {
		at := func(field string) string { return fmt.Sprintf("filters[%d].%s", i, field) }
		switch {
		case f.Name == "":
			return apihttp.Required(at("name"))
		case f.Type == "":
			return apihttp.Required(at("type"))
		case f.Operator == "":
			return apihttp.Required(at("operator"))
		case f.Values == nil:
			return apihttp.Required(at("values"))
		case f.Name != "id" && kinds.FieldOf(k.Model, kinds.TopLevel(f.Name)) == nil:
			return apihttp.BadRequest("The field [%s] names [%s], which %s objects do not have.", at("name"), f.Name, k.Noun)
		case !slices.Contains(queryOperators(), f.Operator):
			return apihttp.InvalidValue(at("operator"), f.Operator, queryOperators())
		}
	}
	return nil
}

// matchesQuery reports whether obj passes every filter: its value at the filter's field is
// one of the filter's values (EQ takes the first, IN any).
func matchesQuery(obj map[string]any, filters []entityQueryFilter) bool {
	for _, f := range filters {
		v, _ := kinds.Get(obj, f.Name).(string)
		want := f.Values
		if f.Operator == "EQ" && len(want) > 1 {
			want = want[:1]
		}
		if !slices.Contains(want, v) {
			return false
		}
	}
	return true
}
