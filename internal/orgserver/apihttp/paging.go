package apihttp

import (
	"encoding/base64"
	"encoding/json"
	"net/http"
	"net/url"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/cxascode/cxascode/internal/orgserver/store"
)

// MaxPageSize is the largest pageSize list endpoints accept.
const MaxPageSize = 500

// Page is a page-number listing request: pageSize and pageNumber, both from 1.
type Page struct{ Size, Number int }

// ParsePage reads pageSize/pageNumber with the API's defaults (25, 1).
func ParsePage(r *http.Request, limit int) (Page, error) {
	p := Page{Size: 25, Number: 1}
	q := r.URL.Query()
	if v := q.Get("pageSize"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 {
			return p, BadRequest("The field [pageSize] must be a positive whole number, not [%s].", v)
		}
		if n > limit {
			return p, BadRequest("The field [pageSize] must be at most %d, not [%d].", limit, n)
		}
		p.Size = n
	}
	if v := q.Get("pageNumber"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 {
			return p, BadRequest("The field [pageNumber] must be a positive whole number, not [%s].", v)
		}
		p.Number = n
	}
	return p, nil
}

// ParseSortedPage is ParsePage for the list endpoints that also take sortOrder, whose two
// spellings (asc, desc) differ per endpoint; desc reports a descending order.
func ParseSortedPage(r *http.Request, asc, desc string) (p Page, descending bool, err error) {
	if p, err = ParsePage(r, MaxPageSize); err != nil {
		return p, false, err
	}
	descending, err = SortDescending(r, "sortOrder", asc, desc)
	return p, descending, err
}

// WriteSortedListing answers one page of items (filtered, in the store's ascending order),
// reversed first when the caller asked for a descending order.
func WriteSortedListing(w http.ResponseWriter, r *http.Request, p Page, items [][]byte, desc bool) error {
	if desc {
		slices.Reverse(items)
	}
	return WritePage(w, r, p, items)
}

// WritePage answers page p of items (already filtered and sorted) as a listing; it returns
// nil so that a handler can end with it.
func WritePage(w http.ResponseWriter, r *http.Request, p Page, items [][]byte) error {
	return OK(w, NewListing(r, p, items))
}

// SortByNameOrID reads the sortBy parameter of the endpoints that sort by name (the
// default, "") or id.
func SortByNameOrID(r *http.Request) (string, error) {
	sortBy := r.URL.Query().Get("sortBy")
	if sortBy != "" && sortBy != "name" && sortBy != "id" {
		return "", InvalidValue("sortBy", sortBy, []string{"name", "id"})
	}
	return sortBy, nil
}

// Listing is the page-number listing shape shared by most list endpoints.
type Listing struct {
	Entities    []json.RawMessage `json:"entities"`
	PageSize    int               `json:"pageSize"`
	PageNumber  int               `json:"pageNumber"`
	Total       int               `json:"total"`
	FirstURI    string            `json:"firstUri,omitempty"`
	SelfURI     string            `json:"selfUri,omitempty"`
	NextURI     string            `json:"nextUri,omitempty"`
	PreviousURI string            `json:"previousUri,omitempty"`
	LastURI     string            `json:"lastUri,omitempty"`
	PageCount   int               `json:"pageCount"`
}

// NewListing cuts one page out of items (already filtered and sorted) and fills the URIs,
// keeping the request's other query parameters.
func NewListing(r *http.Request, p Page, items [][]byte) Listing {
	total := len(items)
	l := Listing{PageSize: p.Size, PageNumber: p.Number, Total: total}
	l.PageCount = (total + p.Size - 1) / p.Size
	start, end := PageWindow(total, p.Number, p.Size)
	l.Entities = make([]json.RawMessage, 0, end-start)
	for _, it := range items[start:end] {
		l.Entities = append(l.Entities, it)
	}
	// The page links differ only in pageNumber: the rest of the query is encoded once.
	uri := pageURIFunc(r, p.Size)
	l.FirstURI = uri(1)
	l.SelfURI = uri(p.Number)
	last := max(l.PageCount, 1)
	l.LastURI = uri(last)
	if p.Number < l.PageCount {
		l.NextURI = uri(p.Number + 1)
	}
	if p.Number > 1 {
		l.PreviousURI = uri(min(p.Number-1, last))
	}
	return l
}

// WritePageWithTotal is WritePage for the Architect and telephony listing variant, which
// repeats the total as totalNumberOfEntities.
func WritePageWithTotal(w http.ResponseWriter, r *http.Request, p Page, items [][]byte) error {
	l := NewListing(r, p, items)
	b := l.AppendJSON(EncodeBuffer(w, l.EncodedLen()+64)) // room for totalNumberOfEntities
	b = append(b[:len(b)-1], `,"totalNumberOfEntities":`...)
	b = strconv.AppendInt(b, int64(l.Total), 10)
	return OKRaw(w, append(b, '}'))
}

