package provider

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"time"

	"github.com/cxascode/cxascode/internal/platform"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/boolplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

const divisionsPath = "/api/v2/authorization/divisions"

// divisionAPI is the API seam for divisions. A DELETE answered with 400 is retried: real
// orgs refuse to delete a division until the objects just moved out of it have detached.
func divisionAPI(c *platform.Client) entityAPI[platform.AuthzDivision] {
	return entityAPI[platform.AuthzDivision]{
		client:        c,
		path:          divisionsPath,
		name:          func(d *platform.AuthzDivision) string { return deref(d.Name) },
		deleteTimeout: 2 * time.Minute,
		retryDelete: func(err error) bool {
			var ae *platform.APIError
			return errors.As(err, &ae) && ae.Status == http.StatusBadRequest
		},
	}
}

// homeDivision reads the org's home division.
func homeDivision(ctx context.Context, c *platform.Client) (*platform.AuthzDivision, error) {
	var d platform.AuthzDivision
	if err := c.Do(ctx, http.MethodGet, divisionsPath+"/home", nil, nil, &d); err != nil {
		return nil, err
	}
	return &d, nil
}

type authDivisionResource struct{ clientHolder }

type authDivisionModel struct {
	ID          types.String `tfsdk:"id"`
	Name        types.String `tfsdk:"name"`
	Description types.String `tfsdk:"description"`
	Home        types.Bool   `tfsdk:"home"`
}

var (
	_ resource.ResourceWithConfigure   = (*authDivisionResource)(nil)
	_ resource.ResourceWithImportState = (*authDivisionResource)(nil)
)

func newAuthDivisionResource() resource.Resource { return &authDivisionResource{} }

func (r *authDivisionResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_auth_division"
}

func (r *authDivisionResource) Schema(_ context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema = schema.Schema{
		Description: "Genesys Cloud authorization division.",
		Attributes: map[string]schema.Attribute{
			"id":          idAttribute(),
			"name":        schema.StringAttribute{Required: true, Description: "Division name."},
			"description": schema.StringAttribute{Optional: true, Description: "Division description."},
			"home": schema.BoolAttribute{
				Optional: true,
				Computed: true,
				Description: "True if this is the home division. Set it to manage the pre-existing home division " +
					"(renaming it if name differs); the home division is never deleted on destroy. Changing it forces a new resource.",
				PlanModifiers: []planmodifier.Bool{boolplanmodifier.UseStateForUnknown(), boolplanmodifier.RequiresReplace()},
			},
		},
	}
}

func (r *authDivisionResource) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	r.configureFrom(req.ProviderData, &resp.Diagnostics)
}

// request builds the API body; description is required by the API, so null sends "".
func (m authDivisionModel) request() platform.AuthzDivision {
	return platform.AuthzDivision{Name: m.Name.ValueStringPointer(), Description: ptr(m.Description.ValueString())}
}

func (m *authDivisionModel) fromAPI(d *platform.AuthzDivision) {
	m.ID = types.StringValue(deref(d.ID))
	m.Name = types.StringValue(deref(d.Name))
	m.Description = optionalString(d.Description, m.Description)
	m.Home = types.BoolValue(deref(d.HomeDivision))
}

func (r *authDivisionResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan authDivisionModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	if resp.Diagnostics.HasError() {
		return
	}
	api := divisionAPI(r.client)
	var d *platform.AuthzDivision
	var err error
	if plan.Home.ValueBool() {
		// Adopt the division every org has, bringing it to the configured name and description.
		d, err = homeDivision(ctx, r.client)
		if err == nil {
			d, err = api.update(ctx, http.MethodPut, deref(d.ID), plan.request())
		}
	} else {
		d, err = api.create(ctx, plan.Name.ValueString(), plan.request())
	}
	if err != nil {
		addAPIError(&resp.Diagnostics, ptr(path.Root("name")), fmt.Sprintf("Could not create division %q", plan.Name.ValueString()), err)
		return
	}
	plan.fromAPI(d)
	resp.Diagnostics.Append(resp.State.Set(ctx, plan)...)
}

func (r *authDivisionResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	var state authDivisionModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	d, err := divisionAPI(r.client).get(ctx, state.ID.ValueString())
	if err != nil {
		addAPIError(&resp.Diagnostics, nil, fmt.Sprintf("Could not read division %s", state.ID.ValueString()), err)
		return
	}
	if d == nil {
		resp.State.RemoveResource(ctx)
		return
	}
	state.fromAPI(d)
	resp.Diagnostics.Append(resp.State.Set(ctx, state)...)
}

func (r *authDivisionResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var plan authDivisionModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	if resp.Diagnostics.HasError() {
		return
	}
	d, err := divisionAPI(r.client).update(ctx, http.MethodPut, plan.ID.ValueString(), plan.request())
	if err != nil {
		addAPIError(&resp.Diagnostics, ptr(path.Root("name")), fmt.Sprintf("Could not update division %q", plan.Name.ValueString()), err)
		return
	}
	plan.fromAPI(d)
	resp.Diagnostics.Append(resp.State.Set(ctx, plan)...)
}

func (r *authDivisionResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	var state authDivisionModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	if state.Home.ValueBool() {
		// Every org needs its home division; destroying the resource only stops managing it.
		return
	}
	if err := divisionAPI(r.client).delete(ctx, state.ID.ValueString()); err != nil {
		addAPIError(&resp.Diagnostics, nil, fmt.Sprintf("Could not delete division %q (%s)", state.Name.ValueString(), state.ID.ValueString()), err)
	}
}

func (r *authDivisionResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	resource.ImportStatePassthroughID(ctx, path.Root("id"), req, resp)
}
