package provider

import (
	"context"
	"encoding/json"
	"net/http"

	"github.com/cxascode/cxascode/internal/platform"
	"github.com/hashicorp/terraform-plugin-framework-validators/listvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/setdefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

type authRoleResource struct {
	crudResource[authRoleModel, platform.DomainOrganizationRole]
}

type authRoleModel struct {
	describedObject
	DefaultRoleID      types.String      `tfsdk:"default_role_id"`
	Permissions        types.Set         `tfsdk:"permissions"`
	PermissionPolicies []rolePolicyModel `tfsdk:"permission_policies"`
}

type rolePolicyModel struct {
	Domain     types.String         `tfsdk:"domain"`
	EntityName types.String         `tfsdk:"entity_name"`
	ActionSet  types.Set            `tfsdk:"action_set"`
	Conditions []roleConditionModel `tfsdk:"conditions"`
}

type roleConditionModel struct {
	Conjunction types.String    `tfsdk:"conjunction"`
	Terms       []roleTermModel `tfsdk:"terms"`
}

type roleTermModel struct {
	VariableName types.String       `tfsdk:"variable_name"`
	Operator     types.String       `tfsdk:"operator"`
	Operands     []roleOperandModel `tfsdk:"operands"`
}

type roleOperandModel struct {
	Type    types.String `tfsdk:"type"`
	QueueID types.String `tfsdk:"queue_id"`
	UserID  types.String `tfsdk:"user_id"`
	Value   types.String `tfsdk:"value"`
}

// conditionNode is the API's DomainResourceConditionNode, as far as the schema maps it.
type conditionNode struct {
	VariableName string             `json:"variableName,omitempty"`
	Conjunction  string             `json:"conjunction,omitempty"`
	Operator     string             `json:"operator,omitempty"`
	Operands     []conditionOperand `json:"operands,omitempty"`
	Terms        []conditionNode    `json:"terms,omitempty"`
}

type conditionOperand struct {
	Type  string         `json:"type,omitempty"`
	Value string         `json:"value,omitempty"`
	Queue *roleEntityRef `json:"queue,omitempty"`
	User  *roleEntityRef `json:"user,omitempty"`
}

type roleEntityRef struct {
	ID string `json:"id"`
}

func newAuthRoleResource() resource.Resource {
	return &authRoleResource{crudResource[authRoleModel, platform.DomainOrganizationRole]{
		resourceBase: resourceBase{typeSuffix: "_auth_role"}, what: "role", api: roleAPI, errorAttr: "name",
		id:    func(m *authRoleModel) string { return m.ID.ValueString() },
		label: func(m *authRoleModel) string { return quotedName(m.Name) },
		create: func(ctx context.Context, c *platform.Client, plan *authRoleModel, diags *diag.Diagnostics) (*platform.DomainOrganizationRole, error) {
			body := plan.request(ctx, diags)
			if !isSet(plan.DefaultRoleID) {
				return roleAPI(c).create(ctx, plan.Name.ValueString(), platform.DomainOrganizationRoleCreate{Name: body.Name, Description: body.Description,
					Permissions: body.Permissions, PermissionPolicies: body.PermissionPolicies})
			}
			// Adopt the built-in role and bring it to the configuration.
			role, err := defaultRole(ctx, c, plan.DefaultRoleID.ValueString())
			if err != nil {
				return nil, err
			}
			return roleAPI(c).update(ctx, http.MethodPut, deref(role.ID), body)
		},
		update: func(ctx context.Context, c *platform.Client, plan *authRoleModel, diags *diag.Diagnostics) (*platform.DomainOrganizationRole, error) {
			return roleAPI(c).update(ctx, http.MethodPut, plan.ID.ValueString(), plan.request(ctx, diags))
		},
		remove: func(ctx context.Context, c *platform.Client, state *authRoleModel) error {
			if isSet(state.DefaultRoleID) {
				// Built-in roles cannot be deleted; destroying the resource stops managing the role.
				return nil
			}
			return roleAPI(c).delete(ctx, state.ID.ValueString())
		},
		fromAPI: (*authRoleModel).fromAPI,
	}}
}

func (r *authRoleResource) Schema(_ context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema = schema.Schema{
		Description: "Genesys Cloud authorization role.",
		Attributes: map[string]schema.Attribute{
			"id":          idAttribute(),
			"name":        schema.StringAttribute{Required: true, Description: "Role name (cannot be changed for default roles)."},
			"description": schema.StringAttribute{Optional: true, Description: "Role description."},
			"default_role_id": schema.StringAttribute{Optional: true,
				Description: "Manage a built-in role (e.g. `employee`) instead of creating one. Destroying such a resource stops managing the role " +
					"and leaves it as it is. Changing it forces a new resource.",
				PlanModifiers: []planmodifier.String{stringplanmodifier.RequiresReplace()}},
			"permissions": schema.SetAttribute{Optional: true, Computed: true, ElementType: types.StringType,
				Default:     setdefault.StaticValue(types.SetValueMust(types.StringType, nil)),
				Description: "General permissions such as `group_creation`."},
		},
		Blocks: map[string]schema.Block{
			"permission_policies": schema.SetNestedBlock{
				Description: "Permission policies of the role.",
				NestedObject: schema.NestedBlockObject{
					Attributes: map[string]schema.Attribute{
						"domain":      schema.StringAttribute{Required: true, Description: "Permission domain, e.g. `routing`."},
						"entity_name": schema.StringAttribute{Required: true, Description: "Entity in the domain, e.g. `queue` (`*` for all)."},
						"action_set":  schema.SetAttribute{Required: true, ElementType: types.StringType, Description: "Actions, e.g. `view`, `edit` (`*` for all)."},
					},
					Blocks: map[string]schema.Block{"conditions": schema.ListNestedBlock{
						Description: "Conditions that limit the policy.",
						Validators:  []validator.List{listvalidator.SizeAtMost(1)},
						NestedObject: schema.NestedBlockObject{
							Attributes: map[string]schema.Attribute{
								"conjunction": schema.StringAttribute{Required: true, Description: "`AND` or `OR`.",
									Validators: []validator.String{stringvalidator.OneOf("AND", "OR")}},
							},
							Blocks: map[string]schema.Block{"terms": schema.ListNestedBlock{
								Description: "Condition terms.",
								NestedObject: schema.NestedBlockObject{
									Attributes: map[string]schema.Attribute{
										"variable_name": schema.StringAttribute{Required: true, Description: "Variable, e.g. `Queue.id`."},
										"operator": schema.StringAttribute{Required: true, Description: "`EQ`, `IN`, `GE`, `GT`, `LE` or `LT`.",
											Validators: []validator.String{stringvalidator.OneOf("EQ", "IN", "GE", "GT", "LE", "LT")}},
									},
									Blocks: map[string]schema.Block{"operands": schema.ListNestedBlock{
										Description: "Operands.",
										NestedObject: schema.NestedBlockObject{Attributes: map[string]schema.Attribute{
											"type": schema.StringAttribute{Required: true, Description: "`USER`, `QUEUE`, `SCALAR` or `VARIABLE`.",
												Validators: []validator.String{stringvalidator.OneOf("USER", "QUEUE", "SCALAR", "VARIABLE")}},
											"queue_id": schema.StringAttribute{Optional: true, Description: "Queue id (type QUEUE)."},
											"user_id":  schema.StringAttribute{Optional: true, Description: "User id (type USER)."},
											"value":    schema.StringAttribute{Optional: true, Description: "Value (type SCALAR or VARIABLE)."},
										}},
									}},
								},
							}},
						},
					}},
				},
			},
		},
	}
}

func (m authRoleModel) request(ctx context.Context, diags *diag.Diagnostics) platform.DomainOrganizationRoleUpdate {
	in := platform.DomainOrganizationRoleUpdate{
		Name: m.Name.ValueStringPointer(), Description: ptr(m.Description.ValueString()),
		Permissions: stringsOf(ctx, m.Permissions, diags), PermissionPolicies: []platform.DomainPermissionPolicy{},
	}
	if in.Permissions == nil {
		in.Permissions = []string{}
	}
	for _, p := range m.PermissionPolicies {
		pol := platform.DomainPermissionPolicy{Domain: p.Domain.ValueStringPointer(), EntityName: p.EntityName.ValueStringPointer(),
			ActionSet: stringsOf(ctx, p.ActionSet, diags)}
		if len(p.Conditions) > 0 {
			c := p.Conditions[0]
			node := conditionNode{Conjunction: c.Conjunction.ValueString()}
			for _, t := range c.Terms {
				term := conditionNode{VariableName: t.VariableName.ValueString(), Operator: t.Operator.ValueString()}
				for _, o := range t.Operands {
					op := conditionOperand{Type: o.Type.ValueString(), Value: o.Value.ValueString()}
					if isSet(o.QueueID) {
						op.Queue = &roleEntityRef{ID: o.QueueID.ValueString()}
					}
					if isSet(o.UserID) {
						op.User = &roleEntityRef{ID: o.UserID.ValueString()}
					}
					term.Operands = append(term.Operands, op)
				}
				node.Terms = append(node.Terms, term)
			}
			pol.ResourceConditionNode, _ = json.Marshal(node)
			pol.AllowConditions = ptr(true)
		}
		in.PermissionPolicies = append(in.PermissionPolicies, pol)
	}
	return in
}

func (m *authRoleModel) fromAPI(role *platform.DomainOrganizationRole) {
	m.readDescribed(deref(role.ID), deref(role.Name), role.Description)
	if !m.DefaultRoleID.IsNull() || deref(role.Default) {
		m.DefaultRoleID = stringOrNull(deref(role.DefaultRoleID))
	}
	m.Permissions = stringSetValue(role.Permissions)
	m.PermissionPolicies = []rolePolicyModel{}
	for _, p := range role.PermissionPolicies {
		pol := rolePolicyModel{Domain: types.StringValue(deref(p.Domain)), EntityName: types.StringValue(deref(p.EntityName)),
			ActionSet: stringSetValue(p.ActionSet), Conditions: []roleConditionModel{}}
		var node conditionNode
		if len(p.ResourceConditionNode) > 0 && json.Unmarshal(p.ResourceConditionNode, &node) == nil && (node.Conjunction != "" || len(node.Terms) > 0) {
			c := roleConditionModel{Conjunction: types.StringValue(node.Conjunction), Terms: []roleTermModel{}}
			for _, t := range node.Terms {
				term := roleTermModel{VariableName: types.StringValue(t.VariableName), Operator: types.StringValue(t.Operator), Operands: []roleOperandModel{}}
				for _, o := range t.Operands {
					op := roleOperandModel{Type: types.StringValue(o.Type), Value: stringOrNull(o.Value), QueueID: types.StringNull(), UserID: types.StringNull()}
					if o.Queue != nil {
						op.QueueID = types.StringValue(o.Queue.ID)
					}
					if o.User != nil {
						op.UserID = types.StringValue(o.User.ID)
					}
					term.Operands = append(term.Operands, op)
				}
				c.Terms = append(c.Terms, term)
			}
			pol.Conditions = []roleConditionModel{c}
		}
		m.PermissionPolicies = append(m.PermissionPolicies, pol)
	}
}