// PageWindow is the slice [start:end) of total items that page number (1-based) of the
// given size holds. A page past the last one is the empty window at the end: the request's
// numbers are the caller's, and (number-1)*size of a huge number overflows into a
// negative or wrapped index that would panic the handler.
func PageWindow(total, number, size int) (start, end int) {
	if total <= 0 || number < 1 || size < 1 {
		return 0, 0
	}
	if number-1 > (total-1)/size {
		return total, total
	}
	start = (number - 1) * size // < total, so no overflow
	return start, start + min(size, total-start)
}

// PageURI is the request's path and query with pageSize and pageNumber replaced, as
// listings link their pages.
func PageURI(r *http.Request, size, number int) string {
	return pageURIFunc(r, size)(number)
}

// pageURIFunc is PageURI for one size, with the request's other parameters encoded once.
func pageURIFunc(r *http.Request, size int) func(number int) string {
	q := url.Values{}
	for k, v := range r.URL.Query() {
		if k != "pageSize" && k != "pageNumber" {
			q[k] = v
		}
	}
	rest := q.Encode()
	if rest != "" {
		rest = "&" + rest
	}
	prefix := r.URL.Path + "?pageSize=" + strconv.Itoa(size) + "&pageNumber="
	return func(number int) string { return prefix + strconv.Itoa(number) + rest }
}

// CursorListing is the after/before listing shape (skill groups, division query).
type CursorListing struct {
	Entities    []json.RawMessage `json:"entities"`
	NextURI     string            `json:"nextUri,omitempty"`
	SelfURI     string            `json:"selfUri,omitempty"`
	PreviousURI string            `json:"previousUri,omitempty"`
}

// CursorKey is where an item sits in a cursor listing: the store's order, lower-cased
// name then id (the store.List order).
type CursorKey struct{ Name, ID string }

// ObjectCursorKey is where a stored object sits in a cursor listing.
func ObjectCursorKey(o *store.Object) CursorKey {
	return CursorKey{Name: strings.ToLower(o.Name), ID: o.ID}
}

func (k CursorKey) less(o CursorKey) bool {
	if k.Name != o.Name {
		return k.Name < o.Name
	}
	return k.ID < o.ID
}

// WriteCursorPage answers 200 with the cursor page of items that r asks for (CursorPage).
func WriteCursorPage(w http.ResponseWriter, r *http.Request, keys []CursorKey, items [][]byte, limit int) error {
	l, err := CursorPage(r, keys, items, limit)
	if err != nil {
		return err
	}
	return OK(w, l)
}

// CursorPage pages items (sorted by keys) by an opaque cursor holding the sort key of the
// last item seen ("after") or the first ("before"). The cursor names a position, not an
// item, so it stays good when that item is deleted or renamed between pages.
func CursorPage(r *http.Request, keys []CursorKey, items [][]byte, limit int) (CursorListing, error) {
	q := r.URL.Query()
	size := 25
	if v := q.Get("pageSize"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 || n > limit {
			return CursorListing{}, BadRequest("The field [pageSize] must be a whole number from 1 to %d, not [%s].", limit, v)
		}
		size = n
	}
	var start, end int
	if a := q.Get("after"); a != "" {
		k, ok := DecodeCursor(a)
		if !ok {
			return CursorListing{}, BadRequest("The cursor [after] is not valid.")
		}
		start = sort.Search(len(keys), func(i int) bool { return k.less(keys[i]) })
		end = start + min(size, len(items)-start)
	} else if b := q.Get("before"); b != "" {
		k, ok := DecodeCursor(b)
		if !ok {
			return CursorListing{}, BadRequest("The cursor [before] is not valid.")
		}
		end = sort.Search(len(keys), func(i int) bool { return !keys[i].less(k) })
		start = max(0, end-size)
	} else {
		end = min(size, len(items))
	}
	l := CursorListing{Entities: []json.RawMessage{}, SelfURI: r.URL.RequestURI()}
	for _, it := range items[start:end] {
		l.Entities = append(l.Entities, it)
	}
	base := r.URL.Path + "?pageSize=" + strconv.Itoa(size)
	for k, v := range q {
		if k != "pageSize" && k != "after" && k != "before" {
			for _, x := range v {
				base += "&" + url.QueryEscape(k) + "=" + url.QueryEscape(x)
			}
		}
	}
	if end < len(items) && end > start {
		l.NextURI = base + "&after=" + EncodeCursor(keys[end-1])
	}
	if start > 0 && end > start {
		l.PreviousURI = base + "&before=" + EncodeCursor(keys[start])
	}
	return l, nil
}

// cursorPrefix marks (and versions) the cursor encoding: the prefix, the name's length
// in bytes, ":", the name, the id. The length keeps any bytes of a name exact.
const cursorPrefix = "k1:"

// EncodeCursor is the opaque after/before value naming a position.
func EncodeCursor(k CursorKey) string {
	raw := cursorPrefix + strconv.Itoa(len(k.Name)) + ":" + k.Name + k.ID
	return base64.RawURLEncoding.EncodeToString([]byte(raw))
}

