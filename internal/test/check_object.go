package test

import (
	"context"
	"encoding/json"
	"fmt"
	"net/url"
	"reflect"
	"strings"

	"github.com/cxascode/cxascode/internal/kinds"
	"github.com/cxascode/cxascode/internal/platform"
)

// Checking an object of the org: found by name through its kind's listing, read by id, then
// compared value by value and counted.

func checkObject(ctx context.Context, c *platform.Client, suite *Suite, t *Test, r *Result) {
	o := t.Object
	k := o.Kind
	r.Expected = fmt.Sprintf("%s %q", k.Noun, o.Name)
	if c == nil {
		r.Err = "no API client to the org"
		return
	}
	obj, err := findByName(ctx, c, k, o.Name)
	if err != nil {
		r.Err = err.Error()
		return
	}
	if obj == nil {
		r.Failures = append(r.Failures, fmt.Sprintf("no %s named %q in the org (%s)", k.Noun, o.Name, k.API.Collection))
		return
	}
	view := k.FieldView(obj)
	for _, v := range o.Values {
		from := obj
		if v.Attr != "" {
			from = view
		}
		got := normalize(kinds.Get(from, v.Path))
		if !reflect.DeepEqual(normalize(v.Want), got) {
			r.Failures = append(r.Failures, fmt.Sprintf("%s: expected %s, got %s (%s)", cmpOr(v.Attr, v.Path), jsonText(v.Want), jsonText(got), v.Pos))
		}
	}
	for _, cc := range o.Counts {
		members, n, err := countOf(ctx, c, k, obj, cc.Path)
		if err != nil {
			r.Err = err.Error()
			return
		}
		r.Failures = append(r.Failures, countFailures(cc, members, n)...)
	}
	if len(o.States) > 0 {
		checkStates(ctx, c, obj, o.States, r)
	}
	if o.MatchesWorkspace {
		checkMatchesWorkspace(ctx, c, suite, obj, o.MatchesPos, r)
	}
}

// findByName lists the kind (narrowed by its name filter when it has one) and returns the
// object whose name is name, ignoring case, read in full; nil when there is none.
func findByName(ctx context.Context, c *platform.Client, k *kinds.Kind, name string) (map[string]any, error) {
	q := url.Values{}
	if k.API.NameFilter != "" {
		q.Set(k.API.NameFilter, name)
	}
	list, err := listing(ctx, c, k, k.API.Collection, q)
	if err != nil {
		return nil, fmt.Errorf("list %ss to find %q: %w", k.Noun, name, err)
	}
	for _, e := range list {
		if k.Holds != nil && !k.Holds(e) {
			continue
		}
		if n, _ := e[k.LookupKey()].(string); strings.EqualFold(n, name) {
			if k.BulkRead && k.API.ReadQuery == "" {
				return e, nil
			}
			var full map[string]any
			path := k.API.ReadPath(k.OwnID(e))
			rq, _ := url.ParseQuery(k.API.ReadQuery)
			if err := c.Do(ctx, "GET", path, rq, nil, &full); err != nil {
				return nil, fmt.Errorf("read %s %q: %w", k.Noun, name, err)
			}
			return full, nil
		}
	}
	return nil, nil
}

func listing(ctx context.Context, c *platform.Client, k *kinds.Kind, path string, q url.Values) ([]map[string]any, error) {
	if k.API.Paging == kinds.Cursor {
		return platform.ListCursor[map[string]any](ctx, c, path, q, k.API.PageSize())
	}
	return platform.ListAll[map[string]any](ctx, c, path, q, k.API.PageSize())
}

// countOf counts the members a count check names: the entities of a sub-collection
// ("/wrapupcodes" under the object's path), the elements of an array, or a number.
func countOf(ctx context.Context, c *platform.Client, k *kinds.Kind, obj map[string]any, path string) ([]map[string]any, int, error) {
	if strings.HasPrefix(path, "/") {
		sub := k.API.Item(k.OwnID(obj)) + path
		members, err := platform.ListAll[map[string]any](ctx, c, sub, nil, 100)
		if err != nil {
			return nil, 0, fmt.Errorf("list %s: %w", sub, err)
		}
		return members, len(members), nil
	}
	switch v := kinds.Get(obj, path).(type) {
	case []any:
		var members []map[string]any
		for _, e := range v {
			if m, ok := e.(map[string]any); ok {
				members = append(members, m)
			}
		}
		return members, len(v), nil
	case float64:
		return nil, int(v), nil
	case nil:
		return nil, 0, nil
	default:
		return nil, 0, fmt.Errorf("%s is %s, neither a list nor a number to count", path, jsonText(v))
	}
}

func countFailures(cc CountCheck, members []map[string]any, n int) []string {
	var out []string
	bound := func(ok bool, what string, want int) {
		if !ok {
			out = append(out, fmt.Sprintf("count of %s: expected %s %d, got %d (%s)", cc.Path, what, want, n, cc.Pos))
		}
	}
	if cc.Equals != nil {
		bound(n == *cc.Equals, "exactly", *cc.Equals)
	}
	if cc.AtLeast != nil {
		bound(n >= *cc.AtLeast, "at least", *cc.AtLeast)
	}
	if cc.AtMost != nil {
		bound(n <= *cc.AtMost, "at most", *cc.AtMost)
	}
	var names []string
	for _, m := range members {
		if s, ok := m["name"].(string); ok {
			names = append(names, s)
		}
	}
	for _, want := range cc.Includes {
		found := false
		for _, n := range names {
			found = found || strings.EqualFold(n, want)
		}
		if !found {
			out = append(out, fmt.Sprintf("%s: expected to include %q, got %q (%s)", cc.Path, want, names, cc.Pos))
		}
	}
	return out
}

// normalize gives a value the shape JSON decoding gives it, so that 30000 from a test and
// 30000 from the API compare equal whatever Go types carried them.
func normalize(v any) any {
	raw, err := json.Marshal(v)
	if err != nil {
		return v
	}
	var out any
	if json.Unmarshal(raw, &out) != nil {
		return v
	}
	return out
}

func jsonText(v any) string {
	if v == nil {
		return "nothing"
	}
	raw, err := json.Marshal(v)
	if err != nil {
		return fmt.Sprint(v)
	}
	return string(raw)
}
