package provider

import (
	"context"
	"fmt"
	"net/http"

	"github.com/cxascode/cxascode/internal/kinds"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// Parts (kinds.Field.Part): blocks of a singleton resource that the API keeps at paths of
// their own (routing settings' contact center and transcription blocks), each the one object
// of a singleton kind. They are written after the object by their kind's update method and
// read from their kind's path into the object, under the field's JSON, so the rest of the
// generic resource maps them like any nested object. A part the configuration leaves out is
// neither written nor read: the org's settings stay as they are, unmanaged.

// takeParts removes the parts from a request body and returns each planned one by field.
func (r *kindResource) takeParts(body apiObject) map[string]apiObject {
	parts := map[string]apiObject{}
	for _, f := range r.kind.Fields {
		if f.Part == "" {
			continue
		}
		if obj, ok := body[f.JSON].(map[string]any); ok {
			parts[f.Attr] = obj
		}
		delete(body, f.JSON)
	}
	return parts
}

// writeParts sends each planned part to its own path.
func (r *kindResource) writeParts(ctx context.Context, parts map[string]apiObject) error {
	for _, f := range r.kind.Fields {
		body, planned := parts[f.Attr]
		if !planned {
			continue
		}
		part := kinds.Genesys().Named(f.Part)
		if err := r.client.Do(ctx, part.API.Update, part.API.Collection, nil, body, nil); err != nil {
			return fmt.Errorf("write the %s: %w", part.Noun, err)
		}
	}
	return nil
}

// importedKey marks, in a resource's private state, an object just imported, whose Read
// takes every part into state: nothing says yet which ones the configuration manages.
const importedKey = "imported"

// ImportState imports by id, as every resource does, and marks the import for Read.
func (r *kindResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	r.resourceBase.ImportState(ctx, req, resp)
	if resp.Diagnostics.HasError() || !r.hasParts() {
		return
	}
	resp.Diagnostics.Append(resp.Private.SetKey(ctx, importedKey, []byte("true"))...)
}

// hasParts reports whether any field of the kind is a part.
func (r *kindResource) hasParts() bool {
	for _, f := range r.kind.Fields {
		if f.Part != "" {
			return true
		}
	}
	return false
}

// readParts reads into obj the parts the configuration manages, those holding a block in
// prior (plan or state), or all of them after an import.
func (r *kindResource) readParts(ctx context.Context, obj apiObject, prior types.Object, imported bool) error {
	for _, f := range r.kind.Fields {
		if f.Part == "" || (!imported && len(blockElements(prior.Attributes()[f.Attr])) == 0) {
			continue
		}
		part := kinds.Genesys().Named(f.Part)
		var got apiObject
		if err := r.client.Do(ctx, http.MethodGet, part.API.Collection, nil, nil, &got); err != nil {
			return fmt.Errorf("read the %s: %w", part.Noun, err)
		}
		obj[f.JSON] = got
	}
	return nil
}
