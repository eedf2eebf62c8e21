package platform

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"strings"
)

// The typed helpers of each API group are thin: they pick the path and the model and leave
// retries, paging and uniqueness to Do, ListAll/ListCursor and CreateUnique.

func call0(ctx context.Context, c *Client, method, path string, query url.Values, body any) error {
	return c.Do(ctx, method, path, query, body, nil)
}

func call1[T any](ctx context.Context, c *Client, method, path string, query url.Values, body any) (*T, error) {
	out := new(T)
	if err := c.Do(ctx, method, path, query, body, out); err != nil {
		return nil, err
	}
	return out, nil
}

// setCall is a POST that only changes membership in a set (add/remove members, grants), or
// only reads (searches, queries): repeating it is harmless, so it is retried like a PUT.
func setCall(ctx context.Context, c *Client, path string, query url.Values, body, out any) error {
	return c.do(ctx, call{method: http.MethodPost, path: path, query: query, body: body, out: out, idempotent: true})
}

// createByName creates with CreateUnique, looking the object up with find when a response
// is lost; find returns the object it found by name, or nil.
func createByName[T any](ctx context.Context, c *Client, path string, body any, find func(ctx context.Context) (*T, error)) (*T, error) {
	out := new(T)
	err := c.CreateUnique(ctx, path, body, out, func(ctx context.Context) (bool, error) {
		found, err := find(ctx)
		if err != nil || found == nil {
			return false, err
		}
		*out = *found
		return true, nil
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// pickByName returns the first item whose name equals name ignoring case (names are
// unique case-insensitively in an org), skipping soft-deleted ones.
func pickByName[T any](items []T, name string, nameOf func(*T) (name, state string)) (*T, bool) {
	for i := range items {
		n, state := nameOf(&items[i])
		if strings.EqualFold(n, name) && state != "deleted" {
			return &items[i], true
		}
	}
	return nil, false
}

// nameFilter is the list query narrowing a by-name lookup. Names holding "*" would be read
// as wildcards, so those are looked up in the full list instead.
func nameFilter(name string) url.Values {
	if strings.Contains(name, "*") {
		return url.Values{}
	}
	return url.Values{"name": {name}}
}

func idPath(format string, ids ...string) string {
	args := make([]any, len(ids))
	for i, id := range ids {
		args[i] = url.PathEscape(id)
	}
	return fmt.Sprintf(format, args...)
}

func str(p *string) string {
	if p == nil {
		return ""
	}
	return *p
}

// Ptr returns a pointer to v, for filling the generated models' optional fields.
func Ptr[T any](v T) *T { return &v }

// chunks splits ids into slices of at most n, for endpoints that take bounded lists.
func chunks(ids []string, n int) [][]string {
	var out [][]string
	for len(ids) > n {
		out = append(out, ids[:n])
		ids = ids[n:]
	}
	if len(ids) > 0 {
		out = append(out, ids)
	}
	return out
}
