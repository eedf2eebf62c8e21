package entity

import (
	"encoding/json"
	"net/url"
	"slices"
	"strings"

	"github.com/cxascode/cxascode/internal/kinds"
	"github.com/cxascode/cxascode/internal/orgserver/apihttp"
	"github.com/cxascode/cxascode/internal/orgserver/store"
)

// Select is the page-number listing's choice of objects, in the order the list answers
// them: the live objects that pass the id filter, the name filter (a prefix match where the
// kind's listing says so) and the kind's own filters, ordered by sortBy and sortOrder as
// the catalogue's Listing allows. objs come in the store's name order.
func Select(k *kinds.Kind, objs []*store.Object, q url.Values) ([][]byte, error) {
	l := k.API.List
	descending, err := sortDescending(l, q)
	if err != nil {
		return nil, err
	}
	name := ""
	if k.API.NameFilter != "" {
		name = q.Get(k.API.NameFilter)
	}
	if l.SortByID || l.SortByIDNeedsName {
		sortBy, err := sortByNameOrID(q)
		if err != nil {
			return nil, err
		}
		if sortBy == "id" && (name != "" || !l.SortByIDNeedsName) {
			objs = slices.Clone(objs)
			slices.SortFunc(objs, func(a, b *store.Object) int { return strings.Compare(a.ID, b.ID) })
		}
	}
	ids := valueSet(apihttp.MultiValue(q, "id"))
	filters := make([]map[string]bool, len(l.Filters))
	for i, f := range l.Filters {
		filters[i] = valueSet(apihttp.MultiValue(q, f.Param))
	}
	var items [][]byte
	for _, o := range objs {
		if len(ids) > 0 && !ids[ownID(o)] {
			continue
		}
		if !apihttp.NameMatches(name, o.Name, l.NamePrefix) || IsDeleted(o.Data) {
			continue
		}
		if !passesFilters(o, l.Filters, filters) {
			continue
		}
		items = append(items, o.Data)
	}
	if descending {
		slices.Reverse(items)
	}
	return items, nil
}

// passesFilters reports whether o holds, for every filter the query sets, one of its values.
func passesFilters(o *store.Object, filters []kinds.ListFilter, wanted []map[string]bool) bool {
	var doc map[string]any
	for i, f := range filters {
		if len(wanted[i]) == 0 {
			continue
		}
		if doc == nil && json.Unmarshal(o.Data, &doc) != nil {
			return false
		}
		if !slices.ContainsFunc(f.JSON, func(path string) bool { return holdsAny(kinds.Get(doc, path), wanted[i]) }) {
			return false
		}
	}
	return true
}

// holdsAny reports whether a JSON value (a string, or a list of them) is one of wanted.
func holdsAny(v any, wanted map[string]bool) bool {
	switch v := v.(type) {
	case string:
		return wanted[v]
	case []any:
		return slices.ContainsFunc(v, func(el any) bool { return holdsAny(el, wanted) })
	}
	return false
}

// sortDescending reads sortOrder in the spellings the kind's listing takes.
func sortDescending(l kinds.Listing, q url.Values) (bool, error) {
	v := q.Get("sortOrder")
	if v == "" || len(l.Ascending) == 0 {
		return false, nil
	}
	same := func(s string) bool { return strings.EqualFold(s, v) }
	switch {
	case slices.ContainsFunc(l.Ascending, same):
		return false, nil
	case slices.ContainsFunc(l.Descending, same):
		return true, nil
	}
	return false, apihttp.InvalidValue("sortOrder", v, []string{l.Ascending[0], l.Descending[0]})
}

// sortByNameOrID reads sortBy: name (the default) or id.
func sortByNameOrID(q url.Values) (string, error) {
	sortBy := q.Get("sortBy")
	if sortBy != "" && sortBy != "name" && sortBy != "id" {
		return "", apihttp.InvalidValue("sortBy", sortBy, []string{"name", "id"})
	}
	return sortBy, nil
}

func valueSet(xs []string) map[string]bool {
	m := make(map[string]bool, len(xs))
	for _, x := range xs {
		m[x] = true
	}
	return m
}
