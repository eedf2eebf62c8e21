package provider

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"reflect"
	"strings"
	"time"

	"github.com/cxascode/cxascode/internal/platform"
	"github.com/hashicorp/terraform-plugin-framework-validators/listvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringdefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

const integrationsPath = "/api/v2/integrations"

// integrationAPI is the API seam for integrations (DELETE returns the integration).
func integrationAPI(c *platform.Client) entityAPI[platform.Integration] {
	return seamFor(c, integrationsPath, 30*time.Second, func(i *platform.Integration) *string { return i.Name })
}

// JSON-valued attributes (integration properties, data action contracts) hold JSON text.
// Two texts that decode to the same value are the same: the plan keeps the prior text when
// the configuration only differs in key order or spacing, and a read keeps the prior text
// when the org returns the same value spelled differently.

// jsonEqual reports whether a and b are JSON texts of the same value.
func jsonEqual(a, b string) bool {
	va, errA := decodeJSON(a)
	vb, errB := decodeJSON(b)
	return errA == nil && errB == nil && reflect.DeepEqual(va, vb)
}

func decodeJSON(s string) (any, error) {
	d := json.NewDecoder(strings.NewReader(s))
	d.UseNumber() // big integers and exact decimals survive
	var v any
	if err := d.Decode(&v); err != nil {
		return nil, err
	}
	if d.More() {
		return nil, errors.New("trailing data after the JSON value")
	}
	return v, nil
}

// jsonFromAPI maps JSON the org returned to an attribute: the prior text when it means the
// same, else a compact form with sorted keys (what jsonencode writes).
func jsonFromAPI(raw json.RawMessage, prior types.String) types.String {
	text := strings.TrimSpace(string(raw))
	if text == "" || text == "null" {
		return types.StringNull()
	}
	if isSet(prior) && jsonEqual(prior.ValueString(), text) {
		return prior
	}
	v, err := decodeJSON(text)
	if err != nil {
		return types.StringValue(text)
	}
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	if err := enc.Encode(v); err != nil {
		return types.StringValue(text)
	}
	return types.StringValue(strings.TrimSuffix(b.String(), "\n"))
}

// jsonSemanticPlan plans the prior text when the configured text means the same.
type jsonSemanticPlan struct{}

func (jsonSemanticPlan) Description(context.Context) string {
	return "JSON that differs only in key order or spacing is not a change"
}
func (p jsonSemanticPlan) MarkdownDescription(ctx context.Context) string { return p.Description(ctx) }
func (jsonSemanticPlan) PlanModifyString(_ context.Context, req planmodifier.StringRequest, resp *planmodifier.StringResponse) {
	if !isSet(req.ConfigValue) || !isSet(req.StateValue) || !isSet(req.PlanValue) {
		return
	}
	if req.ConfigValue.ValueString() != req.StateValue.ValueString() && jsonEqual(req.ConfigValue.ValueString(), req.StateValue.ValueString()) {
		resp.PlanValue = req.StateValue
	}
}

// jsonObjectValidator checks at plan time that a value is one JSON object.
func jsonObjectValidator() validator.String {
	return stringCheck{
		description: "must be a JSON object",
		check: func(value string) (string, string) {
			v, err := decodeJSON(value)
			if err != nil {
				return "Invalid JSON", fmt.Sprintf("The value is not valid JSON: %v. Tip: write it with jsonencode({...}).", err)
			}
			if _, ok := v.(map[string]any); !ok {
				return "Invalid JSON", "The value must be a JSON object ({...})."
			}
			return "", ""
		},
	}
}

// stringMapOrNull is a map attribute, or null when empty and prior was null.
func stringMapOrNull(m map[string]string, prior types.Map) types.Map {
	if len(m) == 0 && prior.IsNull() {
		return types.MapNull(types.StringType)
	}
	v, _ := types.MapValueFrom(context.Background(), types.StringType, m)
	return v
}

// stringMapOf reads a map attribute; nil when null or unknown.
func stringMapOf(ctx context.Context, v types.Map, diags *diag.Diagnostics) map[string]string {
	if !isSet(v) {
		return nil
	}
	out := map[string]string{}
	diags.Append(v.ElementsAs(ctx, &out, false)...)
	return out
}

