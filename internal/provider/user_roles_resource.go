package provider

import (
	"context"
	"fmt"
	"slices"

	"github.com/cxascode/cxascode/internal/platform"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// userRolesResource owns all role grants of one user (authoritative, like the official
// provider's). Unlike the official provider, destroy removes the grants it manages: a
// no-op destroy leaves roles that can then not be deleted, and users who keep access.
type userRolesResource struct{ resourceBase }

type userRolesModel struct {
	ID     types.String    `tfsdk:"id"`
	UserID types.String    `tfsdk:"user_id"`
	Roles  []userRoleModel `tfsdk:"roles"`
}

type userRoleModel struct {
	RoleID      types.String `tfsdk:"role_id"`
	DivisionIDs types.Set    `tfsdk:"division_ids"`
}

var (
	_ resource.ResourceWithConfigure   = (*userRolesResource)(nil)
	_ resource.ResourceWithImportState = (*userRolesResource)(nil)
)

func newUserRolesResource() resource.Resource {
	return &userRolesResource{resourceBase{typeSuffix: "_user_roles"}}
}

func (r *userRolesResource) Schema(_ context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema = schema.Schema{
		Description: "All role grants of a Genesys Cloud user. Grants not listed here are removed; destroying the resource removes the listed grants.",
		Attributes: map[string]schema.Attribute{
			"id": idAttribute(),
			"user_id": schema.StringAttribute{Required: true, Description: "The user's id. Changing it forces a new resource.",
				PlanModifiers: []planmodifier.String{stringplanmodifier.RequiresReplace()}},
		},
		Blocks: map[string]schema.Block{
			"roles": schema.SetNestedBlock{
				Description: "Roles granted to the user.",
				NestedObject: schema.NestedBlockObject{Attributes: map[string]schema.Attribute{
					"role_id": schema.StringAttribute{Required: true, Description: "Role id."},
					"division_ids": schema.SetAttribute{Optional: true, ElementType: types.StringType,
						Description: "Divisions the role is granted in; unset = the home division, `*` = all divisions."},
				}},
			},
		},
	}
}

// grants resolves the roles to (role, division) pairs; an unset division list is the home division.
func (m userRolesModel) grants(ctx context.Context, home string, diags *diag.Diagnostics) []platform.RoleDivisionPair {
	out := []platform.RoleDivisionPair{}
	for _, role := range m.Roles {
		divs := stringsOf(ctx, role.DivisionIDs, diags)
		if role.DivisionIDs.IsNull() {
			divs = []string{home}
		}
		for _, d := range divs {
			out = append(out, platform.RoleDivisionPair{RoleID: role.RoleID.ValueStringPointer(), DivisionID: ptr(d)})
		}
	}
	return out
}

// fromAPI maps the subject's grants to roles. A role granted only in the home division is
// written as the prior state wrote it (unset or listing the home division), so that the
// shorthand does not show as a change.
func (m *userRolesModel) fromAPI(ctx context.Context, userID string, grants []platform.AuthzGrant, home string, diags *diag.Diagnostics) {
	m.ID = types.StringValue(userID)
	m.UserID = types.StringValue(userID)
	byRole := map[string][]string{}
	var order []string
	for _, g := range grants {
		if g.Role == nil || g.Division == nil {
			continue
		}
		id := deref(g.Role.ID)
		if _, ok := byRole[id]; !ok {
			order = append(order, id)
		}
		byRole[id] = append(byRole[id], deref(g.Division.ID))
	}
	priorNull := map[string]bool{}
	for _, role := range m.Roles {
		priorNull[role.RoleID.ValueString()] = role.DivisionIDs.IsNull()
	}
	m.Roles = []userRoleModel{}
	for _, id := range order {
		divs := byRole[id]
		v := stringSetValue(divs)
		if len(divs) == 1 && divs[0] == home && (priorNull[id] || len(priorNull) == 0) {
			v = types.SetNull(types.StringType)
		}
		m.Roles = append(m.Roles, userRoleModel{RoleID: types.StringValue(id), DivisionIDs: v})
	}
}

// readGrants reads a user's grants and the home division; found is false when the user is
// gone or the read failed, which it reports on diags.
func (r *userRolesResource) readGrants(ctx context.Context, userID string, diags *diag.Diagnostics) (grants []platform.AuthzGrant, home string, found bool) {
	d, err := homeDivision(ctx, r.client)
	if err == nil {
		grants, err = subjectGrants(ctx, r.client, userID)
		if platform.IsNotFound(err) {
			return nil, deref(d.ID), false
		}
	}
	if err != nil {
		addAPIError(diags, nil, fmt.Sprintf("Could not read the roles of user %s", userID), err)
		return nil, "", false
	}
	return grants, deref(d.ID), true
}

func (r *userRolesResource) apply(ctx context.Context, plan *userRolesModel, diags *diag.Diagnostics) {
	userID := plan.UserID.ValueString()
	d, err := homeDivision(ctx, r.client)
	if err != nil {
		addAPIError(diags, nil, "Could not read the home division", err)
		return
	}
	pairs := plan.grants(ctx, deref(d.ID), diags)
	if diags.HasError() {
		return
	}
	if err := replaceUserGrants(ctx, r.client, userID, pairs); err != nil {
		addAPIError(diags, ptr(path.Root("roles")), fmt.Sprintf("Could not set the roles of user %s", userID), err)
		return
	}
	grants, home, found := r.readGrants(ctx, userID, diags)
	if diags.HasError() {
		return
	}
	if !found {
		addAPIError(diags, nil, fmt.Sprintf("Could not read the roles of user %s", userID), fmt.Errorf("user %s not found", userID))
		return
	}
	plan.fromAPI(ctx, userID, grants, home, diags)
}

// applyPlan is Create and Update alike: both make the user's grants what the plan lists.
func (r *userRolesResource) applyPlan(ctx context.Context, planned tfsdk.Plan, state *tfsdk.State, diags *diag.Diagnostics) {
	var plan userRolesModel
	diags.Append(planned.Get(ctx, &plan)...)
	if diags.HasError() {
		return
	}
	r.apply(ctx, &plan, diags)
	if !diags.HasError() {
		diags.Append(state.Set(ctx, plan)...)
	}
}

func (r *userRolesResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	r.applyPlan(ctx, req.Plan, &resp.State, &resp.Diagnostics)
}

func (r *userRolesResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	var state userRolesModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	userID := state.ID.ValueString()
	grants, home, found := r.readGrants(ctx, userID, &resp.Diagnostics)
	if resp.Diagnostics.HasError() {
		return
	}
	if !found {
		resp.State.RemoveResource(ctx)
		return
	}
	state.fromAPI(ctx, userID, grants, home, &resp.Diagnostics)
	resp.Diagnostics.Append(resp.State.Set(ctx, state)...)
}

func (r *userRolesResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	r.applyPlan(ctx, req.Plan, &resp.State, &resp.Diagnostics)
}

func (r *userRolesResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	var state userRolesModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	userID := state.UserID.ValueString()
	grants, home, found := r.readGrants(ctx, userID, &resp.Diagnostics)
	if !found {
		return // the user is gone, and its grants with it (or the read failed, as reported)
	}
	managed := state.grants(ctx, home, &resp.Diagnostics)
	var remove []platform.RoleDivisionPair
	for _, g := range grants {
		if g.Role == nil || g.Division == nil {
			continue
		}
		p := platform.RoleDivisionPair{RoleID: g.Role.ID, DivisionID: g.Division.ID}
		if slices.ContainsFunc(managed, func(m platform.RoleDivisionPair) bool {
			return deref(m.RoleID) == deref(p.RoleID) && deref(m.DivisionID) == deref(p.DivisionID)
		}) {
			remove = append(remove, p)
		}
	}
	if len(remove) == 0 {
		return
	}
	if err := removeGrants(ctx, r.client, userID, remove); err != nil && !platform.IsNotFound(err) {
		addAPIError(&resp.Diagnostics, nil, fmt.Sprintf("Could not remove the roles of user %s", userID), err)
	}
}

func (r *userRolesResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	resource.ImportStatePassthroughID(ctx, path.Root("id"), req, resp)
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("user_id"), req.ID)...)
}
