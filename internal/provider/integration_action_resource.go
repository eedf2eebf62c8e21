package provider

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"time"

	"github.com/cxascode/cxascode/internal/platform"
	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/booldefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/boolplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

const actionsPath = "/api/v2/integrations/actions"

// actionReadQuery asks for the whole action: its contract and its configuration are left
// out of reads unless requested.
var actionReadQuery = url.Values{"expand": {"contract"}, "includeConfig": {"true"}}

// actionAPI is the API seam for data actions (PATCH with version; hard delete).
func actionAPI(c *platform.Client) entityAPI[platform.Action] {
	return seamFor(c, actionsPath, 30*time.Second, func(a *platform.Action) *string { return a.Name })
}

// readAction reads the full action; nil when it does not exist.
func readAction(ctx context.Context, c *platform.Client, id string) (*platform.Action, error) {
	var a platform.Action
	if err := c.Do(ctx, http.MethodGet, actionsPath+"/"+url.PathEscape(id), actionReadQuery, nil, &a); err != nil {
		if platform.IsNotFound(err) {
			return nil, nil
		}
		return nil, err
	}
	return &a, nil
}

// findAction finds the action named name (exactly) in the integration; action names are
// unique per integration only. integrationID "" matches any integration.
func findAction(ctx context.Context, c *platform.Client, name, integrationID string) (*platform.Action, error) {
	return findActionIn(ctx, c, actionsPath, name, integrationID)
}

// findActionIn is findAction over the actions or (…/actions/drafts) the drafts.
func findActionIn(ctx context.Context, c *platform.Client, collection, name, integrationID string) (*platform.Action, error) {
	q := url.Values{"name": {name}}
	if integrationID != "" {
		q.Set("integrationId", integrationID)
	}
	all, err := platform.ListAll[platform.Action](ctx, c, collection, q, 100)
	if err != nil {
		return nil, err
	}
	for i := range all {
		a := &all[i]
		if deref(a.Name) == name && (integrationID == "" || deref(a.IntegrationID) == integrationID) {
			return a, nil
		}
	}
	return nil, nil
}

// integrationActionResource is the CRUD skeleton over a data action; its writes read the
// action back, since the action, its configuration and its function are separate calls.
type integrationActionResource struct {
	crudResource[integrationActionModel, dataAction]
}

var _ resource.ResourceWithModifyPlan = (*integrationActionResource)(nil)

type integrationActionModel struct {
	ID                   types.String                  `tfsdk:"id"`
	Name                 types.String                  `tfsdk:"name"`
	Category             types.String                  `tfsdk:"category"`
	IntegrationID        types.String                  `tfsdk:"integration_id"`
	Secure               types.Bool                    `tfsdk:"secure"`
	ConfigTimeoutSeconds types.Int64                   `tfsdk:"config_timeout_seconds"`
	ContractInput        types.String                  `tfsdk:"contract_input"`
	ContractOutput       types.String                  `tfsdk:"contract_output"`
	ConfigRequest        []integrationActionRequestMdl `tfsdk:"config_request"`
	ConfigResponse       []integrationActionRespMdl    `tfsdk:"config_response"`
	FunctionConfig       []actionFunctionMdl           `tfsdk:"function_config"`
}

type integrationActionRequestMdl struct {
	RequestURLTemplate types.String `tfsdk:"request_url_template"`
	RequestType        types.String `tfsdk:"request_type"`
	RequestTemplate    types.String `tfsdk:"request_template"`
	Headers            types.Map    `tfsdk:"headers"`
}

type integrationActionRespMdl struct {
	TranslationMap         types.Map    `tfsdk:"translation_map"`
	TranslationMapDefaults types.Map    `tfsdk:"translation_map_defaults"`
	SuccessTemplate        types.String `tfsdk:"success_template"`
}

func newIntegrationActionResource() resource.Resource {
	return &integrationActionResource{crudResource[integrationActionModel, dataAction]{
		resourceBase: resourceBase{typeSuffix: "_integration_action"}, what: "data action", errorAttr: "name",
		createThenRead: createActionFrom,
		updateThenRead: updateActionFrom,
		readFor:        readDataAction,
		remove: func(ctx context.Context, c *platform.Client, m *integrationActionModel) error {
			return actionAPI(c).delete(ctx, m.ID.ValueString())
		},
		label: func(m *integrationActionModel) string { return quotedName(m.Name) },
		fromAPI: func(m *integrationActionModel, a *dataAction) {
			imported := m.Name.IsNull() // only an import leaves the (always set) name null
			m.fromAPI(&a.Action, imported)
			m.functionFromAPI(a.function, imported)
		},
	}}
}

