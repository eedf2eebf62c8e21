package provider

import (
	"context"
	"fmt"
	"net/http"

	"github.com/hashicorp/terraform-plugin-framework/types"
)

// A resource may manage the object every org has instead of a new one (kinds.Field.Adopts:
// the home division). Created with the flag set, it takes the builtin object over and brings
// it to the configuration; destroyed, it leaves the object where it is.

// adopting reports whether the plan or state holds the kind's Adopts flag set.
func (r *kindResource) adopting(o types.Object) bool {
	for _, f := range r.kind.Fields {
		if f.Adopts {
			b, ok := o.Attributes()[f.Attr].(types.Bool)
			return ok && b.ValueBool()
		}
	}
	return false
}

// adoptBuiltin reads the builtin object and updates it with body.
func (r *kindResource) adoptBuiltin(ctx context.Context, body apiObject) (*apiObject, error) {
	var builtin apiObject
	if err := r.client.Do(ctx, http.MethodGet, r.kind.API.BuiltinPath, nil, nil, &builtin); err != nil {
		return nil, fmt.Errorf("read the org's builtin %s: %w", r.kind.Noun, err)
	}
	return r.writeOnce(ctx, objectID(builtin), body)
}
