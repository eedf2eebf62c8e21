package orgserver

import (
	"encoding/base64"
	"encoding/json"
	"github.com/cxascode/cxascode/internal/orgserver/store"
	"net/http"
	"net/url"
	"slices"
	"sort"
	"strconv"
	"strings"
)

// maxPageSize is the largest pageSize list endpoints accept.
const maxPageSize = 500

type page struct{ Size, Number int }

// parsePage reads pageSize/pageNumber with the API's defaults (25, 1).
func parsePage(r *http.Request, limit int) (page, error) {
	p := page{Size: 25, Number: 1}
	q := r.URL.Query()
	if v := q.Get("pageSize"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 {
			return p, errBadRequest("The field [pageSize] must be a positive whole number, not [%s].", v)
		}
		if n > limit {
			return p, errBadRequest("The field [pageSize] must be at most %d, not [%d].", limit, n)
		}
		p.Size = n
	}
	if v := q.Get("pageNumber"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 {
			return p, errBadRequest("The field [pageNumber] must be a positive whole number, not [%s].", v)
		}
		p.Number = n
	}
	return p, nil
}

// parseSortedPage is parsePage for the list endpoints that also take sortOrder, whose two
// spellings (asc, desc) differ per endpoint; desc reports a descending order.
func parseSortedPage(r *http.Request, asc, desc string) (p page, descending bool, err error) {
	if p, err = parsePage(r, maxPageSize); err != nil {
		return p, false, err
	}
	descending, err = routingSortDescending(r, "sortOrder", asc, desc)
	return p, descending, err
}

// writeSortedListing answers one page of items (filtered, in the store's ascending order),
// reversed first when the caller asked for a descending order.
func writeSortedListing(w http.ResponseWriter, r *http.Request, p page, items [][]byte, desc bool) error {
	if desc {
		slices.Reverse(items)
	}
	writeJSON(w, http.StatusOK, listing(r, p, items))
	return nil
}

// sortByNameOrID reads the sortBy parameter of the endpoints that sort by name (the
// default, "") or id.
func sortByNameOrID(r *http.Request) (string, error) {
	sortBy := r.URL.Query().Get("sortBy")
	if sortBy != "" && sortBy != "name" && sortBy != "id" {
		return "", errInvalidValue("sortBy", sortBy, []string{"name", "id"})
	}
	return sortBy, nil
}