func (r *integrationActionResource) Schema(_ context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	contract := func(description string) schema.StringAttribute {
		return schema.StringAttribute{Required: true, Description: description,
			Validators:    []validator.String{jsonObjectValidator()},
			PlanModifiers: []planmodifier.String{jsonSemanticPlan{}, stringplanmodifier.RequiresReplace()}}
	}
	resp.Schema = schema.Schema{
		Description: "Genesys Cloud data action (published) of a data actions integration.",
		Attributes: map[string]schema.Attribute{
			"id": idAttribute(),
			"name": schema.StringAttribute{Required: true, Description: "Name of the action, unique in its integration (1-256 characters).",
				Validators: []validator.String{stringvalidator.LengthBetween(1, 256)}},
			"category": schema.StringAttribute{Required: true, Description: "Category of the action."},
			"integration_id": schema.StringAttribute{Required: true, Description: "ID of the integration the action belongs to. Changing it replaces the action.",
				PlanModifiers: []planmodifier.String{stringplanmodifier.RequiresReplace()}},
			"secure": schema.BoolAttribute{Optional: true, Computed: true, Default: booldefault.StaticBool(false),
				Description:   "Whether the action handles secure data (PII); default false. Changing it replaces the action.",
				PlanModifiers: []planmodifier.Bool{boolplanmodifier.RequiresReplace()}},
			"config_timeout_seconds": schema.Int64Attribute{Optional: true, Description: "Request timeout in seconds (1-60).",
				Validators: []validator.Int64{int64validator.Between(1, 60)}},
			"contract_input": contract("JSON Schema of the action's input (use `jsonencode`); compared by value, not by spelling. Changing it replaces the action."),
			"contract_output": contract("JSON Schema of the action's success output (use `jsonencode`); compared by value, not by spelling. " +
				"Changing it replaces the action."),
		},
		Blocks: actionBlocks(),
	}
}

// actionBlocks are a data action's request, response and function blocks.
func actionBlocks() map[string]schema.Block {
	blocks := actionConfigBlocks("The request the action sends.", "How the response becomes the action's output.")
	blocks["function_config"] = functionConfigBlock()
	return blocks
}

// config builds the action configuration from the blocks.
func (m integrationActionModel) config(ctx context.Context, diags *diag.Diagnostics) *platform.ActionConfig {
	cfg := &platform.ActionConfig{}
	if isSet(m.ConfigTimeoutSeconds) {
		cfg.TimeoutSeconds = ptr(int(m.ConfigTimeoutSeconds.ValueInt64()))
	}
	if len(m.ConfigRequest) > 0 {
		rq := m.ConfigRequest[0]
		cfg.Request = &platform.RequestConfig{
			RequestUrlTemplate: rq.RequestURLTemplate.ValueStringPointer(),
			RequestType:        rq.RequestType.ValueStringPointer(),
			Headers:            stringMapOf(ctx, rq.Headers, diags),
		}
		if isSet(rq.RequestTemplate) {
			cfg.Request.RequestTemplate = rq.RequestTemplate.ValueStringPointer()
		}
	}
	if len(m.ConfigResponse) > 0 {
		rs := m.ConfigResponse[0]
		cfg.Response = &platform.ResponseConfig{
			TranslationMap:         stringMapOf(ctx, rs.TranslationMap, diags),
			TranslationMapDefaults: stringMapOf(ctx, rs.TranslationMapDefaults, diags),
		}
		if isSet(rs.SuccessTemplate) {
			cfg.Response.SuccessTemplate = rs.SuccessTemplate.ValueStringPointer()
		}
	}
	return cfg
}

