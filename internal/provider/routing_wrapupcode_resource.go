package provider

import (
	"context"
	"net/http"
	"time"

	"github.com/cxascode/cxascode/internal/platform"
	"github.com/hashicorp/terraform-plugin-framework/diag"
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

type routingWrapupcodeResource struct {
	crudResource[routingWrapupcodeModel, platform.WrapupCode]
}

type routingWrapupcodeModel struct {
	ID          types.String `tfsdk:"id"`
	Name        types.String `tfsdk:"name"`
	DivisionID  types.String `tfsdk:"division_id"`
	Description types.String `tfsdk:"description"`
}

func newRoutingWrapupcodeResource() resource.Resource {
	return &routingWrapupcodeResource{crudResource[routingWrapupcodeModel, platform.WrapupCode]{
		resourceBase: resourceBase{typeSuffix: "_routing_wrapupcode"}, what: "wrap-up code", api: wrapupcodeAPI, errorAttr: "name",
		id:    func(m *routingWrapupcodeModel) string { return m.ID.ValueString() },
		label: func(m *routingWrapupcodeModel) string { return quotedName(m.Name) },
		create: func(ctx context.Context, c *platform.Client, plan *routingWrapupcodeModel, _ *diag.Diagnostics) (*platform.WrapupCode, error) {
			return wrapupcodeAPI(c).create(ctx, plan.Name.ValueString(), plan.request())
		},
		update: func(ctx context.Context, c *platform.Client, plan *routingWrapupcodeModel, _ *diag.Diagnostics) (*platform.WrapupCode, error) {
			return wrapupcodeAPI(c).update(ctx, http.MethodPut, plan.ID.ValueString(), plan.request())
		},
		fromAPI: (*routingWrapupcodeModel).fromAPI,
	}}
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
