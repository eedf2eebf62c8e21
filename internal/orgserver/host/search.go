package host

import (
	"encoding/base64"
	"encoding/json"
	"net/http"
	"net/url"
	"regexp"
	"slices"
	"strings"
	"unicode"

	"github.com/cxascode/cxascode/internal/orgserver/apihttp"
	"github.com/cxascode/cxascode/internal/orgserver/store"
)

// The search endpoints (/users/search, /groups/search and the generic kinds' searches)
// share one request shape and one matcher. The real service is an index that lags writes; the local org searches
// the store directly, so a search right after a write already sees it.

// SearchRequest is UserSearchRequest and GroupSearchRequest in one: the fields the local
// org honours.
type SearchRequest struct {
	SortOrder  string            `json:"sortOrder,omitempty"`
	SortBy     string            `json:"sortBy,omitempty"`
	PageSize   int               `json:"pageSize,omitempty"`
	PageNumber int               `json:"pageNumber,omitempty"`
	Expand     []string          `json:"expand,omitempty"`
	Query      []SearchCriterion `json:"query,omitempty"`
}

// SearchCriterion is UserSearchCriteria / GroupSearchCriteria.
type SearchCriterion struct {
	Type       string            `json:"type,omitempty"`
	Operator   string            `json:"operator,omitempty"`
	Fields     []string          `json:"fields,omitempty"`
	Value      *string           `json:"value,omitempty"`
	Values     []string          `json:"values,omitempty"`
	StartValue *string           `json:"startValue,omitempty"`
	EndValue   *string           `json:"endValue,omitempty"`
	Group      []SearchCriterion `json:"group,omitempty"`
}

// SearchFields returns the values of a field of one entity, and whether the field is searchable.
type SearchFields func(field string) ([]string, bool)

const MaxSearchPageSize = 100

// ReadSearchRequest reads the POST body or the GET q64 parameter (base64 of the same JSON).
func ReadSearchRequest(r *http.Request) (SearchRequest, error) {
	var req SearchRequest
	if r.Method == http.MethodGet {
		q64 := r.URL.Query().Get("q64")
		if q64 == "" {
			return req, apihttp.Required("q64")
		}
		raw, err := base64.StdEncoding.DecodeString(q64)
		if err != nil {
			raw, err = base64.RawURLEncoding.DecodeString(strings.TrimRight(q64, "="))
		}
		if err != nil || json.Unmarshal(raw, &req) != nil {
			return req, apihttp.BadRequest("The field [q64] is not base64-encoded search request JSON.")
		}
	} else if err := apihttp.DecodeBody(r, &req); err != nil {
		return req, err
	}
	if req.PageSize == 0 {
		req.PageSize = 25
	}
	if req.PageNumber == 0 {
		req.PageNumber = 1
	}
	if req.PageSize < 1 || req.PageSize > MaxSearchPageSize {
		return req, apihttp.BadRequest("The field [pageSize] must be a whole number from 1 to %d, not [%d].", MaxSearchPageSize, req.PageSize)
	}
	if req.PageNumber < 1 {
		return req, apihttp.BadRequest("The field [pageNumber] must be a positive whole number, not [%d].", req.PageNumber)
	}
	if err := CheckEnum("sortOrder", optional(strings.ToUpper(req.SortOrder)), "ASC", "DESC", "SCORE"); err != nil {
		return req, err
	}
	return req, nil
}

