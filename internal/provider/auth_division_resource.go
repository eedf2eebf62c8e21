package provider

import (
	"context"
	"errors"
	"net/http"
	"time"

	"github.com/cxascode/cxascode/internal/platform"
	"github.com/hashicorp/terraform-plugin-framework/diag"
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
	api := seamFor(c, divisionsPath, 2*time.Minute, func(d *platform.AuthzDivision) *string { return d.Name })
	api.retryDelete = func(err error) bool {
		var ae *platform.APIError
		return errors.As(err, &ae) && ae.Status == http.StatusBadRequest
	}
	return api
}

// homeDivision reads the org's home division.
func homeDivision(ctx context.Context, c *platform.Client) (*platform.AuthzDivision, error) {
	var d platform.AuthzDivision
	if err := c.Do(ctx, http.MethodGet, divisionsPath+"/home", nil, nil, &d); err != nil {
		return nil, err
	}
	return &d, nil
}

type authDivisionResource struct {
	crudResource[authDivisionModel, platform.AuthzDivision]
}

type authDivisionModel struct {
	describedObject
	Home types.Bool `tfsdk:"home"`
}

func newAuthDivisionResource() resource.Resource {
	return &authDivisionResource{crudResource[authDivisionModel, platform.AuthzDivision]{
		resourceBase: resourceBase{typeSuffix: "_auth_division"}, what: "division", api: divisionAPI, errorAttr: "name",
		id:    func(m *authDivisionModel) string { return m.ID.ValueString() },
		label: func(m *authDivisionModel) string { return quotedName(m.Name) },
		create: func(ctx context.Context, c *platform.Client, plan *authDivisionModel, _ *diag.Diagnostics) (*platform.AuthzDivision, error) {
			if !plan.Home.ValueBool() {
				return divisionAPI(c).create(ctx, plan.Name.ValueString(), plan.request())
			}
			// Adopt the division every org has, bringing it to the configured name and description.
			d, err := homeDivision(ctx, c)
			if err != nil {
				return nil, err
			}
			return divisionAPI(c).update(ctx, http.MethodPut, deref(d.ID), plan.request())
		},
		update: func(ctx context.Context, c *platform.Client, plan *authDivisionModel, _ *diag.Diagnostics) (*platform.AuthzDivision, error) {
			return divisionAPI(c).update(ctx, http.MethodPut, plan.ID.ValueString(), plan.request())
		},
		remove: func(ctx context.Context, c *platform.Client, state *authDivisionModel) error {
			if state.Home.ValueBool() {
				// Every org needs its home division; destroying the resource only stops managing it.
				return nil
			}
			return divisionAPI(c).delete(ctx, state.ID.ValueString())
		},
		fromAPI: (*authDivisionModel).fromAPI,
	}}
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

// request builds the API body; description is required by the API, so null sends "".
func (m authDivisionModel) request() platform.AuthzDivision {
	return platform.AuthzDivision{Name: m.Name.ValueStringPointer(), Description: ptr(m.Description.ValueString())}
}

func (m *authDivisionModel) fromAPI(d *platform.AuthzDivision) {
	m.readDescribed(deref(d.ID), deref(d.Name), d.Description)
	m.Home = types.BoolValue(deref(d.HomeDivision))
}