// entityListing is the page-number listing shape shared by most list endpoints.
type entityListing struct {
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

// listing cuts one page out of items (already filtered and sorted) and fills the URIs,
// keeping the request's other query parameters.
func listing(r *http.Request, p page, items [][]byte) entityListing {
	total := len(items)
	l := entityListing{Entities: []json.RawMessage{}, PageSize: p.Size, PageNumber: p.Number, Total: total}
	l.PageCount = (total + p.Size - 1) / p.Size
	start, end := pageWindow(total, p.Number, p.Size)
	for _, it := range items[start:end] {
		l.Entities = append(l.Entities, it)
	}
	l.FirstURI = pageURI(r, p.Size, 1)
	l.SelfURI = pageURI(r, p.Size, p.Number)
	last := max(l.PageCount, 1)
	l.LastURI = pageURI(r, p.Size, last)
	if p.Number < l.PageCount {
		l.NextURI = pageURI(r, p.Size, p.Number+1)
	}
	if p.Number > 1 {
		l.PreviousURI = pageURI(r, p.Size, min(p.Number-1, last))
	}
	return l
}

// pageWindow is the slice [start:end) of total items that page number (1-based) of the
// given size holds. A page past the last one is the empty window at the end: the request's
// numbers are the caller's, and (number-1)*size of a huge number overflows into a
// negative or wrapped index that would panic the handler.
func pageWindow(total, number, size int) (start, end int) {
	if total <= 0 || number < 1 || size < 1 {
		return 0, 0
	}
	if number-1 > (total-1)/size {
		return total, total
	}
	start = (number - 1) * size // < total, so no overflow
	return start, start + min(size, total-start)
}

func pageURI(r *http.Request, size, number int) string {
	q := url.Values{}
	for k, v := range r.URL.Query() {
		if k != "pageSize" && k != "pageNumber" {
			q[k] = v
		}
	}
	rest := q.Encode()
	u := r.URL.Path + "?pageSize=" + strconv.Itoa(size) + "&pageNumber=" + strconv.Itoa(number)
	if rest != "" {
		u += "&" + rest
	}
	return u
}

// cursorListing is the after/before listing shape (skill groups, division query).
type cursorListing struct {
	Entities    []json.RawMessage `json:"entities"`
	NextURI     string            `json:"nextUri,omitempty"`
	SelfURI     string            `json:"selfUri,omitempty"`
	PreviousURI string            `json:"previousUri,omitempty"`
}

// cursorKey is where an item sits in a cursor listing: the store's order, lower-cased
// name then id (see sortObjects).
type cursorKey struct{ Name, ID string }

func objectCursorKey(o *store.Object) cursorKey {
	return cursorKey{Name: strings.ToLower(o.Name), ID: o.ID}
}

func (k cursorKey) less(o cursorKey) bool {
	if k.Name != o.Name {
		return k.Name < o.Name
	}
	return k.ID < o.ID
}

// cursorPage pages items (sorted by keys) by an opaque cursor holding the sort key of the
// last item seen ("after") or the first ("before"). The cursor names a position, not an
// item, so it stays good when that item is deleted or renamed between pages.
func cursorPage(r *http.Request, keys []cursorKey, items [][]byte, limit int) (cursorListing, error) {
	q := r.URL.Query()
	size := 25
	if v := q.Get("pageSize"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 || n > limit {
			return cursorListing{}, errBadRequest("The field [pageSize] must be a whole number from 1 to %d, not [%s].", limit, v)
		}
		size = n
	}
	var start, end int
	if a := q.Get("after"); a != "" {
		k, ok := decodeCursor(a)
		if !ok {
			return cursorListing{}, errBadRequest("The cursor [after] is not valid.")
		}
		start = sort.Search(len(keys), func(i int) bool { return k.less(keys[i]) })
		end = start + min(size, len(items)-start)
	} else if b := q.Get("before"); b != "" {
		k, ok := decodeCursor(b)
		if !ok {
			return cursorListing{}, errBadRequest("The cursor [before] is not valid.")
		}
		end = sort.Search(len(keys), func(i int) bool { return !keys[i].less(k) })
		start = max(0, end-size)
	} else {
		end = min(size, len(items))
	}
	l := cursorListing{Entities: []json.RawMessage{}, SelfURI: r.URL.RequestURI()}
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
		l.NextURI = base + "&after=" + encodeCursor(keys[end-1])
	}
	if start > 0 && end > start {
		l.PreviousURI = base + "&before=" + encodeCursor(keys[start])
	}
	return l, nil
}

// cursorPrefix marks (and versions) the cursor encoding: the prefix, the name's length
// in bytes, ":", the name, the id. The length keeps any bytes of a name exact.
const cursorPrefix = "k1:"

func encodeCursor(k cursorKey) string {
	raw := cursorPrefix + strconv.Itoa(len(k.Name)) + ":" + k.Name + k.ID
	return base64.RawURLEncoding.EncodeToString([]byte(raw))
}

func decodeCursor(c string) (cursorKey, bool) {
	b, err := base64.RawURLEncoding.DecodeString(c)
	if err != nil {
		return cursorKey{}, false
	}
	rest, ok := strings.CutPrefix(string(b), cursorPrefix)
	if !ok {
		return cursorKey{}, false
	}
	ln, rest, ok := strings.Cut(rest, ":")
	n, err := strconv.Atoi(ln)
	if !ok || err != nil || n < 0 || n > len(rest) {
		return cursorKey{}, false
	}
	return cursorKey{Name: rest[:n], ID: rest[n:]}, true
}

// multiParam reads a multi-valued query parameter sent either as repeated keys or as a
// comma-separated list (the SDKs do both); empty values are ignored.
func multiParam(r *http.Request, key string) []string {
	var out []string
	for _, v := range r.URL.Query()[key] {
		for _, p := range strings.Split(v, ",") {
			if p = strings.TrimSpace(p); p != "" {
				out = append(out, p)
			}
		}
	}
	return out
}

// nameMatches applies the API's name filter: a leading or trailing "*" is a wildcard;
// without one, prefix says whether the filter is "starts with" (skills) or exact.
// Matching ignores case.
func nameMatches(filter, name string, prefix bool) bool {
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

// appendJSON encodes the listing without re-validating the stored entity JSON, which
// encoding/json would re-scan and re-compact on every page (most of a list's cost).
// Entities are stored as compact JSON produced by json.Marshal, so copying them is safe.
func (l entityListing) appendJSON(b []byte) []byte {
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
			q, _ := json.Marshal(f.val)
			b = append(b, q...)
		}
	}
	b = append(b, `,"pageCount":`...)
	b = strconv.AppendInt(b, int64(l.PageCount), 10)
	return append(b, '}')
}
