package provider

import (
	"context"
	"fmt"
	"slices"

	"github.com/cxascode/cxascode/internal/kinds"
)

// Writes of a kind whose API bounds how many values one request may add to a list
// (kinds.Field.MaxAddsPerWrite, e.g. an IVR's numbers): the object is created with the first
// chunk and brought to the plan by one update per further chunk.

// steppedField is the kind's field whose additions are bounded, or nil.
func (r *kindResource) steppedField() *kinds.Field {
	return r.fieldWhere(func(f *kinds.Field) bool { return f.MaxAddsPerWrite > 0 })
}

// firstChunk cuts the bounded list in body down to what the create may carry, and returns
// the whole list the plan wants (nil when the kind has no bounded field).
func (r *kindResource) firstChunk(body apiObject) (desired []string) {
	f := r.steppedField()
	if f == nil {
		return nil
	}
	desired = stringsAt(body, f.JSON)
	if len(desired) > f.MaxAddsPerWrite {
		kinds.Set(body, f.JSON, anyStrings(desired[:f.MaxAddsPerWrite]))
	}
	return desired
}

// writeSteps brings the object with id from the list it holds now (current) to desired,
// sending the rest of body with each step.
func (r *kindResource) writeSteps(ctx context.Context, f *kinds.Field, id string, current, desired []string, body apiObject) (*apiObject, error) {
	var out *apiObject
	for _, step := range addSteps(current, desired, f.MaxAddsPerWrite) {
		kinds.Set(body, f.JSON, anyStrings(step))
		obj, err := r.writeOnce(ctx, id, body)
		if err != nil {
			return nil, err
		}
		out = obj
	}
	return out, nil
}

// writeStepped updates an object whose bounded list may grow by more than one write adds:
// the list the org holds now (state may be stale) decides what counts as an addition.
func (r *kindResource) writeStepped(ctx context.Context, f *kinds.Field, id string, body apiObject) (*apiObject, error) {
	api, own := r.itemAPI(id)
	cur, err := api.getByID(ctx, own)
	if err != nil {
		return nil, err
	}
	if cur == nil {
		return nil, fmt.Errorf("%s %s no longer exists", r.kind.Noun, id)
	}
	return r.writeSteps(ctx, f, id, stringsAt(*cur, f.JSON), stringsAt(body, f.JSON), body)
}

// addSteps plans the lists to write, in order, to go from current to desired while adding
// at most maxAdds values per write: the first list keeps the current values that stay
// (dropping the others) and adds the first chunk; each next list adds one more chunk. There
// is always at least one step, so the other fields get written.
func addSteps(current, desired []string, maxAdds int) [][]string {
	keep := []string{}
	var add []string
	for _, n := range desired {
		if slices.Contains(current, n) {
			keep = append(keep, n)
		} else if !slices.Contains(add, n) {
			add = append(add, n)
		}
	}
	steps := [][]string{}
	list := keep
	for {
		k := min(maxAdds, len(add))
		list = append(slices.Clone(list), add[:k]...)
		add = add[k:]
		steps = append(steps, list)
		if len(add) == 0 {
			return steps
		}
	}
}

// stringsAt reads the strings at a JSON path, sorted (never nil: an empty list clears).
func stringsAt(obj apiObject, jsonPath string) []string {
	out := []string{}
	list, _ := kinds.Get(obj, jsonPath).([]any)
	for _, v := range list {
		if s, ok := v.(string); ok {
			out = append(out, s)
		}
	}
	slices.Sort(out)
	return out
}

func anyStrings(xs []string) []any {
	out := make([]any, len(xs))
	for i, x := range xs {
		out[i] = x
	}
	return out
}
