package provider

import (
	"context"
	"fmt"
	"net/http"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// A singleton kind (kinds.API.Singleton) is one object per org at a fixed path: the org has
// always had it, so creating the resource writes the configured values over it, and
// destroying it puts the org's defaults back (DELETE) or, where the API has no DELETE, only
// forgets it. Any id imports it; a create gives it the kind's SingletonID
// ("outbound_settings").

// writeSingleton sends body with the kind's update method, then its parts to their own
// paths (kind_parts.go), and reads the object back: some of these updates answer nothing
// (outbound settings' PATCH) or an Operation.
func (r *kindResource) writeSingleton(ctx context.Context, body apiObject, plan types.Object) (*apiObject, error) {
	parts := r.takeParts(body)
	if err := r.client.Do(ctx, r.kind.API.Update, r.kind.API.Collection, nil, body, nil); err != nil {
		return nil, err
	}
	if err := r.writeParts(ctx, parts); err != nil {
		return nil, err
	}
	return r.readSingleton(ctx, plan, false)
}

// readSingleton reads the org's one object, with the parts prior manages (all of them just
// after an import); it always exists.
func (r *kindResource) readSingleton(ctx context.Context, prior types.Object, imported bool) (*apiObject, error) {
	var obj apiObject
	if err := r.client.Do(ctx, http.MethodGet, r.kind.API.Collection, nil, nil, &obj); err != nil {
		return nil, err
	}
	if err := r.readParts(ctx, obj, prior, imported); err != nil {
		return nil, err
	}
	return &obj, nil
}

func (r *kindResource) createSingleton(ctx context.Context, plan types.Object, body apiObject, resp *resource.CreateResponse) {
	obj, err := r.writeSingleton(ctx, body, plan)
	if err != nil {
		addAPIError(&resp.Diagnostics, nil, "Could not write the org's "+r.kind.Noun, err)
		return
	}
	r.setSingletonState(ctx, *obj, plan, r.kind.SingletonID(), &resp.State, &resp.Diagnostics)
}

func (r *kindResource) readSingletonState(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	var state types.Object
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	imported, d := req.Private.GetKey(ctx, importedKey)
	resp.Diagnostics.Append(d...)
	if resp.Diagnostics.HasError() {
		return
	}
	obj, err := r.readSingleton(ctx, state, imported != nil)
	if err != nil {
		addAPIError(&resp.Diagnostics, nil, "Could not read the org's "+r.kind.Noun, err)
		return
	}
	r.setSingletonState(ctx, *obj, state, r.idIn(state), &resp.State, &resp.Diagnostics)
	if imported != nil {
		resp.Diagnostics.Append(resp.Private.SetKey(ctx, importedKey, nil)...) // later reads follow the state
	}
}

func (r *kindResource) updateSingleton(ctx context.Context, plan types.Object, body apiObject, resp *resource.UpdateResponse) {
	obj, err := r.writeSingleton(ctx, body, plan)
	if err != nil {
		addAPIError(&resp.Diagnostics, nil, "Could not update the org's "+r.kind.Noun, err)
		return
	}
	r.setSingletonState(ctx, *obj, plan, r.idIn(plan), &resp.State, &resp.Diagnostics)
}

func (r *kindResource) deleteSingleton(ctx context.Context, resp *resource.DeleteResponse) {
	if r.kind.API.NoDelete {
		resp.Diagnostics.AddWarning(fmt.Sprintf("The org's %s were left as they are", r.kind.Noun),
			fmt.Sprintf("The Platform API cannot reset the %s: they keep their values and are no longer managed by this configuration.", r.kind.Noun))
		return
	}
	if err := r.client.Do(ctx, http.MethodDelete, r.kind.API.Collection, nil, nil, nil); err != nil {
		addAPIError(&resp.Diagnostics, nil, "Could not reset the org's "+r.kind.Noun+" to their defaults", err)
	}
}

// setSingletonState stores the object as any regular kind's, under the resource's own id.
func (r *kindResource) setSingletonState(ctx context.Context, obj apiObject, prior types.Object, id string, state *tfsdk.State, diags *diag.Diagnostics) {
	obj["id"] = id
	r.setState(ctx, obj, prior, state, diags)
}
