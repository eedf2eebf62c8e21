package provider

import (
	"context"
	"fmt"
	"strings"

	"github.com/cxascode/cxascode/internal/platform"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// crudResource is the Create/Read/Update/Delete skeleton that hand-written resources share:
// Terraform data in, the resource's own mapping and API call in the middle, state out, and
// every API failure reported the same way (addAPIError with the object named). A resource
// embeds it, adds its Schema, and fills the hooks; where one of its methods is irregular it
// defines that method itself, which takes precedence over the embedded one; hooks that only
// the overridden methods would use are left nil.
//
// M is the resource's Terraform model, T the API model it maps from.
//
// The embedded resourceBase gives it Metadata, Configure and ImportState.
type crudResource[M any, T any] struct {
	resourceBase
	what string // the kind in messages, e.g. "wrap-up code"
	// api is the kind's API seam; Read and Delete use it unless read or remove is set.
	api func(*platform.Client) entityAPI[T]
	// label names the object in messages (its quoted name for most kinds). The object's id
	// is the resource's id attribute (stateID).
	label func(*M) string
	// errorAttr is the attribute a 400 or 409 on create or update is attached to.
	errorAttr string
	// deleteHint follows the delete error, e.g. what may still use the object.
	deleteHint string
	// create and update send the plan to the API. They return (nil, nil) after adding a
	// diagnostic of their own (e.g. a plan value that cannot be sent).
	create func(ctx context.Context, c *platform.Client, plan *M, diags *diag.Diagnostics) (*T, error)
	update func(ctx context.Context, c *platform.Client, plan *M, diags *diag.Diagnostics) (*T, error)
	// createThenRead and updateThenRead, set instead of create and update, are writes of
	// several calls whose answers are not the whole object: they return the id of the object
	// written ("" after a diagnostic of their own), which is then read back (readBack).
	createThenRead func(ctx context.Context, c *platform.Client, plan *M, diags *diag.Diagnostics) (string, error)
	updateThenRead func(ctx context.Context, c *platform.Client, plan *M, diags *diag.Diagnostics) (string, error)
	// read returns the object or nil when it is gone; nil uses api's get. readFor, set
	// instead, also sees the model read into (the plan written, or the state), for a read
	// whose calls depend on what is managed.
	read    func(ctx context.Context, c *platform.Client, id string) (*T, error)
	readFor func(ctx context.Context, c *platform.Client, m *M, id string) (*T, error)
	// remove deletes the object; nil uses api's delete. It may decide to leave the object
	// in the org (a home division, a built-in role) and only stop managing it.
	remove func(ctx context.Context, c *platform.Client, state *M) error
	// fromAPI copies what the API returned into the model (the prior values in it decide
	// how optional attributes the API does not echo read).
	fromAPI func(*M, *T)
}

func (r *crudResource[M, T]) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	r.write(ctx, "create", r.create, r.createThenRead, req.Plan, &resp.State, &resp.Diagnostics)
}

func (r *crudResource[M, T]) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	r.write(ctx, "update", r.update, r.updateThenRead, req.Plan, &resp.State, &resp.Diagnostics)
}

// write reads the plan, runs create or update with it and stores what the API answered or,
// for a write of several calls (thenRead set), the object read back after it.
func (r *crudResource[M, T]) write(ctx context.Context, verb string,
	call func(context.Context, *platform.Client, *M, *diag.Diagnostics) (*T, error),
	thenRead func(context.Context, *platform.Client, *M, *diag.Diagnostics) (string, error),
	planned tfsdk.Plan, state *tfsdk.State, diags *diag.Diagnostics) {
	var plan M
	diags.Append(planned.Get(ctx, &plan)...)
	if diags.HasError() {
		return
	}
	var obj *T
	var id string
	var err error
	if thenRead != nil {
		id, err = thenRead(ctx, r.client, &plan, diags)
	} else {
		obj, err = call(ctx, r.client, &plan, diags)
	}
	if err != nil {
		addAPIError(diags, ptr(path.Root(r.errorAttr)), fmt.Sprintf("Could not %s %s %s", verb, r.what, r.label(&plan)), err)
		return
	}
	if id != "" {
		r.readBack(ctx, id, &plan, state, diags)
		return
	}
	if obj == nil {
		return
	}
	r.fromAPI(&plan, obj)
	diags.Append(state.Set(ctx, &plan)...)
}

