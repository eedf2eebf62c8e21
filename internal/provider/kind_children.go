package provider

import (
	"context"

	"github.com/cxascode/cxascode/internal/kinds"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// A child kind (kinds.API.Parent: a work type's statuses) lives in a collection under one
// parent object, whose id its parent field holds (kinds.Kind.ParentField) and requests carry
// in the path, never in the body. Its resource's id is the kinds.ChildID of the parent's id and
// its own, as the other layers (import, drift, backport) name such objects. References to
// objects of a child kind (a status's destination statuses) hold those ids too: requests
// carry the own part, and state reads the answered own ids back under the referring object's
// parent, as the API refers only to siblings.

// itemAPI is the API seam for the object with the resource id id, and the id to give it.
func (r *kindResource) itemAPI(id string) (entityAPI[apiObject], string) {
	api := kindAPI(r.client, r.kind)
	if r.kind.API.Parent == "" {
		return api, id
	}
	parent, own, ok := kinds.SplitChildID(id)
	if !ok {
		// Not a child id (a hand-typed import): the org answers it as missing.
		return api, id
	}
	api.path = r.kind.API.CollectionOf(parent)
	return api, own
}

// parentIn is the parent's id planned for a child kind's object ("" for other kinds).
func (r *kindResource) parentIn(plan types.Object) string {
	f := r.kind.ParentField()
	if f == nil {
		return ""
	}
	return stringAttr(plan, f.Attr)
}

// createAPI is the API seam a create posts to: a child kind's collection under the planned
// parent, or the kind's collection (scoped by the body where the kind's listing needs it).
func (r *kindResource) createAPI(plan types.Object, body apiObject) entityAPI[apiObject] {
	api := kindAPI(r.client, r.kind)
	if r.kind.API.Parent != "" {
		api.path = r.kind.API.CollectionOf(r.parentIn(plan))
		return api
	}
	return scopedAPI(api, r.kind, body)
}

// createObject posts a create of the planned body. A kind made at its item path (a flow's log
// level, under the flow: kinds.Kind.PathIDField) posts there, and a create whose answer was
// lost is found by reading that path, since the object has no name of its own.
func (r *kindResource) createObject(ctx context.Context, plan types.Object, name string, body apiObject) (*apiObject, error) {
	if r.adopting(plan) {
		return r.adoptBuiltin(ctx, plan, body) // kind_builtin.go
	}
	api := r.createAPI(plan, body)
	f := r.kind.PathIDField()
	if f == nil {
		return api.create(ctx, name, body)
	}
	id := stringAttr(plan, f.Attr)
	read := kindAPI(r.client, r.kind)
	api.path = read.itemPath(id)
	return api.createFoundBy(ctx, body, func(ctx context.Context) (*apiObject, error) {
		return read.getByID(ctx, id)
	})
}

// resourceID is the id of an answered object as the resource holds it: a kinds.ChildID for
// a child kind (its parent read from the object's reference to it).
func (r *kindResource) resourceID(obj apiObject) string {
	f := r.kind.ParentField()
	if f == nil {
		return objectID(obj)
	}
	parent, _ := kinds.Get(obj, f.JSON).(string)
	return kinds.ChildID(parent, r.kind.OwnID(obj))
}

// childRequest takes a child kind's parent out of a request body and writes references to
// objects of child kinds by their own ids.
func childRequest(k *kinds.Kind, body apiObject) {
	if f := k.ParentField(); f != nil {
		delete(body, kinds.TopLevel(f.RequestJSON()))
	}
	if f := k.PathIDField(); f != nil {
		delete(body, kinds.TopLevel(f.RequestJSON()))
	}
	for _, f := range childRefFields(k) {
		kinds.Set(body, f.RequestJSON(), mapIDs(kinds.Get(body, f.RequestJSON()), func(id string) string {
			if _, own, ok := kinds.SplitChildID(id); ok {
				return own
			}
			return id
		}))
	}
}

// childAnswer reads the own ids an answer refers to objects of child kinds by as the
// resource ids of siblings of the answering object, under the parent it is in.
func childAnswer(k *kinds.Kind, obj apiObject) {
	pf := k.ParentField()
	if pf == nil {
		return
	}
	parent, _ := kinds.Get(obj, pf.JSON).(string)
	for _, f := range childRefFields(k) {
		if v := kinds.Get(obj, f.JSON); v != nil {
			kinds.Set(obj, f.JSON, mapIDs(v, func(id string) string { return kinds.ChildID(parent, id) }))
		}
	}
}

// childRefFields are the kind's top-level fields that refer to objects of a child kind.
func childRefFields(k *kinds.Kind) []kinds.Field {
	var out []kinds.Field
	for _, f := range k.Fields {
		if ref := kinds.Genesys().Named(f.Ref); ref != nil && ref.API.Parent != "" && f.Ref != k.API.Parent {
			out = append(out, f)
		}
	}
	return out
}

// mapIDs applies fn to an id or to every id of a list (other values stay as they are).
func mapIDs(v any, fn func(string) string) any {
	switch v := v.(type) {
	case string:
		return fn(v)
	case []any:
		out := make([]any, len(v))
		for i, el := range v {
			out[i] = mapIDs(el, fn)
		}
		return out
	}
	return v
}