// fromAPI copies the action (read with its contract and configuration) into m. The blocks
// are read when configured, or after an import (when every attribute is null).
func (m *integrationActionModel) fromAPI(a *platform.Action, imported bool) {
	m.ID = types.StringValue(deref(a.ID))
	m.Name = types.StringValue(deref(a.Name))
	m.Category = types.StringValue(deref(a.Category))
	m.IntegrationID = types.StringValue(deref(a.IntegrationID))
	m.Secure = types.BoolValue(deref(a.Secure))
	var in, out json.RawMessage
	if c := a.Contract; c != nil {
		if c.Input != nil {
			in = c.Input.InputSchema
		}
		if c.Output != nil {
			out = c.Output.SuccessSchema
		}
	}
	m.ContractInput = jsonFromAPI(in, m.ContractInput)
	m.ContractOutput = jsonFromAPI(out, m.ContractOutput)
	cfg := a.Config
	if cfg == nil {
		cfg = &platform.ActionConfig{}
	}
	m.ConfigTimeoutSeconds = types.Int64Null()
	if cfg.TimeoutSeconds != nil {
		m.ConfigTimeoutSeconds = types.Int64Value(int64(*cfg.TimeoutSeconds))
	}
	if rq := cfg.Request; rq != nil && (len(m.ConfigRequest) > 0 || imported) {
		prior := integrationActionRequestMdl{RequestTemplate: types.StringNull(), Headers: types.MapNull(types.StringType)}
		if len(m.ConfigRequest) > 0 {
			prior = m.ConfigRequest[0]
		}
		m.ConfigRequest = []integrationActionRequestMdl{{
			RequestURLTemplate: types.StringValue(deref(rq.RequestUrlTemplate)),
			RequestType:        types.StringValue(deref(rq.RequestType)),
			RequestTemplate:    stringOrNull(deref(rq.RequestTemplate)),
			Headers:            stringMapOrNull(rq.Headers, prior.Headers),
		}}
	} else {
		m.ConfigRequest = []integrationActionRequestMdl{}
	}
	if rs := cfg.Response; rs != nil && (len(m.ConfigResponse) > 0 || imported) {
		prior := integrationActionRespMdl{TranslationMap: types.MapNull(types.StringType), TranslationMapDefaults: types.MapNull(types.StringType)}
		if len(m.ConfigResponse) > 0 {
			prior = m.ConfigResponse[0]
		}
		m.ConfigResponse = []integrationActionRespMdl{{
			TranslationMap:         stringMapOrNull(rs.TranslationMap, prior.TranslationMap),
			TranslationMapDefaults: stringMapOrNull(rs.TranslationMapDefaults, prior.TranslationMapDefaults),
			SuccessTemplate:        stringOrNull(deref(rs.SuccessTemplate)),
		}}
	} else {
		m.ConfigResponse = []integrationActionRespMdl{}
	}
}

// createActionFrom creates the action the plan declares (a lost answer is found by name in
// its integration, never created twice) and returns its id.
func createActionFrom(ctx context.Context, c *platform.Client, plan *integrationActionModel, diags *diag.Diagnostics) (string, error) {
	name, integrationID := plan.Name.ValueString(), plan.IntegrationID.ValueString()
	body := platform.PostActionInput{
		Name: &name, Category: plan.Category.ValueStringPointer(), IntegrationID: &integrationID,
		Secure: plan.Secure.ValueBoolPointer(), Config: plan.config(ctx, diags),
		Contract: &platform.ActionContractInput{
			Input:  &platform.PostInputContract{InputSchema: json.RawMessage(plan.ContractInput.ValueString())},
			Output: &platform.PostOutputContract{SuccessSchema: json.RawMessage(plan.ContractOutput.ValueString())},
		},
	}
	fn, isFunction := plan.functionOf(diags)
	if diags.HasError() {
		return "", nil
	}
	if isFunction {
		return createFunctionAction(ctx, c, body, fn)
	}
	created, err := actionAPI(c).createFoundBy(ctx, body, func(ctx context.Context) (*platform.Action, error) {
		return findAction(ctx, c, name, integrationID)
	})
	if err != nil {
		return "", err
	}
	return deref(created.ID), nil
}

// updateActionFrom patches the action's name, category and configuration with its current
// version and returns its id.
func updateActionFrom(ctx context.Context, c *platform.Client, plan *integrationActionModel, diags *diag.Diagnostics) (string, error) {
	id := plan.ID.ValueString()
	cfg := plan.config(ctx, diags)
	fn, isFunction := plan.functionOf(diags)
	if diags.HasError() {
		return "", nil
	}
	if isFunction {
		in := platform.UpdateDraftInput{Name: plan.Name.ValueStringPointer(), Category: plan.Category.ValueStringPointer(), Config: cfg}
		return id, updateFunctionAction(ctx, c, id, in, fn)
	}
	err := patchAction(ctx, c, id, platform.UpdateActionInput{Name: plan.Name.ValueStringPointer(), Category: plan.Category.ValueStringPointer(), Config: cfg})
	return id, err
}

// newIntegrationActionDataSource finds a data action by name, optionally in one integration.
func newIntegrationActionDataSource() datasource.DataSource {
	return &argumentLookupDataSource{
		dataSourceBase: dataSourceBase{typeSuffix: "_integration_action"},
		what:           "data action", description: "Looks up a data action by name.", idDescription: "The data action's id.",
		args: []lookupArgument{
			{name: "name", description: "The data action's exact name."},
			{name: "integration_id", description: "The integration to look in (names are unique per integration only).", optional: true},
		},
		label: func(values []string) string {
			if values[1] == "" {
				return fmt.Sprintf("%q", values[0])
			}
			return fmt.Sprintf("%q in integration %s", values[0], values[1])
		},
		noMatch: noMatchDetail("data action", "name"),
		find: func(ctx context.Context, c *platform.Client, values []string) (string, bool, error) {
			a, err := findAction(ctx, c, values[0], values[1])
			if err != nil || a == nil {
				return "", false, err
			}
			return deref(a.ID), true, nil
		},
	}
}
