package platform

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
)

// defaultPageSize is used when a caller passes 0: large pages spend less of the rate budget.
const defaultPageSize = 100

// pageListing is the part of a page-number listing (…EntityListing) that paging reads.
type pageListing[T any] struct {
	Entities  []T     `json:"entities"`
	PageSize  *int    `json:"pageSize"`
	PageCount *int    `json:"pageCount"`
	NextURI   *string `json:"nextUri"`
}

// ListAll reads every page of a page-number listing ({entities, pageNumber, pageCount}) and
// returns all entities. It stops at pageCount, on an empty page, or, for listings without
// pageCount (queue members), on a short page without nextUri. pageSize 0 = 100.
func ListAll[T any](ctx context.Context, c *Client, path string, query url.Values, pageSize int) ([]T, error) {
	if pageSize <= 0 {
		pageSize = defaultPageSize
	}
	var all []T
	for page := 1; ; page++ {
		q := cloneValues(query)
		q.Set("pageSize", strconv.Itoa(pageSize))
		q.Set("pageNumber", strconv.Itoa(page))
		var l pageListing[T]
		if err := c.Do(ctx, http.MethodGet, path, q, nil, &l); err != nil {
			return all, err
		}
		all = append(all, l.Entities...)
		if len(l.Entities) == 0 {
			return all, nil
		}
		if l.PageCount != nil {
			if page >= *l.PageCount {
				return all, nil
			}
			continue
		}
		size := pageSize
		if l.PageSize != nil && *l.PageSize > 0 {
			size = *l.PageSize // the server may cap what was asked for
		}
		if (l.NextURI == nil || *l.NextURI == "") && len(l.Entities) < size {
			return all, nil
		}
	}
}

// cursorListing is the part of an after/before listing that paging reads.
type cursorListing[T any] struct {
	Entities []T     `json:"entities"`
	NextURI  *string `json:"nextUri"`
}

// ListCursor reads every page of a cursor listing ({entities, nextUri}) by following
// nextUri until it is absent or a page is empty. pageSize 0 = 100.
func ListCursor[T any](ctx context.Context, c *Client, path string, query url.Values, pageSize int) ([]T, error) {
	if pageSize <= 0 {
		pageSize = defaultPageSize
	}
	q := cloneValues(query)
	q.Set("pageSize", strconv.Itoa(pageSize))
	seen := map[string]bool{}
	var all []T
	for {
		var l cursorListing[T]
		if err := c.Do(ctx, http.MethodGet, path, q, nil, &l); err != nil {
			return all, err
		}
		all = append(all, l.Entities...)
		if len(l.Entities) == 0 || l.NextURI == nil || *l.NextURI == "" {
			return all, nil
		}
		next := *l.NextURI
		if seen[next] {
			return all, fmt.Errorf("GET %s: the server returned the same nextUri twice (%s); stopping to avoid a loop", path, next)
		}
		seen[next] = true
		u, err := url.Parse(next)
		if err != nil {
			return all, fmt.Errorf("GET %s: unreadable nextUri %q: %w", path, next, err)
		}
		// nextUri is path+query on the API host; an absolute one is reduced to the same.
		path, q = u.Path, u.Query()
	}
}

func cloneValues(v url.Values) url.Values {
	out := make(url.Values, len(v)+2)
	for k, vs := range v {
		out[k] = append([]string(nil), vs...)
	}
	return out
}
