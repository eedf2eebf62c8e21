package provider

import (
	"context"
	"fmt"

	"github.com/cxascode/cxascode/internal/kinds"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// kindResource is the one resource implementation of every regular catalogue kind: its
// schema, request bodies and state all come from the kind's Fields, its API calls from the
// kind's API through entityAPI. A kind whose official schema does not map regularly onto the
// API model has no Fields and a hand-written resource instead. The embedded resourceBase
// (type name from the kind) gives it Metadata, Configure and import by id.
type kindResource struct {
	resourceBase
	kind *kinds.Kind
}

var (
	_ resource.ResourceWithConfigure      = (*kindResource)(nil)
	_ resource.ResourceWithImportState    = (*kindResource)(nil)
	_ resource.ResourceWithValidateConfig = (*kindResource)(nil)
)

// kindResources returns a constructor for the resource of every regular kind in the catalogue.
func kindResources(c *kinds.Catalogue) []func() resource.Resource {
	var out []func() resource.Resource
	for _, k := range c.Where(func(k *kinds.Kind) bool { return k.Regular() && k.Resource != "" }) {
		out = append(out, func() resource.Resource {
			return &kindResource{resourceBase: resourceBase{typeSuffix: typeSuffix(k.Resource)}, kind: k}
		})
	}
	return out
}

func (r *kindResource) Schema(_ context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	s, err := kindResourceSchema(r.kind)
	if err != nil {
		resp.Diagnostics.AddError("Provider bug: no schema for "+r.kind.Resource, err.Error())
		return
	}
	resp.Schema = s
}

// ValidateConfig checks, before anything is sent, what no single attribute's validator can:
// date-times that must be in order, a flag and the list it is the alternative of.
func (r *kindResource) ValidateConfig(ctx context.Context, req resource.ValidateConfigRequest, resp *resource.ValidateConfigResponse) {
	validateOrder(ctx, r.kind.Fields, req.Config, &resp.Diagnostics)
	validateEitherOr(ctx, r.kind.Fields, req.Config, &resp.Diagnostics) // value_formats.go
}

func (r *kindResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	plan, body := r.planned(ctx, req.Plan, &resp.Diagnostics)
	if resp.Diagnostics.HasError() {
		return
	}
	if r.kind.API.Singleton {
		r.createSingleton(ctx, plan, body, resp) // kind_singleton.go
		return
	}
	name := r.nameIn(plan)
	if err := r.fillVersions(ctx, body); err != nil { // kind_drafts.go
		addAPIError(&resp.Diagnostics, nil, fmt.Sprintf("Could not create %s %q", r.kind.Noun, name), err)
		return
	}
	desired := r.firstChunk(body)
	obj, err := r.createObject(ctx, plan, name, body) // kind_children.go
	if err != nil {
		addAPIError(&resp.Diagnostics, r.nameAttr(), fmt.Sprintf("Could not create %s %q", r.kind.Noun, name), err)
		return
	}
	if r.kind.API.Drafts {
		id := objectID(*obj)
		if obj, err = r.publish(ctx, id); err != nil {
			// The draft exists: keep it in state (tainted) so the next apply publishes or replaces it.
			resp.State.SetAttribute(ctx, path.Root("id"), id)
			addAPIError(&resp.Diagnostics, nil, fmt.Sprintf("Could not create %s %q", r.kind.Noun, name), err)
			return
		}
	}
	if f := r.steppedField(); f != nil && len(desired) > f.MaxAddsPerWrite {
		id := r.resourceID(*obj)
		if obj, err = r.writeSteps(ctx, f, id, desired[:f.MaxAddsPerWrite], desired, body); err != nil {
			// The object exists: keep it in state (tainted) so the next apply finishes or replaces it.
			resp.State.SetAttribute(ctx, path.Root("id"), id)
			addAPIError(&resp.Diagnostics, ptr(path.Root(f.Attr)), fmt.Sprintf("Could not write all of %s to %s %q", f.Attr, r.kind.Noun, name), err)
			return
		}
	}
	// The object exists: on a failure, keep it in state (tainted) so the next apply finishes
	// or replaces it.
	r.finishWrite(ctx, *obj, r.resourceID(*obj), name, plan, &resp.State, &resp.Diagnostics, true)
}

// finishWrite completes a create or update once the object id is written: its members, its
// additions, the object naming it, the arrays kept beside it, then the state from obj. A failure is reported under name; with
// keepOnFailure the object's id is kept in state first (a create's object exists).
func (r *kindResource) finishWrite(ctx context.Context, obj apiObject, id, name string, plan types.Object,
	state *tfsdk.State, diags *diag.Diagnostics, keepOnFailure bool) {
	// The writes beside the object's own, in order, each with what a failure could not do.
	writes := []struct {
		what  string
		write func() error
	}{
		{"set the members of", func() error { return r.syncMembers(ctx, obj, plan.Attributes()) }},
		{"add to", func() error { return r.addValues(ctx, id, plan) }},
		{"name", func() error { return r.syncNamedBy(ctx, obj, plan.Attributes()) }},
		{"write beside", func() error { return r.syncKeptAt(ctx, obj, plan) }},
	}
	for _, w := range writes {
		if err := w.write(); err != nil {
			if keepOnFailure {
				state.SetAttribute(ctx, path.Root("id"), id)
			}
			addAPIError(diags, nil, fmt.Sprintf("Could not %s %s %q", w.what, r.kind.Noun, name), err)
			return
		}
	}
	r.setState(ctx, obj, plan, state, diags)
}

func (r *kindResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	if r.kind.API.Singleton {
		r.readSingletonState(ctx, req, resp)
		return
	}
	state, obj, ok := readCurrent(ctx, req, resp, r.kind.Noun, func(ctx context.Context, _ *types.Object, id string) (*apiObject, error) {
		return r.readObject(ctx, id)
	})
	if !ok {
		return
	}
	id := r.idIn(state)
	err := r.readMembers(ctx, *obj)
	if err == nil {
		err = r.readNamedBy(ctx, *obj)
	}
	if err == nil {
		// Only an import leaves the identifying attribute unknown to the state.
		err = r.readKeptAt(ctx, *obj, state, r.nameIn(state) == "")
	}
	if err != nil {
		addAPIError(&resp.Diagnostics, nil, fmt.Sprintf("Could not read %s %s", r.kind.Noun, id), err)
		return
	}
	r.setState(ctx, *obj, state, &resp.State, &resp.Diagnostics)
}

func (r *kindResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	plan, body := r.planned(ctx, req.Plan, &resp.Diagnostics)
	if resp.Diagnostics.HasError() {
		return
	}
	if r.kind.API.Singleton {
		r.updateSingleton(ctx, plan, body, resp)
		return
	}
	if err := r.fillVersions(ctx, body); err != nil { // kind_drafts.go
		addAPIError(&resp.Diagnostics, nil, fmt.Sprintf("Could not update %s %q", r.kind.Noun, r.nameIn(plan)), err)
		return
	}
	obj, err := r.write(ctx, r.idIn(plan), body)
	if err == nil && r.kind.API.Drafts {
		obj, err = r.publish(ctx, r.idIn(plan))
	}
	if err != nil {
		addAPIError(&resp.Diagnostics, r.nameAttr(), fmt.Sprintf("Could not update %s %q", r.kind.Noun, r.nameIn(plan)), err)
		return
	}
	r.finishWrite(ctx, *obj, r.idIn(plan), r.nameIn(plan), plan, &resp.State, &resp.Diagnostics, false)
}

func (r *kindResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	if r.kind.API.Singleton {
		r.deleteSingleton(ctx, resp)
		return
	}
	var state types.Object
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	id := r.idIn(state)
	if r.adopting(state) {
		// Every org keeps its builtin object; destroying the resource only stops managing it.
		return
	}
	if r.kind.API.NoDelete {
		// As the official provider does: the API cannot delete the object, so destroying
		// the resource only forgets it. Say so, since the org keeps it.
		resp.Diagnostics.AddWarning(fmt.Sprintf("%s %q was not deleted", r.kind.Noun, r.nameIn(state)),
			fmt.Sprintf("The Platform API cannot delete a %s: %s stays in the org and is no longer managed by this configuration.", r.kind.Noun, id))
		return
	}
	api, own := r.itemAPI(id)
	if err := api.delete(ctx, own); err != nil {
		hint := ""
		if r.kind.API.DeleteWaitsForReferrers {
			hint = "; an object outside this configuration may still refer to it"
		}
		addAPIError(&resp.Diagnostics, nil, fmt.Sprintf("Could not delete %s %q (%s)%s", r.kind.Noun, r.nameIn(state), id, hint), err)
	}
}

// readObject reads the object with id as state holds it (nil when it does not exist): a Drafts
// kind's latest version, any other kind's object.
func (r *kindResource) readObject(ctx context.Context, id string) (*apiObject, error) {
	if r.kind.API.Drafts {
		return r.readLatest(ctx, id) // kind_drafts.go
	}
	api, own := r.itemAPI(id)
	return api.get(ctx, own)
}

// write brings the object with id to body: in one update, or in steps when the kind bounds
// how much one write may add to a list.
func (r *kindResource) write(ctx context.Context, id string, body apiObject) (*apiObject, error) {
	if f := r.steppedField(); f != nil {
		return r.writeStepped(ctx, f, id, body)
	}
	return r.writeOnce(ctx, id, body)
}

// writeOnce sends an update with the kind's method. A versioned kind sends the version the org
// holds now (read just before), retried when someone else's write bumps it in between.
func (r *kindResource) writeOnce(ctx context.Context, id string, body apiObject) (*apiObject, error) {
	api, id := r.itemAPI(id)
	method := r.kind.API.Update
	if method == "" {
		// The schema replaces the object on every change of an immutable kind, so no update
		// plan reaches here unless the catalogue entry is wrong.
		return nil, fmt.Errorf("%s cannot be updated in place (the catalogue lists no update method)", r.kind.Noun)
	}
	if r.kind.API.Version != kinds.IntVersion {
		obj, err := api.update(ctx, method, id, body)
		if err != nil || !r.kind.API.UpdateAnswersOperation {
			return obj, err
		}
		return r.readAfterUpdate(ctx, api, id)
	}
	return writeVersioned(ctx, api, method, id, versionOf, func(version int) any {
		body["version"] = version
		return body
	})
}

// readAfterUpdate reads the object an update answered something else for (an Operation).
func (r *kindResource) readAfterUpdate(ctx context.Context, api entityAPI[apiObject], id string) (*apiObject, error) {
	obj, err := api.get(ctx, id)
	if err != nil {
		return nil, fmt.Errorf("read %s %s after updating it: %w", r.kind.Noun, id, err)
	}
	if obj == nil {
		return nil, fmt.Errorf("%s %s is gone right after the update", r.kind.Noun, id)
	}
	return obj, nil
}

// planned reads the plan of a create or an update and the API request it makes.
func (r *kindResource) planned(ctx context.Context, p tfsdk.Plan, diags *diag.Diagnostics) (types.Object, apiObject) {
	var plan types.Object
	diags.Append(p.Get(ctx, &plan)...)
	if diags.HasError() {
		return plan, nil
	}
	body, err := requestBody(r.kind.Fields, plan.Attributes())
	if err != nil {
		diags.AddError("Provider bug: could not build the "+r.kind.Noun+" request", err.Error())
	}
	addRequiredEnclosures(r.kind, body)
	childRequest(r.kind, body) // kind_children.go
	return plan, r.kind.APIRequest(body)
}

// setState stores what the org answered, shaped by the prior values (plan or state).
func (r *kindResource) setState(ctx context.Context, obj apiObject, prior types.Object, state *tfsdk.State, diags *diag.Diagnostics) {
	attrTypes := prior.AttributeTypes(ctx)
	childAnswer(r.kind, obj)
	values, d := stateValues(r.kind.Fields, attrTypes, r.kind.FieldView(obj), prior.Attributes())
	diags.Append(d...)
	values["id"] = types.StringValue(r.resourceID(obj))
	v, d := types.ObjectValue(attrTypes, values)
	diags.Append(d...)
	if diags.HasError() {
		return
	}
	diags.Append(state.Set(ctx, v)...)
}

// nameIn reads the planned or stored name, or what stands in for it (kinds.Kind.FoundBy;
// "" for kinds with neither).
func (r *kindResource) nameIn(o types.Object) string {
	f := r.kind.IdentifyingField()
	if f == nil {
		return ""
	}
	return stringAttr(o, f.Attr)
}

// idIn reads the object's id from plan or state.
func (r *kindResource) idIn(o types.Object) string { return stringAttr(o, "id") }

// nameAttr is where a name conflict is reported, when the kind has a name (or a stand-in).
func (r *kindResource) nameAttr() *path.Path {
	f := r.kind.IdentifyingField()
	if f == nil {
		return nil
	}
	return ptr(path.Root(f.Attr))
}