type integrationResource struct{ resourceBase }

type integrationModel struct {
	ID              types.String             `tfsdk:"id"`
	IntendedState   types.String             `tfsdk:"intended_state"`
	IntegrationType types.String             `tfsdk:"integration_type"`
	Config          []integrationConfigModel `tfsdk:"config"`
}

type integrationConfigModel struct {
	Name        types.String `tfsdk:"name"`
	Notes       types.String `tfsdk:"notes"`
	Properties  types.String `tfsdk:"properties"`
	Advanced    types.String `tfsdk:"advanced"`
	Credentials types.Map    `tfsdk:"credentials"`
}

func newIntegrationResource() resource.Resource {
	return &integrationResource{resourceBase{typeSuffix: "_integration"}}
}

func (r *integrationResource) Schema(_ context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	jsonAttr := func(description string) schema.StringAttribute {
		return schema.StringAttribute{Optional: true, Computed: true, Description: description,
			Validators:    []validator.String{jsonObjectValidator()},
			PlanModifiers: []planmodifier.String{jsonSemanticPlan{}, stringplanmodifier.UseStateForUnknown()}}
	}
	resp.Schema = schema.Schema{
		Description: "Genesys Cloud integration (e.g. the Web Services Data Actions integration that holds data actions).",
		Attributes: map[string]schema.Attribute{
			"id": idAttribute(),
			"intended_state": schema.StringAttribute{Optional: true, Computed: true, Default: stringdefault.StaticString("DISABLED"),
				Description: "`ENABLED` or `DISABLED` (default `DISABLED`).",
				Validators:  []validator.String{stringvalidator.OneOf("ENABLED", "DISABLED")}},
			"integration_type": requiredReplacing("Integration type id, e.g. `custom-rest-actions` or `purecloud-data-actions`. Changing it replaces the integration."),
		},
		Blocks: map[string]schema.Block{
			"config": schema.ListNestedBlock{
				Description: "The integration's configuration. Leaving the block out leaves the configuration unmanaged.",
				Validators:  []validator.List{listvalidator.SizeAtMost(1)},
				NestedObject: schema.NestedBlockObject{Attributes: map[string]schema.Attribute{
					"name": schema.StringAttribute{Optional: true, Computed: true,
						Description:   "Integration name. When not set, the org's name (the type's name for a new integration) is kept.",
						PlanModifiers: []planmodifier.String{stringplanmodifier.UseStateForUnknown()}},
					"notes":      schema.StringAttribute{Optional: true, Description: "Integration notes."},
					"properties": jsonAttr("Integration properties, a JSON object (use `jsonencode`); compared by value, not by spelling."),
					"advanced":   jsonAttr("Advanced configuration, a JSON object (use `jsonencode`); compared by value, not by spelling."),
					"credentials": schema.MapAttribute{Optional: true, ElementType: types.StringType,
						Description: "Credentials by slot, e.g. `{ basicAuth = genesyscloud_integration_credential.c.id }`."},
				}},
			},
		},
	}
}

// integrationConfigPath is the integration's versioned configuration document.
func integrationConfigPath(id string) string {
	return integrationsPath + "/" + url.PathEscape(id) + "/config/current"
}

// putConfig writes the configuration block with the current version, re-reading it and
// retrying when someone else wrote in between.
func (r *integrationResource) putConfig(ctx context.Context, id string, c integrationConfigModel, diags *diag.Diagnostics) (*platform.IntegrationConfiguration, error) {
	var out platform.IntegrationConfiguration
	err := platform.RetryOnVersionConflict(ctx, 0, func(ctx context.Context) error {
		var cur platform.IntegrationConfiguration
		if err := r.client.Do(ctx, http.MethodGet, integrationConfigPath(id), nil, nil, &cur); err != nil {
			return err
		}
		in := platform.IntegrationConfiguration{
			Name: cur.Name, Version: cur.Version, Notes: ptr(c.Notes.ValueString()),
			Properties: cur.Properties, Advanced: cur.Advanced, Credentials: map[string]platform.CredentialInfo{},
		}
		if isSet(c.Name) {
			in.Name = c.Name.ValueStringPointer()
		}
		if isSet(c.Properties) {
			in.Properties = json.RawMessage(c.Properties.ValueString())
		}
		if isSet(c.Advanced) {
			in.Advanced = json.RawMessage(c.Advanced.ValueString())
		}
		for slot, credID := range stringMapOf(ctx, c.Credentials, diags) {
			in.Credentials[slot] = platform.CredentialInfo{ID: ptr(credID)}
		}
		return r.client.Do(ctx, http.MethodPut, integrationConfigPath(id), nil, in, &out)
	})
	if err != nil {
		return nil, err
	}
	return &out, nil
}

