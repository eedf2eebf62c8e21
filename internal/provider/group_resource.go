package provider

import (
	"context"
	"fmt"

	"github.com/cxascode/cxascode/internal/platform"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/booldefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/listplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringdefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// groupResource reads and deletes through the CRUD skeleton; Create and Update are its own
// (the group and its members are separate calls).
type groupResource struct {
	crudResource[groupModel, groupWithMembers]
}

// groupWithMembers is what reading a group takes two calls for.
type groupWithMembers struct {
	group   *platform.Group
	members []string
	policy  map[string]any // the voicemail policy's JSON
}

type groupModel struct {
	describedObject
	Type          types.String        `tfsdk:"type"`
	Visibility    types.String        `tfsdk:"visibility"`
	RulesVisible  types.Bool          `tfsdk:"rules_visible"`
	RolesEnabled  types.Bool          `tfsdk:"roles_enabled"`
	CallsEnabled  types.Bool          `tfsdk:"calls_enabled"`
	IncludeOwners types.Bool          `tfsdk:"include_owners"`
	OwnerIDs      types.List          `tfsdk:"owner_ids"`
	MemberIDs     types.Set           `tfsdk:"member_ids"`
	Addresses     []groupAddressModel `tfsdk:"addresses"`
	// VoicemailPolicy is optional and computed: unset leaves the group's policy unmanaged.
	VoicemailPolicy types.List `tfsdk:"voicemail_policy"`
}

type groupAddressModel struct {
	Number    types.String `tfsdk:"number"`
	Extension types.String `tfsdk:"extension"`
	Type      types.String `tfsdk:"type"`
}

func newGroupResource() resource.Resource {
	return &groupResource{crudResource[groupModel, groupWithMembers]{
		resourceBase: resourceBase{typeSuffix: "_group"}, what: "group",
		read: func(ctx context.Context, c *platform.Client, id string) (*groupWithMembers, error) {
			g, members, err := readGroup(ctx, c, id)
			if err != nil || g == nil {
				return nil, err
			}
			policy, err := groupVoicemailPolicy.read(ctx, c, id)
			if err != nil {
				return nil, fmt.Errorf("voicemail policy: %w", err)
			}
			return &groupWithMembers{group: g, members: members, policy: policy}, nil
		},
		remove: func(ctx context.Context, c *platform.Client, state *groupModel) error {
			return groupAPI(c).delete(ctx, state.ID.ValueString())
		},
		label: func(m *groupModel) string { return quotedName(m.Name) },
		fromAPI: func(m *groupModel, g *groupWithMembers) {
			m.fromAPI(g.group, g.members)
			m.VoicemailPolicy = groupVoicemailPolicy.state(g.policy, m.VoicemailPolicy)
		},
	}}
}

func (r *groupResource) Schema(_ context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	flag := func(description string) schema.BoolAttribute {
		return schema.BoolAttribute{Optional: true, Computed: true, Default: booldefault.StaticBool(true), Description: description + " (default true)."}
	}
	resp.Schema = schema.Schema{
		Description: "Genesys Cloud group.",
		Attributes: map[string]schema.Attribute{
			"id":          idAttribute(),
			"name":        schema.StringAttribute{Required: true, Description: "Group name."},
			"description": schema.StringAttribute{Optional: true, Description: "Group description."},
			"type": schema.StringAttribute{Optional: true, Computed: true, Default: stringdefault.StaticString("official"),
				Description:   "`official` or `social` (default `official`). Changing it forces a new group.",
				Validators:    []validator.String{stringvalidator.OneOf("official", "social")},
				PlanModifiers: []planmodifier.String{stringplanmodifier.RequiresReplace()}},
			"visibility": schema.StringAttribute{Optional: true, Computed: true, Default: stringdefault.StaticString("public"),
				Description: "`public`, `owners` or `members` (default `public`).",
				Validators:  []validator.String{stringvalidator.OneOf("public", "owners", "members")}},
			"rules_visible":  flag("Whether the group's rules are visible"),
			"roles_enabled":  flag("Whether roles can be granted to the group"),
			"calls_enabled":  flag("Whether the group can be called"),
			"include_owners": flag("Whether owners are included in calls to the group"),
			"owner_ids": schema.ListAttribute{Optional: true, Computed: true, ElementType: types.StringType,
				Description:   "User ids of the group's owners. Unset = unmanaged.",
				PlanModifiers: []planmodifier.List{listplanmodifier.UseStateForUnknown()}},
			"member_ids": unmanagedSet(types.StringType, "User ids of the group's members. Unset = unmanaged; an empty set removes every member."),
			"voicemail_policy": groupVoicemailPolicy.attribute("The group's voicemail policy: `send_email_notifications`, `disable_email_pii`, " +
				"`include_email_transcriptions`; block or attribute syntax. Unset = unmanaged; a field left out keeps its value in the org."),
		},
		Blocks: map[string]schema.Block{
			"addresses": schema.ListNestedBlock{
				Description: "Phone numbers of the group.",
				NestedObject: schema.NestedBlockObject{Attributes: map[string]schema.Attribute{
					"number": schema.StringAttribute{Optional: true, Description: "Phone number (E.164).",
						Validators: []validator.String{stringvalidator.RegexMatches(e164, "must be an E.164 number such as +13175550123")}},
					"extension": schema.StringAttribute{Optional: true, Description: "Extension."},
					"type": schema.StringAttribute{Required: true, Description: "`GROUPRING` or `GROUPPHONE`.",
						Validators: []validator.String{stringvalidator.OneOf("GROUPRING", "GROUPPHONE")}},
				}},
			},
		},
	}
}

func (m groupModel) contacts() []platform.GroupContact {
	out := []platform.GroupContact{}
	for _, a := range m.Addresses {
		c := platform.GroupContact{Type: a.Type.ValueStringPointer(), MediaType: ptr("PHONE")}
		if isSet(a.Number) {
			c.Address = a.Number.ValueStringPointer()
		}
		if isSet(a.Extension) {
			c.Extension = a.Extension.ValueStringPointer()
		}
		out = append(out, c)
	}
	return out
}

func (m *groupModel) fromAPI(g *platform.Group, members []string) {
	m.readDescribed(deref(g.ID), deref(g.Name), g.Description)
	m.Type = types.StringValue(deref(g.Type))
	m.Visibility = types.StringValue(deref(g.Visibility))
	m.RulesVisible = types.BoolValue(deref(g.RulesVisible))
	m.RolesEnabled = types.BoolValue(deref(g.RolesEnabled))
	m.CallsEnabled = types.BoolValue(deref(g.CallsEnabled))
	m.IncludeOwners = types.BoolValue(deref(g.IncludeOwners))
	owners := make([]string, 0, len(g.Owners))
	for _, o := range g.Owners {
		owners = append(owners, deref(o.ID))
	}
	m.OwnerIDs = keepListOrder(listStrings(m.OwnerIDs), owners)
	m.MemberIDs = stringSetValue(members)
	m.Addresses = []groupAddressModel{}
	for _, a := range g.Addresses {
		m.Addresses = append(m.Addresses, groupAddressModel{Number: stringOrNull(deref(a.Address)), Extension: stringOrNull(deref(a.Extension)), Type: types.StringValue(deref(a.Type))})
	}
}

// readGroup reads a group and its members; nil when it does not exist.
func readGroup(ctx context.Context, c *platform.Client, id string) (*platform.Group, []string, error) {
	return groupAPI(c).getWithIDs(ctx, id, groupMemberIDs)
}

// syncGroupMembers makes want the group's members.
func syncGroupMembers(ctx context.Context, c *platform.Client, id string, want []string) error {
	have, err := groupMemberIDs(ctx, c, id)
	if err != nil {
		return err
	}
	add, remove := idChanges(have, want)
	if len(add) > 0 {
		if err := addGroupMembers(ctx, c, id, add); err != nil {
			return err
		}
	}
	if len(remove) > 0 {
		return removeGroupMembers(ctx, c, id, remove)
	}
	return nil
}

// plannedGroup reads what a create or an update writes: the plan, and whether the
// configuration manages the members and the voicemail policy (left out, they are left alone).
func plannedGroup(ctx context.Context, p tfsdk.Plan, cfg tfsdk.Config, diags *diag.Diagnostics) (plan groupModel, manageMembers, managePolicy bool) {
	diags.Append(p.Get(ctx, &plan)...)
	manageMembers = !configNull(ctx, cfg, path.Root("member_ids"), diags)
	managePolicy = !configNull(ctx, cfg, path.Root("voicemail_policy"), diags)
	return plan, manageMembers, managePolicy
}

func (r *groupResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	plan, manageMembers, managePolicy := plannedGroup(ctx, req.Plan, req.Config, &resp.Diagnostics)
	if resp.Diagnostics.HasError() {
		return
	}
	in := platform.GroupCreate{
		Name: plan.Name.ValueStringPointer(), Type: plan.Type.ValueStringPointer(), Visibility: plan.Visibility.ValueStringPointer(),
		RulesVisible: plan.RulesVisible.ValueBoolPointer(), RolesEnabled: plan.RolesEnabled.ValueBoolPointer(),
		CallsEnabled: plan.CallsEnabled.ValueBoolPointer(), IncludeOwners: plan.IncludeOwners.ValueBoolPointer(),
		OwnerIds: stringsOf(ctx, plan.OwnerIDs, &resp.Diagnostics), Addresses: plan.contacts(),
	}
	if isSet(plan.Description) {
		in.Description = plan.Description.ValueStringPointer()
	}
	g, err := createGroup(ctx, r.client, in)
	if err != nil {
		addAPIError(&resp.Diagnostics, ptr(path.Root("name")), fmt.Sprintf("Could not create group %q", plan.Name.ValueString()), err)
		return
	}
	id := deref(g.ID)
	if manageMembers {
		if err := syncGroupMembers(ctx, r.client, id, stringsOf(ctx, plan.MemberIDs, &resp.Diagnostics)); err != nil {
			resp.State.SetAttribute(ctx, path.Root("id"), id)
			addAPIError(&resp.Diagnostics, ptr(path.Root("member_ids")), fmt.Sprintf("Could not add the members of group %q", plan.Name.ValueString()), err)
			return
		}
	}
	if err := groupVoicemailPolicy.write(ctx, r.client, id, plan.VoicemailPolicy, managePolicy); err != nil {
		resp.State.SetAttribute(ctx, path.Root("id"), id)
		addAPIError(&resp.Diagnostics, ptr(path.Root("voicemail_policy")), fmt.Sprintf("Could not set the voicemail policy of group %q", plan.Name.ValueString()), err)
		return
	}
	r.readBack(ctx, id, &plan, &resp.State, &resp.Diagnostics)
}

func (r *groupResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	plan, manageMembers, managePolicy := plannedGroup(ctx, req.Plan, req.Config, &resp.Diagnostics)
	if resp.Diagnostics.HasError() {
		return
	}
	id := plan.ID.ValueString()
	in := platform.GroupUpdate{
		Name: plan.Name.ValueStringPointer(), Visibility: plan.Visibility.ValueStringPointer(),
		RulesVisible: plan.RulesVisible.ValueBoolPointer(), RolesEnabled: plan.RolesEnabled.ValueBoolPointer(),
		CallsEnabled: plan.CallsEnabled.ValueBoolPointer(), IncludeOwners: plan.IncludeOwners.ValueBoolPointer(),
		OwnerIds: stringsOf(ctx, plan.OwnerIDs, &resp.Diagnostics), Addresses: plan.contacts(),
	}
	if isSet(plan.Description) {
		in.Description = plan.Description.ValueStringPointer()
	}
	err := putGroup(ctx, r.client, id, in, func(g *platform.Group, in *platform.GroupUpdate) {
		in.Version = g.Version
		if in.OwnerIds == nil {
			// PUT replaces owners; unmanaged owners are sent back as they are.
			for _, o := range g.Owners {
				in.OwnerIds = append(in.OwnerIds, deref(o.ID))
			}
		}
	})
	if err == nil && manageMembers {
		err = syncGroupMembers(ctx, r.client, id, stringsOf(ctx, plan.MemberIDs, &resp.Diagnostics))
	}
	if err != nil {
		addAPIError(&resp.Diagnostics, ptr(path.Root("name")), fmt.Sprintf("Could not update group %q", plan.Name.ValueString()), err)
		return
	}
	if err := groupVoicemailPolicy.write(ctx, r.client, id, plan.VoicemailPolicy, managePolicy); err != nil {
		addAPIError(&resp.Diagnostics, ptr(path.Root("voicemail_policy")), fmt.Sprintf("Could not change the voicemail policy of group %q", plan.Name.ValueString()), err)
		return
	}
	r.readBack(ctx, id, &plan, &resp.State, &resp.Diagnostics)
}