// readObject reads the object into m, or nil when it is gone.
func (r *crudResource[M, T]) readObject(ctx context.Context, m *M, id string) (*T, error) {
	if r.readFor != nil {
		return r.readFor(ctx, r.client, m, id)
	}
	if r.read != nil {
		return r.read(ctx, r.client, id)
	}
	return r.api(r.client).get(ctx, id)
}

// readBack reads the object a multi-call Create or Update has just written and stores it.
// An object gone by then was deleted while it was being written: an error, not a removal.
func (r *crudResource[M, T]) readBack(ctx context.Context, id string, m *M, state *tfsdk.State, diags *diag.Diagnostics) {
	obj, err := r.readObject(ctx, m, id)
	if err != nil {
		addAPIError(diags, nil, fmt.Sprintf("Could not read %s %s", r.what, id), err)
		return
	}
	if obj == nil {
		diags.AddError(fmt.Sprintf("%s %s disappeared", capitalized(r.what), id), fmt.Sprintf("The %s was deleted while it was being written; apply again.", r.what))
		return
	}
	r.fromAPI(m, obj)
	diags.Append(state.Set(ctx, m)...)
}

func (r *crudResource[M, T]) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	state, obj, ok := readCurrent(ctx, req, resp, r.what, r.readObject)
	if !ok {
		return
	}
	r.fromAPI(&state, obj)
	resp.Diagnostics.Append(resp.State.Set(ctx, state)...)
}

// readCurrent is the first half of every Read: it loads the state and reads the object it
// names. It answers false when the Read has nothing more to do: a diagnostic was added, or
// the object was deleted outside OpenTofu and is gone from the state (the plan will create
// it again). Resources whose Read is their own (several calls, a read that depends on what
// is managed) start with it too.
func readCurrent[M, T any](ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse, what string,
	get func(ctx context.Context, m *M, id string) (*T, error)) (state M, obj *T, ok bool) {
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	id := stateID(ctx, req.State, &resp.Diagnostics)
	if resp.Diagnostics.HasError() {
		return state, nil, false
	}
	obj, err := get(ctx, &state, id)
	if err != nil {
		addAPIError(&resp.Diagnostics, nil, fmt.Sprintf("Could not read %s %s", what, id), err)
		return state, nil, false
	}
	if obj == nil {
		resp.State.RemoveResource(ctx)
		return state, nil, false
	}
	return state, obj, true
}

func (r *crudResource[M, T]) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	var state M
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	id := stateID(ctx, req.State, &resp.Diagnostics)
	if resp.Diagnostics.HasError() {
		return
	}
	var err error
	if r.remove != nil {
		err = r.remove(ctx, r.client, &state)
	} else {
		err = r.api(r.client).delete(ctx, id)
	}
	if err != nil {
		addAPIError(&resp.Diagnostics, nil, fmt.Sprintf("Could not delete %s %s (%s)%s", r.what, r.label(&state), id, r.deleteHint), err)
	}
}

// stateID reads the id attribute every resource has.
func stateID(ctx context.Context, st tfsdk.State, diags *diag.Diagnostics) string {
	var id types.String
	diags.Append(st.GetAttribute(ctx, path.Root("id"), &id)...)
	return id.ValueString()
}

// capitalized starts a message with what, e.g. "Skill group".
func capitalized(what string) string {
	return strings.ToUpper(what[:1]) + what[1:]
}

// quotedName is the usual label: the object's name in quotes.
func quotedName(name interface{ ValueString() string }) string {
	return fmt.Sprintf("%q", name.ValueString())
}
