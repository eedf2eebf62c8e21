package console

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/cxascode/cxascode/internal/kinds"
)

// listPageSize is how many objects a list page shows: one page of the API's own paging.
const listPageSize = 25

// servedKinds are the kinds the console browses: every kind the local org serves.
func servedKinds() []*kinds.Kind {
	return kinds.Genesys().Where(func(k *kinds.Kind) bool { return k.Served() })
}

// servedKind finds the kind named in the path, or answers 404.
func (c *Console) servedKind(w http.ResponseWriter, r *http.Request, s *session) (*kinds.Kind, bool) {
	k := kinds.Genesys().Named(r.PathValue("kind"))
	if k == nil || !k.Served() {
		c.fail(w, r, s, &apiError{Status: http.StatusNotFound, Code: "not.found", Message: fmt.Sprintf("The catalogue serves no kind %q.", r.PathValue("kind"))})
		return nil, false
	}
	return k, true
}

type kindRow struct {
	Name, Noun, Resource, Collection string
}

func (c *Console) kindsPage(w http.ResponseWriter, r *http.Request, s *session) {
	var rows []kindRow
	for _, k := range servedKinds() {
		rows = append(rows, kindRow{Name: k.Name, Noun: k.Noun, Resource: k.Resource, Collection: k.API.Collection})
	}
	c.render(w, r, http.StatusOK, "kinds", s, rows)
}

// objectRow is one line of a list page.
type objectRow struct {
	ID, Name, Version string
}

type listData struct {
	Kind      *kinds.Kind
	Search    string
	CanSearch bool
	CanCreate bool
	Rows      []objectRow
	Page      int
	PageCount int
	Total     int
	// After is the cursor of the next page, for a kind that pages by cursor.
	After string
	// Note says why a kind has no list here (listed under a parent, by query only, …).
	Note string
}

// listing is the part of a list answer the console reads.
type listing struct {
	Entities  []map[string]any `json:"entities"`
	PageCount int              `json:"pageCount"`
	Total     int              `json:"total"`
	NextURI   string           `json:"nextUri"`
}

// unlistedNote says why the console cannot list a kind, or "" when it can.
func unlistedNote(k *kinds.Kind) string {
	switch {
	case k.API.Parent != "":
		return "Objects of this kind live under a " + kinds.Genesys().Named(k.API.Parent).Noun + "; open one to reach them."
	case k.API.NoList:
		return "The API has no listing of this kind; objects are reached by id."
	case k.API.Scope != nil:
		return "The API lists this kind one " + kinds.Genesys().Named(k.API.Scope.Kind).Noun + " at a time."
	}
	return ""
}

func (c *Console) listPage(w http.ResponseWriter, r *http.Request, s *session) {
	k, ok := c.servedKind(w, r, s)
	if !ok {
		return
	}
	if k.API.Singleton {
		http.Redirect(w, r, Prefix+"/object/"+k.Name+"/"+url.PathEscape(k.SingletonID()), http.StatusFound)
		return
	}
	q := r.URL.Query()
	d := listData{Kind: k, Search: strings.TrimSpace(q.Get("name")), CanSearch: k.API.NameFilter != "", CanCreate: !k.API.NoList || k.API.CreatePath != "", Page: 1}
	if d.Note = unlistedNote(k); d.Note != "" {
		c.render(w, r, http.StatusOK, "list", s, d)
		return
	}
	if n, err := strconv.Atoi(q.Get("page")); err == nil && n > 0 {
		d.Page = n
	}
	params := url.Values{}
	params.Set("pageSize", strconv.Itoa(min(listPageSize, k.API.PageSize())))
	switch k.API.Paging {
	case kinds.PageNumber:
		params.Set("pageNumber", strconv.Itoa(d.Page))
	case kinds.Cursor:
		if after := q.Get("after"); after != "" {
			params.Set("after", after)
		}
	}
	if d.Search != "" && d.CanSearch {
		params.Set(k.API.NameFilter, d.Search)
	}
	ans, err := c.api.asClient(r, s.Token, http.MethodGet, k.API.Collection+"?"+params.Encode(), nil)
	if err == nil {
		err = errorOf(ans)
	}
	if err != nil {
		c.fail(w, r, s, err)
		return
	}
	var l listing
	if err := ans.decode(&l); err != nil {
		c.fail(w, r, s, err)
		return
	}
	d.PageCount, d.Total = l.PageCount, l.Total
	if u, err := url.Parse(l.NextURI); err == nil && k.API.Paging == kinds.Cursor {
		d.After = u.Query().Get("after")
	}
	for _, obj := range l.Entities {
		if k.Holds != nil && !k.Holds(obj) {
			continue
		}
		d.Rows = append(d.Rows, objectRow{ID: k.OwnID(obj), Name: designation(k, obj), Version: versionOf(obj)})
	}
	c.render(w, r, http.StatusOK, "list", s, d)
}

// errorOf is the answer's error as an error value (nil for a 2xx answer).
func errorOf(a apiAnswer) error {
	if e := a.asError(); e != nil {
		return e
	}
	return nil
}

