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
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// subjectRolesResource owns all role grants of one subject, a user (genesyscloud_user_roles)
// or a group (genesyscloud_group_roles), authoritative like the official provider's. Unlike
// the official provider, destroy removes the grants it manages: a no-op destroy leaves
// roles that can then not be deleted, and users who keep access.
type subjectRolesResource struct {
	resourceBase
	subject roleSubject
}

// roleSubject is what differs between the subjects whose roles a resource owns.
type roleSubject struct {
	noun string // "user", "group"
	// attr is the attribute holding the subject's id ("user_id").
	attr string
	// apiType is the subject type the grants API names it by ("PC_USER").
	apiType string
	// path is the subject's collection, whose cached reads a grant change makes stale.
	path string
}

// subjectRolesModel is the resource's state; the subject's id lives under the subject's own
// attribute name, so it is read and written by path rather than by a struct tag.
type subjectRolesModel struct {
	ID        types.String
	SubjectID types.String
	Roles     []userRoleModel
}

type userRoleModel struct {
	RoleID      types.String `tfsdk:"role_id"`
	DivisionIDs types.Set    `tfsdk:"division_ids"`
}

var (
	_ resource.ResourceWithConfigure   = (*subjectRolesResource)(nil)
	_ resource.ResourceWithImportState = (*subjectRolesResource)(nil)
)

// attributeReader is a plan or state, read by attribute path.
type attributeReader interface {
	GetAttribute(ctx context.Context, p path.Path, target any) diag.Diagnostics
}

// load reads the model from a plan or state.
func (r *subjectRolesResource) load(ctx context.Context, from attributeReader, diags *diag.Diagnostics) subjectRolesModel {
	var m subjectRolesModel
	diags.Append(from.GetAttribute(ctx, path.Root("id"), &m.ID)...)
	diags.Append(from.GetAttribute(ctx, path.Root(r.subject.attr), &m.SubjectID)...)
	diags.Append(from.GetAttribute(ctx, path.Root("roles"), &m.Roles)...)
	return m
}

// save writes the model to state.
func (r *subjectRolesResource) save(ctx context.Context, m subjectRolesModel, state *tfsdk.State, diags *diag.Diagnostics) {
	diags.Append(state.SetAttribute(ctx, path.Root("id"), m.ID)...)
	diags.Append(state.SetAttribute(ctx, path.Root(r.subject.attr), m.SubjectID)...)
	diags.Append(state.SetAttribute(ctx, path.Root("roles"), m.Roles)...)
}

