package provider

import (
	"context"
	"fmt"
	"net/http"
	"net/url"

	"github.com/cxascode/cxascode/internal/kinds"
	"github.com/cxascode/cxascode/internal/platform"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// A resource may manage an object every org has instead of a new one (kinds.Field.Adopts:
// the home division, a default role). Created so, it takes the builtin object over and brings
// it to the configuration; destroyed, it leaves the object where it is.

// adoptsField is the kind's Adopts field, or nil.
func (r *kindResource) adoptsField() *kinds.Field {
	return r.fieldWhere(func(f *kinds.Field) bool { return f.Adopts })
}

// adopting reports whether the plan or state names a builtin object to manage.
func (r *kindResource) adopting(o types.Object) bool {
	f := r.adoptsField()
	if f == nil {
		return false
	}
	switch v := o.Attributes()[f.Attr].(type) {
	case types.Bool:
		return v.ValueBool()
	case types.String:
		return v.ValueString() != ""
	}
	return false
}

// adoptBuiltin finds the builtin object the plan names and updates it with body.
func (r *kindResource) adoptBuiltin(ctx context.Context, plan types.Object, body apiObject) (*apiObject, error) {
	f := r.adoptsField()
	var builtin apiObject
	if f.Type == kinds.Bool {
		if err := r.client.Do(ctx, http.MethodGet, r.kind.API.BuiltinPath, nil, nil, &builtin); err != nil {
			return nil, fmt.Errorf("read the org's builtin %s: %w", r.kind.Noun, err)
		}
	} else {
		want := stringAttr(plan, f.Attr)
		// The listing filters by the field; the check below keeps a lenient filter honest.
		found, err := platform.ListAll[apiObject](ctx, r.client, r.kind.API.Collection, url.Values{f.JSON: {want}}, 0)
		if err != nil {
			return nil, fmt.Errorf("look up the builtin %s %s %q: %w", r.kind.Noun, f.Attr, want, err)
		}
		for _, o := range found {
			if kinds.Get(o, f.JSON) == want {
				builtin = o
				break
			}
		}
		if builtin == nil {
			return nil, fmt.Errorf("the org has no builtin %s with %s %q", r.kind.Noun, f.Attr, want)
		}
	}
	return r.writeOnce(ctx, objectID(builtin), body)
}
