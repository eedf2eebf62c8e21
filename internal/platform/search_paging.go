package platform

import "context"

// maxSearchPageSize is the largest page the search endpoints answer.
const maxSearchPageSize = 100

// ListSearch lists every object a search endpoint finds when asked without criteria, for a
// kind whose only listing is its search (response assets): page by page, in the largest
// pages, until the answer's pageCount. A search only reads, so a lost answer is asked again.
func ListSearch[T any](ctx context.Context, c *Client, path string) ([]T, error) {
	var all []T
	for page := 1; ; page++ {
		var l struct {
			Results   []T `json:"results"`
			PageCount int `json:"pageCount"`
		}
		body := map[string]int{"pageSize": maxSearchPageSize, "pageNumber": page}
		if err := c.PostRepeatable(ctx, path, nil, body, &l); err != nil {
			return all, err
		}
		all = append(all, l.Results...)
		if len(l.Results) == 0 || page >= l.PageCount {
			return all, nil
		}
	}
}
