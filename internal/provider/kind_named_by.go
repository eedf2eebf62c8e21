package provider

import (
	"context"
	"fmt"
	"net/http"

	"github.com/cxascode/cxascode/internal/kinds"
	"github.com/cxascode/cxascode/internal/platform"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// A kind's NamedBy field (kinds.Field.NamedBy, a site's set_as_default_site) is not part of
// the object's JSON: it says whether another object (the organization) names this one. It
// is read from that object into the object as the provider sees it, under the field's JSON
// key, so that the rest of the generic resource maps it like any bool, and written to that
// object after the object itself.

// namedByField is the kind's NamedBy field, or nil.
func (r *kindResource) namedByField() *kinds.Field {
	return r.fieldWhere(func(f *kinds.Field) bool { return f.NamedBy != nil })
}

// fieldWhere is the kind's first top-level field that is, or nil: the fields written by
// requests of their own are one per kind.
func (r *kindResource) fieldWhere(is func(*kinds.Field) bool) *kinds.Field {
	for i := range r.kind.Fields {
		if is(&r.kind.Fields[i]) {
			return &r.kind.Fields[i]
		}
	}
	return nil
}

// namer reads the object that names (the whole of it: a change sends it back).
func (r *kindResource) namer(ctx context.Context, n *kinds.Namer) (apiObject, error) {
	var doc apiObject
	if err := r.client.Do(ctx, http.MethodGet, n.Path, nil, nil, &doc); err != nil {
		return nil, fmt.Errorf("read %s: %w", n.Path, err)
	}
	return doc, nil
}

// names reports whether doc names the object with id.
func names(doc apiObject, n *kinds.Namer, id string) bool {
	named, _ := kinds.Get(doc, n.JSON).(string)
	return id != "" && named == id
}

// readNamedBy reads into obj whether the namer names it.
func (r *kindResource) readNamedBy(ctx context.Context, obj apiObject) error {
	f := r.namedByField()
	if f == nil {
		return nil
	}
	doc, err := r.namer(ctx, f.NamedBy)
	if err != nil {
		return err
	}
	obj[f.JSON] = names(doc, f.NamedBy, objectID(obj))
	return nil
}

// syncNamedBy makes the namer name the object when the plan says true, and reads the
// outcome into obj. The namer always names one object, so false is never written: it holds
// once another object is named, which may be the work of another resource in the same
// apply (the default site moving from one site to another), so the state takes the planned
// false and the next refresh tells whether the move happened.
func (r *kindResource) syncNamedBy(ctx context.Context, obj apiObject, planned map[string]attr.Value) error {
	f := r.namedByField()
	if f == nil {
		return nil
	}
	n, id := f.NamedBy, objectID(obj)
	want, _ := planned[f.Attr].(types.Bool)
	named := false
	err := platform.RetryOnVersionConflict(ctx, 0, func(ctx context.Context) error {
		doc, err := r.namer(ctx, n)
		if err != nil {
			return err
		}
		named = names(doc, n, id)
		if !known(want) || want.ValueBool() == named {
			return nil
		}
		if !want.ValueBool() {
			named = false
			return nil
		}
		kinds.Set(doc, n.JSON, id)
		if err := r.client.Do(ctx, http.MethodPut, n.Path, nil, doc, nil); err != nil {
			return fmt.Errorf("name %s %s in %s: %w", r.kind.Noun, id, n.Path, err)
		}
		named = true
		return nil
	})
	if err != nil {
		return err
	}
	obj[f.JSON] = named
	return nil
}