// DecodeCursor reads a cursor EncodeCursor made; false for anything else.
func DecodeCursor(c string) (CursorKey, bool) {
	b, err := base64.RawURLEncoding.DecodeString(c)
	if err != nil {
		return CursorKey{}, false
	}
	rest, ok := strings.CutPrefix(string(b), cursorPrefix)
	if !ok {
		return CursorKey{}, false
	}
	ln, rest, ok := strings.Cut(rest, ":")
	n, err := strconv.Atoi(ln)
	if !ok || err != nil || n < 0 || n > len(rest) {
		return CursorKey{}, false
	}
	return CursorKey{Name: rest[:n], ID: rest[n:]}, true
}

// MultiParam reads a multi-valued query parameter sent either as repeated keys or as a
// comma-separated list (the SDKs do both); empty values are ignored.
func MultiParam(r *http.Request, key string) []string {
	return MultiValue(r.URL.Query(), key)
}

// MultiValue is MultiParam on a query already parsed, for handlers that read several
// parameters (each r.URL.Query call parses the whole query again).
func MultiValue(q url.Values, key string) []string {
	var out []string
	for _, v := range q[key] {
		for _, p := range strings.Split(v, ",") {
			if p = strings.TrimSpace(p); p != "" {
				out = append(out, p)
			}
		}
	}
	return out
}

// NameMatches applies the API's name filter: a leading or trailing "*" is a wildcard;
// without one, prefix says whether the filter is "starts with" (skills) or exact.
// Matching ignores case.
func NameMatches(filter, name string, prefix bool) bool {
	if filter == "" {
		return true
	}
	f, n := strings.ToLower(filter), strings.ToLower(name)
	lead, trail := strings.HasPrefix(f, "*"), strings.HasSuffix(f, "*")
	core := strings.Trim(f, "*")
	switch {
	case lead && trail:
		return strings.Contains(n, core)
	case lead:
		return strings.HasSuffix(n, core)
	case trail || prefix:
		return strings.HasPrefix(n, core)
	}
	return n == core
}

// AppendJSON encodes the listing without re-validating the stored entity JSON, which
// encoding/json would re-scan and re-compact on every page (most of a list's cost).
// Entities are stored as compact JSON produced by json.Marshal, so copying them is safe.
func (l Listing) AppendJSON(b []byte) []byte {
	b = append(b, `{"entities":[`...)
	for i, e := range l.Entities {
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, e...)
	}
	b = append(b, `],"pageSize":`...)
	b = strconv.AppendInt(b, int64(l.PageSize), 10)
	b = append(b, `,"pageNumber":`...)
	b = strconv.AppendInt(b, int64(l.PageNumber), 10)
	b = append(b, `,"total":`...)
	b = strconv.AppendInt(b, int64(l.Total), 10)
	for _, f := range [...]struct{ key, val string }{
		{"firstUri", l.FirstURI}, {"selfUri", l.SelfURI}, {"nextUri", l.NextURI},
		{"previousUri", l.PreviousURI}, {"lastUri", l.LastURI},
	} {
		if f.val != "" {
			b = append(b, `,"`+f.key+`":`...)
			b = appendJSONString(b, f.val)
		}
	}
	b = append(b, `,"pageCount":`...)
	b = strconv.AppendInt(b, int64(l.PageCount), 10)
	return append(b, '}')
}

// EncodedLen is an upper bound of len(l.AppendJSON(nil)) for URIs that need no escaping
// (close for the rest): a list page is tens to hundreds of kilobytes, and growing the
// buffer on the way doubled the bytes copied and allocated per request.
func (l Listing) EncodedLen() int {
	n := 160 + len(l.Entities) // the fixed keys, four numbers and the commas
	for _, e := range l.Entities {
		n += len(e)
	}
	return n + len(l.FirstURI) + len(l.SelfURI) + len(l.NextURI) + len(l.PreviousURI) + len(l.LastURI) + 5*2
}

// appendJSONString appends s as a JSON string exactly as json.Marshal writes it. URIs are
// plain printable ASCII almost always, which needs only the quotes; anything else (control
// bytes, quotes, backslashes, the HTML characters json.Marshal escapes, non-ASCII) goes
// through json.Marshal so the bytes stay identical.
func appendJSONString(b []byte, s string) []byte {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 || c >= 0x7f || c == '"' || c == '\\' || c == '<' || c == '>' || c == '&' {
			q, _ := json.Marshal(s)
			return append(b, q...)
		}
	}
	b = append(b, '"')
	b = append(b, s...)
	return append(b, '"')
}

// SortDescending reads a sort-order query parameter whose two spellings differ per
// endpoint (ASC/DESC, asc/desc, ascending/descending); it reports whether the order is
// descending. Case is ignored because the SDKs' documentation and defaults disagree on it.
func SortDescending(r *http.Request, key, asc, desc string) (bool, error) {
	v := r.URL.Query().Get(key)
	switch {
	case v == "" || strings.EqualFold(v, asc):
		return false, nil
	case strings.EqualFold(v, desc):
		return true, nil
	}
	return false, InvalidValue(key, v, []string{asc, desc})
}