// setIntendedState PATCHes the intended state when it differs.
func (r *integrationResource) setIntendedState(ctx context.Context, ig *platform.Integration, want string) (*platform.Integration, error) {
	if deref(ig.IntendedState) == want {
		return ig, nil
	}
	return integrationAPI(r.client).update(ctx, http.MethodPatch, deref(ig.ID), platform.Integration{IntendedState: &want})
}

// fromAPI fills m from the integration and (when the block is managed) its configuration.
func (m *integrationModel) fromAPI(ig *platform.Integration, cfg *platform.IntegrationConfiguration) {
	m.ID = types.StringValue(deref(ig.ID))
	m.IntendedState = types.StringValue(deref(ig.IntendedState))
	if ig.IntegrationType != nil {
		m.IntegrationType = types.StringValue(deref(ig.IntegrationType.ID))
	}
	if cfg == nil {
		m.Config = []integrationConfigModel{}
		return
	}
	var prior integrationConfigModel
	if len(m.Config) > 0 {
		prior = m.Config[0]
	} else {
		prior = integrationConfigModel{Notes: types.StringNull(), Properties: types.StringNull(), Advanced: types.StringNull(), Credentials: types.MapNull(types.StringType)}
	}
	creds := map[string]string{}
	for slot, c := range cfg.Credentials {
		creds[slot] = deref(c.ID)
	}
	m.Config = []integrationConfigModel{{
		Name:        types.StringValue(deref(cfg.Name)),
		Notes:       optionalString(cfg.Notes, prior.Notes),
		Properties:  jsonFromAPI(cfg.Properties, prior.Properties),
		Advanced:    jsonFromAPI(cfg.Advanced, prior.Advanced),
		Credentials: stringMapOrNull(creds, prior.Credentials),
	}}
}

// readConfig reads the configuration document.
func (r *integrationResource) readConfig(ctx context.Context, id string) (*platform.IntegrationConfiguration, error) {
	var cfg platform.IntegrationConfiguration
	if err := r.client.Do(ctx, http.MethodGet, integrationConfigPath(id), nil, nil, &cfg); err != nil {
		return nil, err
	}
	return &cfg, nil
}

func (r *integrationResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan integrationModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	if resp.Diagnostics.HasError() {
		return
	}
	typeID := plan.IntegrationType.ValueString()
	body := platform.CreateIntegrationRequest{IntegrationType: &platform.IntegrationType{ID: &typeID}}
	name := ""
	if len(plan.Config) > 0 && isSet(plan.Config[0].Name) {
		name = plan.Config[0].Name.ValueString()
		body.Name = &name
	}
	ig, err := integrationAPI(r.client).createFoundBy(ctx, body, func(ctx context.Context) (*platform.Integration, error) {
		if name == "" {
			// Unnamed integrations share their type's name: a lookup could pick someone else's.
			return nil, errors.New("the integration has no name to look it up by; check the org for a duplicate before applying again")
		}
		return integrationAPI(r.client).findByName(ctx, name)
	})
	if err != nil {
		addAPIError(&resp.Diagnostics, ptr(path.Root("integration_type")), fmt.Sprintf("Could not create integration of type %q", typeID), err)
		return
	}
	id := deref(ig.ID)
	failed := func(summary string, err error) {
		// The integration exists: keep it in state (tainted) so the next apply finishes or replaces it.
		resp.State.SetAttribute(ctx, path.Root("id"), id)
		addAPIError(&resp.Diagnostics, nil, fmt.Sprintf("%s (integration %s)", summary, id), err)
	}
	var cfg *platform.IntegrationConfiguration
	if len(plan.Config) > 0 {
		if cfg, err = r.putConfig(ctx, id, plan.Config[0], &resp.Diagnostics); err != nil {
			failed("Could not configure the new integration", err)
			return
		}
	}
	if _, err := r.setIntendedState(ctx, ig, plan.IntendedState.ValueString()); err != nil {
		failed("Could not set the intended state of the new integration", err)
		return
	}
	r.finish(ctx, id, plan, cfg != nil, resp.State.Set, &resp.Diagnostics)
}

