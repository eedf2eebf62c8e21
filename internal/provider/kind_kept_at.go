package provider

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"slices"

	"github.com/cxascode/cxascode/internal/kinds"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// A kind's KeptAt field (kinds.Field.KeptAt, a site's number_plans) is an array the API keeps
// beside the object, read and written whole at its own path. The org keeps elements of its
// own there, so the field manages the elements it names (by the subresource's key) and
// leaves the others alone: a write replaces the named ones and keeps the rest, a read shows
// the named ones. The array is read into the object as the provider sees it, under the
// field's JSON key, so the rest of the generic resource maps it like any block.

// keptAtField is the kind's KeptAt field, or nil.
func (r *kindResource) keptAtField() *kinds.Field {
	return r.fieldWhere(func(f *kinds.Field) bool { return f.KeptAt != nil })
}

// keptAtPath is where the object with id keeps the field's array.
func (r *kindResource) keptAtPath(f *kinds.Field, id string) string {
	return r.kind.API.Item(url.PathEscape(id)) + "/" + f.KeptAt.Path
}

// keptArray reads the array the object with id keeps for f.
func (r *kindResource) keptArray(ctx context.Context, f *kinds.Field, id string) ([]any, error) {
	var elems []any
	if err := r.client.Do(ctx, http.MethodGet, r.keptAtPath(f, id), nil, nil, &elems); err != nil {
		return nil, fmt.Errorf("read the %s of %s %s: %w", f.Attr, r.kind.Noun, id, err)
	}
	return elems, nil
}

// keyOf is an element's key ("" when it has none).
func keyOf(f *kinds.Field, elem any) string {
	m, _ := elem.(map[string]any)
	key, _ := kinds.Get(m, nestedJSON(f, f.KeptAt.Key)).(string)
	return key
}

// nestedJSON is the JSON key of f's nested attribute attr.
func nestedJSON(f *kinds.Field, attr string) string {
	for _, n := range f.Nested {
		if n.Attr == attr {
			return n.JSON
		}
	}
	return attr
}

// plannedKeys are the keys of the blocks prior holds for f, in order.
func plannedKeys(f *kinds.Field, prior types.Object) []string {
	var keys []string
	for _, block := range blockElements(prior.Attributes()[f.Attr]) {
		if s, ok := block.Attributes()[f.KeptAt.Key].(types.String); ok && known(s) {
			keys = append(keys, s.ValueString())
		}
	}
	return keys
}

// shown is the part of elems whose keys are among keys, or every element when all.
func shown(f *kinds.Field, elems []any, keys []string, all bool) []any {
	out := []any{}
	for _, e := range elems {
		if all || slices.Contains(keys, keyOf(f, e)) {
			out = append(out, e)
		}
	}
	return out
}

// readKeptAt reads into obj the elements prior (the state read, or the plan written) names;
// an import, which names none, reads them all.
func (r *kindResource) readKeptAt(ctx context.Context, obj apiObject, prior types.Object, importing bool) error {
	f := r.keptAtField()
	if f == nil {
		return nil
	}
	elems, err := r.keptArray(ctx, f, objectID(obj))
	if err != nil {
		return err
	}
	obj[f.JSON] = shown(f, elems, plannedKeys(f, prior), importing)
	return nil
}

// syncKeptAt writes the planned blocks of the field over the elements with their keys,
// keeping the org's other elements (and the ids of those it replaces), then reads the
// planned ones into obj. No block planned leaves the array alone.
func (r *kindResource) syncKeptAt(ctx context.Context, obj apiObject, plan types.Object) error {
	f := r.keptAtField()
	if f == nil {
		return nil
	}
	id := objectID(obj)
	planned := plan.Attributes()[f.Attr]
	if len(blockElements(planned)) > 0 {
		j, err := jsonValue(*f, planned)
		if err != nil {
			return fmt.Errorf("%s: %w", f.Attr, err)
		}
		want, _ := j.([]any)
		current, err := r.keptArray(ctx, f, id)
		if err != nil {
			return err
		}
		named := map[string]bool{}
		for _, w := range want {
			named[keyOf(f, w)] = true
			for _, c := range current {
				cm, _ := c.(apiObject)
				wm, _ := w.(apiObject)
				if wm != nil && cm["id"] != nil && keyOf(f, c) == keyOf(f, w) {
					wm["id"] = cm["id"]
				}
			}
		}
		for _, c := range current {
			if !named[keyOf(f, c)] {
				want = append(want, c)
			}
		}
		if err := r.client.Do(ctx, http.MethodPut, r.keptAtPath(f, id), nil, want, nil); err != nil {
			return fmt.Errorf("write the %s of %s %s: %w", f.Attr, r.kind.Noun, id, err)
		}
	}
	return r.readKeptAt(ctx, obj, plan, false)
}