func (r *subjectRolesResource) Schema(_ context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	noun := r.subject.noun
	resp.Schema = schema.Schema{
		Description: "All role grants of a Genesys Cloud " + noun + ". Grants not listed here are removed; destroying the resource removes the listed grants.",
		Attributes: map[string]schema.Attribute{
			"id":           idAttribute(),
			r.subject.attr: requiredReplacing("The " + noun + "'s id. Changing it forces a new resource."),
		},
		Blocks: map[string]schema.Block{
			"roles": schema.SetNestedBlock{
				Description: "Roles granted to the " + noun + ".",
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
func (m subjectRolesModel) grants(ctx context.Context, home string, diags *diag.Diagnostics) []platform.RoleDivisionPair {
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
func (m *subjectRolesModel) fromAPI(ctx context.Context, subjectID string, grants []platform.AuthzGrant, home string, diags *diag.Diagnostics) {
	m.ID = types.StringValue(subjectID)
	m.SubjectID = types.StringValue(subjectID)
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

// readGrants reads a subject's grants and the home division; ok is false when the subject is gone.
func (r *subjectRolesResource) readGrants(ctx context.Context, subjectID string) (grants []platform.AuthzGrant, home string, ok bool, err error) {
	d, err := homeDivision(ctx, r.client)
	if err != nil {
		return nil, "", false, err
	}
	grants, err = subjectGrants(ctx, r.client, subjectID)
	if platform.IsNotFound(err) {
		return nil, deref(d.ID), false, nil
	}
	if err != nil {
		return nil, "", false, err
	}
	return grants, deref(d.ID), true, nil
}

func (r *subjectRolesResource) apply(ctx context.Context, plan *subjectRolesModel, diags *diag.Diagnostics) {
	subjectID := plan.SubjectID.ValueString()
	noun := r.subject.noun
	d, err := homeDivision(ctx, r.client)
	if err != nil {
		addAPIError(diags, nil, "Could not read the home division", err)
		return
	}
	pairs := plan.grants(ctx, deref(d.ID), diags)
	if diags.HasError() {
		return
	}
	if err := replaceSubjectGrants(ctx, r.client, r.subject, subjectID, pairs); err != nil {
		addAPIError(diags, ptr(path.Root("roles")), fmt.Sprintf("Could not set the roles of %s %s", noun, subjectID), err)
		return
	}
	grants, home, found := r.grantsOf(ctx, subjectID, true, diags)
	if !found {
		return
	}
	plan.fromAPI(ctx, subjectID, grants, home, diags)
}

// grantsOf reads the subject's grants and the home division's id, reporting a failed read in
// diags, and a subject that is gone too when it mustExist; found is false in either case.
func (r *subjectRolesResource) grantsOf(ctx context.Context, subjectID string, mustExist bool, diags *diag.Diagnostics) (grants []platform.AuthzGrant, home string, found bool) {
	grants, home, found, err := r.readGrants(ctx, subjectID)
	if err == nil && !found && mustExist {
		err = fmt.Errorf("%s %s not found", r.subject.noun, subjectID)
	}
	if err != nil {
		addAPIError(diags, nil, fmt.Sprintf("Could not read the roles of %s %s", r.subject.noun, subjectID), err)
		return nil, "", false
	}
	return grants, home, found
}

// applyPlan is Create and Update alike: both make the subject's grants what the plan lists.
func (r *subjectRolesResource) applyPlan(ctx context.Context, planned tfsdk.Plan, state *tfsdk.State, diags *diag.Diagnostics) {
	plan := r.load(ctx, planned, diags)
	if diags.HasError() {
		return
	}
	r.apply(ctx, &plan, diags)
	if !diags.HasError() {
		r.save(ctx, plan, state, diags)
	}
}

func (r *subjectRolesResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	r.applyPlan(ctx, req.Plan, &resp.State, &resp.Diagnostics)
}

// stateGrants loads the state and reads the grants its subject holds now; found is false
// when the subject is gone, or when the state or the grants could not be read (a diagnostic
// then says so).
func (r *subjectRolesResource) stateGrants(ctx context.Context, st tfsdk.State, diags *diag.Diagnostics) (state subjectRolesModel, grants []platform.AuthzGrant, home string, found bool) {
	state = r.load(ctx, st, diags)
	if diags.HasError() {
		return state, nil, "", false
	}
	grants, home, found = r.grantsOf(ctx, state.SubjectID.ValueString(), false, diags)
	return state, grants, home, found
}

func (r *subjectRolesResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	state, grants, home, found := r.stateGrants(ctx, req.State, &resp.Diagnostics)
	if resp.Diagnostics.HasError() {
		return
	}
	if !found {
		resp.State.RemoveResource(ctx)
		return
	}
	state.fromAPI(ctx, state.SubjectID.ValueString(), grants, home, &resp.Diagnostics)
	r.save(ctx, state, &resp.State, &resp.Diagnostics)
}

func (r *subjectRolesResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	r.applyPlan(ctx, req.Plan, &resp.State, &resp.Diagnostics)
}

func (r *subjectRolesResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	state, grants, home, found := r.stateGrants(ctx, req.State, &resp.Diagnostics)
	if !found {
		return // the subject is gone, and its grants with it (or the read failed)
	}
	subjectID := state.SubjectID.ValueString()
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
	if err := removeGrants(ctx, r.client, r.subject, subjectID, remove); err != nil && !platform.IsNotFound(err) {
		addAPIError(&resp.Diagnostics, nil, fmt.Sprintf("Could not remove the roles of %s %s", r.subject.noun, subjectID), err)
	}
}

func (r *subjectRolesResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	resource.ImportStatePassthroughID(ctx, path.Root("id"), req, resp)
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root(r.subject.attr), req.ID)...)
}
