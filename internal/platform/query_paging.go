package platform

import (
	"context"
	"fmt"
)

// QueryFilter is one condition of a list-by-query request (the API's WorkitemFilter): the
// field name, its type ("String"), the operator ("EQ", "IN") and the values compared with.
type QueryFilter struct {
	Name     string   `json:"name"`
	Type     string   `json:"type"`
	Operator string   `json:"operator"`
	Values   []string `json:"values"`
}

// queryRequest is the body of a list-by-query call (WorkbinQueryRequest and its siblings).
type queryRequest struct {
	Filters  []QueryFilter `json:"filters"`
	PageSize int           `json:"pageSize"`
	After    string        `json:"after,omitempty"`
}

// queryListing is the part of a query answer that paging reads.
type queryListing[T any] struct {
	Entities []T    `json:"entities"`
	After    string `json:"after"`
}

// ListQuery reads every page of a list-by-query endpoint (POST …/query, as task management
// lists): it posts the filters (none: everything) with the cursor of the page before until
// the answer names no next page. A query only reads, so a lost answer is asked again.
// pageSize 0 = 100.
func ListQuery[T any](ctx context.Context, c *Client, path string, filters []QueryFilter, pageSize int) ([]T, error) {
	if pageSize <= 0 {
		pageSize = defaultPageSize
	}
	if filters == nil {
		filters = []QueryFilter{} // the request model requires the list, if empty
	}
	req := queryRequest{Filters: filters, PageSize: pageSize}
	seen := map[string]bool{}
	var all []T
	for {
		var l queryListing[T]
		if err := c.PostRepeatable(ctx, path, nil, req, &l); err != nil {
			return all, err
		}
		all = append(all, l.Entities...)
		if len(l.Entities) == 0 || l.After == "" {
			return all, nil
		}
		if seen[l.After] {
			return all, fmt.Errorf("POST %s: the server returned the same cursor twice; stopping to avoid a loop", path)
		}
		seen[l.After] = true
		req.After = l.After
	}
}
