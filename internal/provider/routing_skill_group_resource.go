package provider

import (
	"context"
	"encoding/json"
	"fmt"

	"github.com/cxascode/cxascode/internal/platform"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/listplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// routingSkillGroupResource is the CRUD skeleton over a skill group and its member divisions,
// which are separate calls: its writes read the group back.
type routingSkillGroupResource struct {
	crudResource[routingSkillGroupModel, skillGroupWithDivisions]
}

// skillGroupWithDivisions is what reading a skill group takes two calls for.
type skillGroupWithDivisions struct {
	group     *platform.SkillGroup
	divisions []string
}

type routingSkillGroupModel struct {
	describedObject
	DivisionID        types.String `tfsdk:"division_id"`
	SkillConditions   types.String `tfsdk:"skill_conditions"`
	MemberDivisionIDs types.List   `tfsdk:"member_division_ids"`
}

func newRoutingSkillGroupResource() resource.Resource {
	return &routingSkillGroupResource{crudResource[routingSkillGroupModel, skillGroupWithDivisions]{
		resourceBase: resourceBase{typeSuffix: "_routing_skill_group"}, what: "skill group", errorAttr: "name",
		createThenRead: createSkillGroupFrom,
		updateThenRead: updateSkillGroupFrom,
		read: func(ctx context.Context, c *platform.Client, id string) (*skillGroupWithDivisions, error) {
			g, divs, err := readSkillGroup(ctx, c, id)
			if err != nil || g == nil {
				return nil, err
			}
			return &skillGroupWithDivisions{group: g, divisions: divs}, nil
		},
		remove: func(ctx context.Context, c *platform.Client, state *routingSkillGroupModel) error {
			return skillGroupAPI(c).delete(ctx, state.ID.ValueString())
		},
		label:   func(m *routingSkillGroupModel) string { return quotedName(m.Name) },
		fromAPI: func(m *routingSkillGroupModel, g *skillGroupWithDivisions) { m.fromAPI(g.group, g.divisions) },
	}}
}

func (r *routingSkillGroupResource) Schema(_ context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema = schema.Schema{
		Description: "Genesys Cloud routing skill group.",
		Attributes: map[string]schema.Attribute{
			"id":          idAttribute(),
			"name":        schema.StringAttribute{Required: true, Description: "Skill group name."},
			"description": schema.StringAttribute{Optional: true, Description: "Skill group description."},
			"division_id": schema.StringAttribute{Optional: true, Computed: true,
				Description:   "The skill group's division. When not set, the home division is used and the value is left unmanaged.",
				PlanModifiers: []planmodifier.String{stringplanmodifier.UseStateForUnknown()}},
			"skill_conditions": schema.StringAttribute{Optional: true, Computed: true,
				Description: "JSON array of skill conditions (use `jsonencode`). Equivalent JSON (spacing, key order) is no change. " +
					"Unset = unmanaged.",
				Validators:    []validator.String{jsonConditionsValidator()},
				PlanModifiers: []planmodifier.String{stringplanmodifier.UseStateForUnknown()}},
			"member_division_ids": schema.ListAttribute{Optional: true, Computed: true, ElementType: types.StringType,
				Description: "Divisions whose users can be members (`*` = all). An empty list means the skill group's own division. " +
					"Order does not matter. Unset = unmanaged.",
				PlanModifiers: []planmodifier.List{listplanmodifier.UseStateForUnknown()}},
		},
	}
}

// parseConditions decodes skill_conditions.
func parseConditions(s string) ([]platform.SkillGroupCondition, error) {
	conds := []platform.SkillGroupCondition{}
	if err := json.Unmarshal([]byte(s), &conds); err != nil {
		return nil, err
	}
	return conds, nil
}

// canonicalConditions is the conditions' JSON as this provider writes it, for comparing.
func canonicalConditions(conds []platform.SkillGroupCondition) string {
	if conds == nil {
		conds = []platform.SkillGroupCondition{}
	}
	b, _ := json.Marshal(conds)
	return string(b)
}

// jsonConditionsValidator rejects skill_conditions that are not a JSON array of conditions.
func jsonConditionsValidator() validator.String {
	return parseCheck("must be a JSON array of skill conditions", "Invalid skill_conditions", parseConditions,
		func(_ string, err error) string { return fmt.Sprintf("%v; write it with jsonencode([...]).", err) })
}

// fromAPI copies the group and its member divisions into m. The prior JSON text and list
// order are kept when they mean the same as what the API returned.
func (m *routingSkillGroupModel) fromAPI(g *platform.SkillGroup, divs []string) {
	m.readDescribed(deref(g.ID), deref(g.Name), g.Description)
	m.DivisionID = types.StringPointerValue(deref(g.Division).ID) // null when the API names no division
	got := canonicalConditions(g.SkillConditions)
	if isSet(m.SkillConditions) {
		if prior, err := parseConditions(m.SkillConditions.ValueString()); err == nil && canonicalConditions(prior) == got {
			got = m.SkillConditions.ValueString()
		}
	}
	m.SkillConditions = types.StringValue(got)
	m.MemberDivisionIDs = keepListOrder(listStrings(m.MemberDivisionIDs), divs)
}

// readSkillGroup reads a skill group and its member divisions; nil when it does not exist.
func readSkillGroup(ctx context.Context, c *platform.Client, id string) (*platform.SkillGroup, []string, error) {
	return skillGroupAPI(c).getWithIDs(ctx, id, skillGroupMemberDivisionIDs)
}

// conditions parses the planned skill_conditions (nil when not set); false after adding the
// diagnostic for text that does not parse.
func (m routingSkillGroupModel) conditions(diags *diag.Diagnostics) ([]platform.SkillGroupCondition, bool) {
	if !isSet(m.SkillConditions) {
		return nil, true
	}
	conds, err := parseConditions(m.SkillConditions.ValueString())
	if err != nil {
		diags.AddAttributeError(path.Root("skill_conditions"), "Invalid skill_conditions", err.Error())
		return nil, false
	}
	return conds, true
}

// createSkillGroupFrom creates the group the plan declares, member divisions included, and
// returns its id.
func createSkillGroupFrom(ctx context.Context, c *platform.Client, plan *routingSkillGroupModel, diags *diag.Diagnostics) (string, error) {
	in := platform.SkillGroupWithMemberDivisions{Name: plan.Name.ValueStringPointer(), MemberDivisions: stringsOf(ctx, plan.MemberDivisionIDs, diags)}
	if isSet(plan.Description) {
		in.Description = plan.Description.ValueStringPointer()
	}
	in.Division = writableDivision(plan.DivisionID)
	conds, ok := plan.conditions(diags)
	if !ok {
		return "", nil
	}
	in.SkillConditions = conds
	g, err := createSkillGroup(ctx, c, in)
	if err != nil {
		return "", err
	}
	return deref(g.ID), nil
}

// updateSkillGroupFrom brings the group to the plan: its fields in one PATCH, then its
// member divisions (when managed) by adding and removing the difference.
func updateSkillGroupFrom(ctx context.Context, c *platform.Client, plan *routingSkillGroupModel, diags *diag.Diagnostics) (string, error) {
	id := plan.ID.ValueString()
	in := platform.SkillGroup{Name: plan.Name.ValueStringPointer(), Description: ptr(plan.Description.ValueString())}
	in.Division = writableDivision(plan.DivisionID)
	conds, ok := plan.conditions(diags)
	if !ok {
		return "", nil
	}
	in.SkillConditions = conds
	if err := patchSkillGroup(ctx, c, id, in); err != nil {
		return "", err
	}
	if want := stringsOf(ctx, plan.MemberDivisionIDs, diags); want != nil {
		have, err := skillGroupMemberDivisionIDs(ctx, c, id)
		if err == nil {
			var change platform.SkillGroupMemberDivisions
			change.AddDivisionIds, change.RemoveDivisionIds = idChanges(have, want)
			if len(change.AddDivisionIds)+len(change.RemoveDivisionIds) > 0 {
				err = changeSkillGroupMemberDivisions(ctx, c, id, change)
			}
		}
		if err != nil {
			addAPIError(diags, ptr(path.Root("member_division_ids")), fmt.Sprintf("Could not update the member divisions of skill group %q", plan.Name.ValueString()), err)
			return "", nil
		}
	}
	return id, nil
}