// finish reads the integration back and stores it.
func (r *integrationResource) finish(ctx context.Context, id string, m integrationModel, withConfig bool, set func(context.Context, any) diag.Diagnostics, diags *diag.Diagnostics) {
	ig, err := integrationAPI(r.client).getByID(ctx, id)
	if err == nil && ig == nil {
		err = fmt.Errorf("integration %s disappeared while it was being written; apply again", id)
	}
	var cfg *platform.IntegrationConfiguration
	if err == nil && withConfig {
		cfg, err = r.readConfig(ctx, id)
	}
	if err != nil {
		addAPIError(diags, nil, fmt.Sprintf("Could not read integration %s", id), err)
		return
	}
	m.fromAPI(ig, cfg)
	diags.Append(set(ctx, m)...)
}

func (r *integrationResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	state, ig, ok := readCurrent(ctx, req, resp, "integration", func(ctx context.Context, _ *integrationModel, id string) (*platform.Integration, error) {
		return integrationAPI(r.client).get(ctx, id)
	})
	if !ok {
		return
	}
	// The configuration is read when the block is managed, and after an import (which
	// leaves everything but the id null, even the required integration_type).
	withConfig := len(state.Config) > 0 || state.IntegrationType.IsNull()
	var cfg *platform.IntegrationConfiguration
	if withConfig {
		var err error
		if cfg, err = r.readConfig(ctx, state.ID.ValueString()); err != nil {
			if platform.IsNotFound(err) {
				resp.State.RemoveResource(ctx)
				return
			}
			addAPIError(&resp.Diagnostics, nil, fmt.Sprintf("Could not read the configuration of integration %s", state.ID.ValueString()), err)
			return
		}
	}
	state.fromAPI(ig, cfg)
	resp.Diagnostics.Append(resp.State.Set(ctx, state)...)
}

func (r *integrationResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var plan, prior integrationModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	resp.Diagnostics.Append(req.State.Get(ctx, &prior)...)
	if resp.Diagnostics.HasError() {
		return
	}
	id := prior.ID.ValueString()
	if len(plan.Config) > 0 && (len(prior.Config) == 0 || !reflect.DeepEqual(plan.Config[0], prior.Config[0])) {
		if _, err := r.putConfig(ctx, id, plan.Config[0], &resp.Diagnostics); err != nil {
			addAPIError(&resp.Diagnostics, ptr(path.Root("config")), fmt.Sprintf("Could not update the configuration of integration %s", id), err)
			return
		}
	}
	if plan.IntendedState.ValueString() != prior.IntendedState.ValueString() {
		ig := &platform.Integration{ID: &id, IntendedState: prior.IntendedState.ValueStringPointer()}
		if _, err := r.setIntendedState(ctx, ig, plan.IntendedState.ValueString()); err != nil {
			addAPIError(&resp.Diagnostics, ptr(path.Root("intended_state")), fmt.Sprintf("Could not change the intended state of integration %s", id), err)
			return
		}
	}
	r.finish(ctx, id, plan, len(plan.Config) > 0, resp.State.Set, &resp.Diagnostics)
}

func (r *integrationResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	var state integrationModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	if err := integrationAPI(r.client).delete(ctx, state.ID.ValueString()); err != nil {
		addAPIError(&resp.Diagnostics, nil, fmt.Sprintf("Could not delete integration %s", state.ID.ValueString()), err)
	}
}
