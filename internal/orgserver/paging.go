package orgserver

import (
	"encoding/base64"
	"encoding/json"
	"net/http"
	"net/url"
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
	start := (p.Number - 1) * p.Size
	if start < total {
		end := min(start+p.Size, total)
		for _, it := range items[start:end] {
			l.Entities = append(l.Entities, it)
		}
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

// cursorPage pages items (sorted, stable ids) by an opaque cursor naming the last id
// seen ("after") or the first ("before").
func cursorPage(r *http.Request, ids []string, items [][]byte, limit int) (cursorListing, error) {
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
		id, ok := decodeCursor(a)
		i := indexOf(ids, id)
		if !ok || i < 0 {
			return cursorListing{}, errBadRequest("The cursor [after] is not valid.")
		}
		start = i + 1
		end = min(start+size, len(items))
	} else if b := q.Get("before"); b != "" {
		id, ok := decodeCursor(b)
		i := indexOf(ids, id)
		if !ok || i < 0 {
			return cursorListing{}, errBadRequest("The cursor [before] is not valid.")
		}
		end = i
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
		l.NextURI = base + "&after=" + encodeCursor(ids[end-1])
	}
	if start > 0 && end > start {
		l.PreviousURI = base + "&before=" + encodeCursor(ids[start])
	}
	return l, nil
}

func encodeCursor(id string) string { return base64.RawURLEncoding.EncodeToString([]byte("c:" + id)) }

func decodeCursor(c string) (string, bool) {
	b, err := base64.RawURLEncoding.DecodeString(c)
	if err != nil || !strings.HasPrefix(string(b), "c:") {
		return "", false
	}
	return string(b[2:]), true
}

func indexOf(ids []string, id string) int {
	for i, x := range ids {
		if x == id {
			return i
		}
	}
	return -1
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
