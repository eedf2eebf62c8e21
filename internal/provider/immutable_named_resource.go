package provider

import (
	"context"
	"fmt"

	"github.com/cxascode/cxascode/internal/platform"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// immutableNamedResource is a resource whose only attribute is a name the API cannot change
// (routing skills and languages): a new name replaces the object. T is the API model.
type immutableNamedResource[T any] struct {
	clientHolder
	typeSuffix string // e.g. "_routing_skill"
	what       string // e.g. "routing skill", for messages
	api        func(*platform.Client) entityAPI[T]
	newBody    func(name string) any // the POST body
	id         func(*T) string
}

type immutableNamedModel struct {
	ID   types.String `tfsdk:"id"`
	Name types.String `tfsdk:"name"`
}

func (r *immutableNamedResource[T]) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + r.typeSuffix
}

func (r *immutableNamedResource[T]) Schema(_ context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema = schema.Schema{
		Description: fmt.Sprintf("Genesys Cloud %s. The name cannot be changed in place: a new name replaces the object.", r.what),
		Attributes: map[string]schema.Attribute{
			"id": idAttribute(),
			"name": schema.StringAttribute{
				Required:      true,
				Description:   fmt.Sprintf("The %s's name. Changing the name forces a new resource to be created.", r.what),
				PlanModifiers: []planmodifier.String{stringplanmodifier.RequiresReplace()},
			},
		},
	}
}

func (r *immutableNamedResource[T]) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	r.configureFrom(req.ProviderData, &resp.Diagnostics)
}

func (r *immutableNamedResource[T]) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan immutableNamedModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	if resp.Diagnostics.HasError() {
		return
	}
	name := plan.Name.ValueString()
	obj, err := r.api(r.client).create(ctx, name, r.newBody(name))
	if err != nil {
		addAPIError(&resp.Diagnostics, ptr(path.Root("name")), fmt.Sprintf("Could not create %s %q", r.what, name), err)
		return
	}
	// The name is kept as planned: the API may normalise it, and the plan must hold.
	plan.ID = types.StringValue(r.id(obj))
	resp.Diagnostics.Append(resp.State.Set(ctx, plan)...)
}

func (r *immutableNamedResource[T]) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	var state immutableNamedModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	api := r.api(r.client)
	obj, err := api.get(ctx, state.ID.ValueString())
	if err != nil {
		addAPIError(&resp.Diagnostics, nil, fmt.Sprintf("Could not read %s %s", r.what, state.ID.ValueString()), err)
		return
	}
	if obj == nil {
		// Deleted outside OpenTofu (404 or state "deleted"): the plan will create it again.
		resp.State.RemoveResource(ctx)
		return
	}
	state.ID = types.StringValue(r.id(obj))
	state.Name = types.StringValue(api.name(obj))
	resp.Diagnostics.Append(resp.State.Set(ctx, state)...)
}

// Update only runs without changes (every attribute forces replacement); it keeps the plan.
func (r *immutableNamedResource[T]) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var plan immutableNamedModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	resp.Diagnostics.Append(resp.State.Set(ctx, plan)...)
}

func (r *immutableNamedResource[T]) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	var state immutableNamedModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	if err := r.api(r.client).delete(ctx, state.ID.ValueString()); err != nil {
		addAPIError(&resp.Diagnostics, nil, fmt.Sprintf("Could not delete %s %q (%s)", r.what, state.Name.ValueString(), state.ID.ValueString()), err)
	}
}

func (r *immutableNamedResource[T]) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	resource.ImportStatePassthroughID(ctx, path.Root("id"), req, resp)
}
