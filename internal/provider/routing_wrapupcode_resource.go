package provider

import (
	"context"
	"fmt"
	"net/http"
	"time"

	"github.com/cxascode/cxascode/internal/platform"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// wrapupcodeAPI is the API seam for wrap-up codes (full-replace PUT, hard delete).
func wrapupcodeAPI(c *platform.Client) entityAPI[platform.WrapupCode] {
	return entityAPI[platform.WrapupCode]{
		client:        c,
		path:          "/api/v2/routing/wrapupcodes",
		name:          func(w *platform.WrapupCode) string { return deref(w.Name) },
		deleteTimeout: 30 * time.Second,
	}
}

type routingWrapupcodeResource struct{ clientHolder }

type routingWrapupcodeModel struct {
	ID          types.String `tfsdk:"id"`
	Name        types.String `tfsdk:"name"`
	DivisionID  types.String `tfsdk:"division_id"`
	Description types.String `tfsdk:"description"`
}

var (
	_ resource.ResourceWithConfigure   = (*routingWrapupcodeResource)(nil)
	_ resource.ResourceWithImportState = (*routingWrapupcodeResource)(nil)
)

func newRoutingWrapupcodeResource() resource.Resource { return &routingWrapupcodeResource{} }

func (r *routingWrapupcodeResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_routing_wrapupcode"
}

func (r *routingWrapupcodeResource) Schema(_ context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema = schema.Schema{
		Description: "Genesys Cloud wrap-up code.",
		Attributes: map[string]schema.Attribute{
			"id":   idAttribute(),
			"name": schema.StringAttribute{Required: true, Description: "Wrap-up code name."},
			"division_id": schema.StringAttribute{
				Optional:      true,
				Computed:      true,
				Description:   "The division the wrap-up code belongs to. When not set, the org decides (the home division, or `*` for all divisions) and the value is left unmanaged.",
				PlanModifiers: []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			},
			"description": schema.StringAttribute{Optional: true, Description: "Wrap-up code description."},
		},
	}
}

func (r *routingWrapupcodeResource) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	r.configureFrom(req.ProviderData, &resp.Diagnostics)
}

// request builds the API body from a plan (division omitted when unknown: the org picks).
func (m routingWrapupcodeModel) request() platform.WrapupCodeRequest {
	req := platform.WrapupCodeRequest{Name: m.Name.ValueStringPointer()}
	if !m.DivisionID.IsNull() && !m.DivisionID.IsUnknown() {
		req.Division = &platform.WritableStarrableDivision{ID: m.DivisionID.ValueStringPointer()}
	}
	if !m.Description.IsNull() {
		req.Description = m.Description.ValueStringPointer()
	}
	return req
}

// fromAPI copies what the API returned into m; prior decides how an empty description reads.
func (m *routingWrapupcodeModel) fromAPI(w *platform.WrapupCode) {
	m.ID = types.StringValue(deref(w.ID))
	m.Name = types.StringValue(deref(w.Name))
	m.DivisionID = types.StringNull()
	if w.Division != nil && w.Division.ID != nil {
		m.DivisionID = types.StringValue(*w.Division.ID)
	}
	m.Description = optionalString(w.Description, m.Description)
}

func (r *routingWrapupcodeResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan routingWrapupcodeModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	if resp.Diagnostics.HasError() {
		return
	}
	w, err := wrapupcodeAPI(r.client).create(ctx, plan.Name.ValueString(), plan.request())
	if err != nil {
		addAPIError(&resp.Diagnostics, ptr(path.Root("name")), fmt.Sprintf("Could not create wrap-up code %q", plan.Name.ValueString()), err)
		return
	}
	plan.fromAPI(w)
	resp.Diagnostics.Append(resp.State.Set(ctx, plan)...)
}

func (r *routingWrapupcodeResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	var state routingWrapupcodeModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	w, err := wrapupcodeAPI(r.client).get(ctx, state.ID.ValueString())
	if err != nil {
		addAPIError(&resp.Diagnostics, nil, fmt.Sprintf("Could not read wrap-up code %s", state.ID.ValueString()), err)
		return
	}
	if w == nil {
		resp.State.RemoveResource(ctx)
		return
	}
	state.fromAPI(w)
	resp.Diagnostics.Append(resp.State.Set(ctx, state)...)
}

func (r *routingWrapupcodeResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var plan routingWrapupcodeModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	if resp.Diagnostics.HasError() {
		return
	}
	w, err := wrapupcodeAPI(r.client).update(ctx, http.MethodPut, plan.ID.ValueString(), plan.request())
	if err != nil {
		addAPIError(&resp.Diagnostics, ptr(path.Root("name")), fmt.Sprintf("Could not update wrap-up code %q", plan.Name.ValueString()), err)
		return
	}
	plan.fromAPI(w)
	resp.Diagnostics.Append(resp.State.Set(ctx, plan)...)
}

func (r *routingWrapupcodeResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	var state routingWrapupcodeModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	if err := wrapupcodeAPI(r.client).delete(ctx, state.ID.ValueString()); err != nil {
		addAPIError(&resp.Diagnostics, nil, fmt.Sprintf("Could not delete wrap-up code %q (%s)", state.Name.ValueString(), state.ID.ValueString()), err)
	}
}

func (r *routingWrapupcodeResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	resource.ImportStatePassthroughID(ctx, path.Root("id"), req, resp)
}
