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
// Read, Delete and the rest come from the CRUD skeleton; Create and Update differ.
type immutableNamedResource[T any] struct {
	crudResource[immutableNamedModel, T]
	newBody  func(name string) any // the POST body
	objectID func(*T) string
}

// newImmutableNamedResource builds the resource for one kind; objectID reads an API
// object's id.
func newImmutableNamedResource[T any](typeSuffix, what string, api func(*platform.Client) entityAPI[T],
	newBody func(name string) any, objectID func(*T) string) *immutableNamedResource[T] {
	return &immutableNamedResource[T]{
		crudResource: crudResource[immutableNamedModel, T]{
			resourceBase: resourceBase{typeSuffix: typeSuffix}, what: what, api: api, errorAttr: "name",
			id:    func(m *immutableNamedModel) string { return m.ID.ValueString() },
			label: func(m *immutableNamedModel) string { return quotedName(m.Name) },
			fromAPI: func(m *immutableNamedModel, obj *T) {
				m.ID = types.StringValue(objectID(obj))
				// The seam's name reader only reads a field: it needs no client.
				m.Name = types.StringValue(api(nil).name(obj))
			},
		},
		newBody:  newBody,
		objectID: objectID,
	}
}

type immutableNamedModel struct {
	ID   types.String `tfsdk:"id"`
	Name types.String `tfsdk:"name"`
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
	plan.ID = types.StringValue(r.objectID(obj))
	resp.Diagnostics.Append(resp.State.Set(ctx, plan)...)
}

// Update only runs without changes (every attribute forces replacement); it keeps the plan.
func (r *immutableNamedResource[T]) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var plan immutableNamedModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	resp.Diagnostics.Append(resp.State.Set(ctx, plan)...)
}