// designation is what names an object on a page: its name, else what tells it apart.
func designation(k *kinds.Kind, obj map[string]any) string {
	if n, _ := obj["name"].(string); n != "" {
		return n
	}
	if d := k.Designation(obj); d != "" {
		return d
	}
	return k.OwnID(obj)
}

// versionOf is an object's version as the API answers it ("" when the kind has none).
func versionOf(obj map[string]any) string {
	switch v := obj["version"].(type) {
	case float64:
		return strconv.FormatFloat(v, 'f', -1, 64)
	case string:
		return v
	}
	return ""
}

type objectData struct {
	Kind        *kinds.Kind
	ID          string
	Name        string
	Description string
	Version     string
	JSON        string
	History     []auditRow
	Referrers   []referrer
	// Editable: the kind has an update method and a name or description to change.
	Editable bool
	// Deletable: the API has a DELETE for the kind.
	Deletable bool
}

// readObject reads one object by id as the API answers it.
func (c *Console) readObject(r *http.Request, s *session, k *kinds.Kind, id string) (map[string]any, error) {
	path := k.API.ReadPath(id)
	if k.API.ReadQuery != "" {
		path += "?" + k.API.ReadQuery
	}
	ans, err := c.api.asClient(r, s.Token, http.MethodGet, path, nil)
	if err != nil {
		return nil, err
	}
	if err := errorOf(ans); err != nil {
		return nil, err
	}
	var obj map[string]any
	if err := ans.decode(&obj); err != nil {
		return nil, err
	}
	return obj, nil
}

func (c *Console) objectPage(w http.ResponseWriter, r *http.Request, s *session) {
	k, ok := c.servedKind(w, r, s)
	if !ok {
		return
	}
	id := r.PathValue("id")
	obj, err := c.readObject(r, s, k, id)
	if err != nil {
		c.fail(w, r, s, err)
		return
	}
	pretty, _ := json.MarshalIndent(obj, "", "  ") // decoded JSON always encodes
	d := objectData{Kind: k, ID: id, Name: designation(k, obj), Version: versionOf(obj), JSON: string(pretty),
		Editable: k.API.Update != "", Deletable: !k.API.NoDelete && !k.API.Singleton}
	d.Description, _ = obj["description"].(string)
	if d.History, err = c.history(r, s, auditFilter{objectID: k.OwnID(obj)}, 1); err != nil {
		c.fail(w, r, s, err)
		return
	}
	d.Referrers = c.referrers(r, s, k, id)
	c.render(w, r, http.StatusOK, "object", s, d)
}

// referrer is an object whose field holds another object's id.
type referrer struct {
	Kind, Noun, ID, Name, Field string
}

// refPaths are the JSON paths of a kind's fields, nested ones included, that hold ids of the
// kind named target (Field.Ref).
func refPaths(fields []kinds.Field, prefix, target string) []string {
	var out []string
	for _, f := range fields {
		path := prefix + f.JSON
		if f.Ref == target {
			out = append(out, path)
		}
		switch f.Type {
		case kinds.Block:
			out = append(out, refPaths(f.Nested, path+"[].", target)...)
		case kinds.Object:
			out = append(out, refPaths(f.Nested, path+".", target)...)
		}
	}
	return out
}

// referrers scans the first page (the largest the API gives) of every listable kind whose
// fields refer to k by id, and keeps the objects holding id. A scan, not an index: enough to
// say what a delete would break in an org of a few thousand objects.
func (c *Console) referrers(r *http.Request, s *session, k *kinds.Kind, id string) []referrer {
	var out []referrer
	for _, rk := range servedKinds() {
		paths := refPaths(rk.Fields, "", k.Name)
		if len(paths) == 0 || unlistedNote(rk) != "" || rk.API.Singleton || !rk.API.Listable() {
			continue
		}
		ans, err := c.api.asClient(r, s.Token, http.MethodGet, rk.API.Collection+"?pageSize="+strconv.Itoa(rk.API.PageSize()), nil)
		if err != nil || !ans.ok() {
			continue
		}
		var l listing
		if ans.decode(&l) != nil {
			continue
		}
		for _, obj := range l.Entities {
			for _, p := range paths {
				if holdsID(kinds.Get(rk.FieldView(obj), p), id) {
					out = append(out, referrer{Kind: rk.Name, Noun: rk.Noun, ID: rk.OwnID(obj), Name: designation(rk, obj), Field: p})
					break
				}
			}
		}
	}
	slices.SortFunc(out, func(a, b referrer) int { return strings.Compare(a.Kind+a.Name, b.Kind+b.Name) })
	return out
}

// holdsID reports whether a value read at a path (a string, or lists of them) holds id.
func holdsID(v any, id string) bool {
	switch x := v.(type) {
	case string:
		return x == id
	case []any:
		return slices.ContainsFunc(x, func(e any) bool { return holdsID(e, id) })
	}
	return false
}

// auditInterval is the whole life of the log, as the realtime query needs an interval.
func auditInterval() string {
	return "2000-01-01T00:00:00Z/" + time.Now().Add(time.Hour).UTC().Format(time.RFC3339)
}