func optional(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

// ValidateCriteria checks types, operators and fields before any entity is matched, so a
// bad query fails with 400 even on an empty org.
func ValidateCriteria(cs []SearchCriterion, known func(string) bool) error {
	for _, c := range cs {
		if err := CheckEnum("operator", optional(c.Operator), "AND", "OR", "NOT"); err != nil {
			return err
		}
		if len(c.Group) > 0 {
			if err := ValidateCriteria(c.Group, known); err != nil {
				return err
			}
			continue
		}
		if c.Type == "" {
			return apihttp.Required("query.type")
		}
		if err := CheckEnum("type", &c.Type, "EXACT", "STARTS_WITH", "CONTAINS", "REGEX", "TERM", "TERMS", "REQUIRED_FIELDS", "MATCH_ALL"); err != nil {
			return err
		}
		if c.Type == "MATCH_ALL" {
			continue
		}
		if len(c.Fields) == 0 {
			return apihttp.Required("query.fields")
		}
		for _, f := range c.Fields {
			if !known(f) {
				return apihttp.BadRequest("The field [%s] cannot be searched here.", f)
			}
		}
		if c.Type == "REGEX" {
			for _, v := range criterionValues(c) {
				if _, err := regexp.Compile(v); err != nil {
					return apihttp.BadRequest("The field [query.value] is not a valid regular expression: %s", v)
				}
			}
		}
	}
	return nil
}

func criterionValues(c SearchCriterion) []string {
	vs := slices.Clone(c.Values)
	if c.Value != nil {
		vs = append(vs, *c.Value)
	}
	return vs
}

// MatchAll reports whether an entity satisfies every top-level criterion.
func MatchAll(cs []SearchCriterion, get SearchFields) bool {
	for _, c := range cs {
		if !matchCriterion(c, get) {
			return false
		}
	}
	return true
}

func matchCriterion(c SearchCriterion, get SearchFields) bool {
	var ok bool
	if len(c.Group) > 0 {
		if c.Operator == "OR" {
			for _, g := range c.Group {
				if matchCriterion(g, get) {
					ok = true
					break
				}
			}
		} else {
			ok = MatchAll(c.Group, get)
		}
	} else {
		ok = matchSimple(c, get)
	}
	if c.Operator == "NOT" {
		return !ok
	}
	return ok
}

func matchSimple(c SearchCriterion, get SearchFields) bool {
	if c.Type == "MATCH_ALL" {
		return true
	}
	want := criterionValues(c)
	for _, f := range c.Fields {
		have, _ := get(f)
		if c.Type == "REQUIRED_FIELDS" {
			if len(have) > 0 {
				return true
			}
			continue
		}
		for _, h := range have {
			for _, v := range want {
				if matchValue(c.Type, h, v) {
					return true
				}
			}
		}
	}
	return false
}

// matchValue compares one field value with one query value; text matching ignores case,
// as the real search does for keyword fields.
func matchValue(typ, have, want string) bool {
	h, w := strings.ToLower(have), strings.ToLower(want)
	switch typ {
	case "EXACT":
		return h == w
	case "STARTS_WITH":
		return strings.HasPrefix(h, w)
	case "CONTAINS":
		return strings.Contains(h, w)
	case "REGEX":
		re, err := regexp.Compile("(?i)^(?:" + want + ")$")
		return err == nil && re.MatchString(have)
	case "TERM", "TERMS":
		// A term matches a whole word of the value, the way an analysed text field does.
		words := strings.FieldsFunc(h, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
		return h == w || slices.Contains(words, w)
	}
	return false
}

// CriteriaMention reports whether any criterion searches field (used for the implicit
// "not deleted" filter of user search).
func CriteriaMention(cs []SearchCriterion, field string) bool {
	for _, c := range cs {
		if slices.Contains(c.Fields, field) || CriteriaMention(c.Group, field) {
			return true
		}
	}
	return false
}

// SearchResponse is UsersSearchResponse / GroupsSearchResponse with raw results.
type SearchResponse struct {
	Total        int               `json:"total"`
	PageCount    int               `json:"pageCount"`
	PageSize     int               `json:"pageSize"`
	PageNumber   int               `json:"pageNumber"`
	PreviousPage string            `json:"previousPage,omitempty"`
	CurrentPage  string            `json:"currentPage,omitempty"`
	NextPage     string            `json:"nextPage,omitempty"`
	Types        []string          `json:"types"`
	Results      []json.RawMessage `json:"results"`
}

// SearchPage cuts one page of results and links the neighbouring pages as GET q64 URIs.
func SearchPage(path, typ string, req SearchRequest, items [][]byte) SearchResponse {
	if strings.EqualFold(req.SortOrder, "DESC") {
		slices.Reverse(items)
	}
	resp := SearchResponse{Total: len(items), PageSize: req.PageSize, PageNumber: req.PageNumber, Types: []string{typ}, Results: []json.RawMessage{}}
	resp.PageCount = (len(items) + req.PageSize - 1) / req.PageSize
	start, end := apihttp.PageWindow(len(items), req.PageNumber, req.PageSize)
	for _, it := range items[start:end] {
		resp.Results = append(resp.Results, it)
	}
	link := func(n int) string {
		c := req
		c.PageNumber = n
		b, _ := json.Marshal(c)
		return path + "?q64=" + url.QueryEscape(base64.StdEncoding.EncodeToString(b))
	}
	resp.CurrentPage = link(req.PageNumber)
	if req.PageNumber < resp.PageCount {
		resp.NextPage = link(req.PageNumber + 1)
	}
	if req.PageNumber > 1 {
		resp.PreviousPage = link(min(req.PageNumber-1, max(resp.PageCount, 1)))
	}
	return resp
}

// SearchString is the searchable values of one optional text field: none when it is
// absent or empty (a field the entity has, so it is searchable either way).
func SearchString(p *string) ([]string, bool) {
	if p == nil || *p == "" {
		return nil, true
	}
	return []string{*p}, true
}

// SearchVisible runs the search request of r over the caller's visible objects of kind:
// known says which fields criteria may name (others are refused, 400), fieldsOf reads the
// searchable fields of one stored object (ok false leaves the object out, e.g. a deleted
// user the request does not ask for). It returns the request and the matching objects'
// JSON, in the store's order, for SearchPage.
func (h *Host) SearchVisible(r *http.Request, kind store.Kind, known func(field string) bool,
	fieldsOf func(req SearchRequest, o *store.Object) (fields SearchFields, ok bool)) (SearchRequest, [][]byte, error) {
	req, err := ReadSearchRequest(r)
	if err != nil {
		return req, nil, err
	}
	if err := ValidateCriteria(req.Query, known); err != nil {
		return req, nil, err
	}
	var items [][]byte
	for _, o := range h.ListVisible(r, kind) {
		if fields, ok := fieldsOf(req, o); ok && MatchAll(req.Query, fields) {
			items = append(items, o.Data)
		}
	}
	return req, items, nil
}

// SearchDecoded is SearchVisible for a kind whose stored JSON decodes into T and whose
// searchable fields fieldsOf reads from it: the fields criteria may name are those of a
// zero T, and keep (nil: every object) leaves out objects the request does not ask for.
func SearchDecoded[T any](h *Host, r *http.Request, kind store.Kind, fieldsOf func(*T) SearchFields,
	keep func(req SearchRequest, v *T) bool) (SearchRequest, [][]byte, error) {
	var probe T
	known := func(f string) bool { _, ok := fieldsOf(&probe)(f); return ok }
	return h.SearchVisible(r, kind, known, func(req SearchRequest, o *store.Object) (SearchFields, bool) {
		var v T
		if DecodeObject(o, &v) != nil || (keep != nil && !keep(req, &v)) {
			return nil, false
		}
		return fieldsOf(&v), true
	})
}

// ScalarFields are searchable fields of an object: the string fields in scalars by name,
// then those more reads (nil: no others).
func ScalarFields(scalars map[string]*string, more SearchFields) SearchFields {
	return func(field string) ([]string, bool) {
		if p, ok := scalars[field]; ok {
			return SearchString(p)
		}
		if more == nil {
			return nil, false
		}
		return more(field)
	}
}
