package provider

import (
	"context"
	"fmt"
	"net/http"
	"net/url"

	"github.com/cxascode/cxascode/internal/kinds"
	"github.com/cxascode/cxascode/internal/platform"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// The custom auth action of a web services data actions integration: the org makes it when
// the integration's configuration holds a user-defined OAuth credential, so the resource
// never creates one. Its create checks the integration has such a credential and patches the
// action the org made; destroying it stops managing the action, which goes with its
// integration.

// customAuthCredentialType is the credential type an integration needs to have a custom auth
// action.
const customAuthCredentialType = "userDefinedOAuth"

type customAuthActionResource struct {
	crudResource[customAuthActionModel, platform.Action]
}

type customAuthActionModel struct {
	ID             types.String                  `tfsdk:"id"`
	IntegrationID  types.String                  `tfsdk:"integration_id"`
	Name           types.String                  `tfsdk:"name"`
	ConfigRequest  []integrationActionRequestMdl `tfsdk:"config_request"`
	ConfigResponse []integrationActionRespMdl    `tfsdk:"config_response"`
}

func newCustomAuthActionResource() resource.Resource {
	return &customAuthActionResource{crudResource[customAuthActionModel, platform.Action]{
		resourceBase: resourceBase{typeSuffix: "_integration_custom_auth_action"}, what: "custom auth action", api: actionAPI,
		errorAttr:      "integration_id",
		createThenRead: writeCustomAuthAction,
		updateThenRead: writeCustomAuthAction,
		read:           readAction,
		// The org deletes the action with its integration only.
		remove: func(context.Context, *platform.Client, *customAuthActionModel) error { return nil },
		label: func(m *customAuthActionModel) string {
			return fmt.Sprintf("of integration %s", m.IntegrationID.ValueString())
		},
		fromAPI: func(m *customAuthActionModel, a *platform.Action) { m.fromAPI(a) },
	}}
}

func (r *customAuthActionResource) Schema(_ context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema = schema.Schema{
		Description: "The custom auth action of a web services data actions integration whose credentials are of the " +
			"userDefinedOAuth type. The org makes the action with the integration's configuration; destroying the resource " +
			"stops managing it.",
		Attributes: map[string]schema.Attribute{
			"id": idAttribute(),
			"integration_id": schema.StringAttribute{Required: true,
				Description:   "The id of the integration the custom auth action belongs to. Changing it manages another integration's action.",
				PlanModifiers: []planmodifier.String{stringplanmodifier.RequiresReplace()}},
			"name": schema.StringAttribute{Optional: true, Computed: true,
				Description:   "The name of the action (up to 256 characters). When not set, the org's name is kept.",
				Validators:    []validator.String{stringvalidator.LengthBetween(1, 256)},
				PlanModifiers: []planmodifier.String{stringplanmodifier.UseStateForUnknown()}},
		},
		Blocks: actionConfigBlocks("The request that gets the credentials' token.", "How the token response becomes the action's output."),
	}
}

// asDataAction is the model as a data action's, whose configuration mapping it shares.
func (m *customAuthActionModel) asDataAction() integrationActionModel {
	return integrationActionModel{ConfigTimeoutSeconds: types.Int64Null(), ConfigRequest: m.ConfigRequest, ConfigResponse: m.ConfigResponse,
		ContractInput: types.StringNull(), ContractOutput: types.StringNull()}
}

// fromAPI copies the action into m; the blocks are read when configured or after an import
// (when the integration is not known yet).
func (m *customAuthActionModel) fromAPI(a *platform.Action) {
	imported := m.IntegrationID.IsNull()
	d := m.asDataAction()
	d.fromAPI(a, imported)
	m.ID = types.StringValue(deref(a.ID))
	m.IntegrationID = types.StringValue(deref(a.IntegrationID))
	m.Name = types.StringValue(deref(a.Name))
	m.ConfigRequest, m.ConfigResponse = d.ConfigRequest, d.ConfigResponse
}

// writeCustomAuthAction checks the integration holds a user-defined OAuth credential and
// patches its custom auth action with the plan's name and configuration.
func writeCustomAuthAction(ctx context.Context, c *platform.Client, plan *customAuthActionModel, diags *diag.Diagnostics) (string, error) {
	integrationID := plan.IntegrationID.ValueString()
	ok, err := holdsCustomAuthCredential(ctx, c, integrationID)
	if err != nil {
		return "", err
	}
	if !ok {
		diags.AddAttributeError(path.Root("integration_id"), "Integration has no custom auth action",
			fmt.Sprintf("Integration %s has no credential of type %s, so the org made no custom auth action for it. "+
				"Give its configuration such a credential (genesyscloud_integration_credential).", integrationID, customAuthCredentialType))
		return "", nil
	}
	d := plan.asDataAction()
	cfg := d.config(ctx, diags)
	if diags.HasError() {
		return "", nil
	}
	id := kinds.CustomAuthActionPrefix + integrationID
	var name *string
	if isSet(plan.Name) {
		name = plan.Name.ValueStringPointer()
	}
	err = patchAction(ctx, c, id, platform.UpdateActionInput{Name: name, Config: cfg})
	return id, err
}

// holdsCustomAuthCredential reports whether the integration's configuration holds a
// credential of the user-defined OAuth type.
func holdsCustomAuthCredential(ctx context.Context, c *platform.Client, integrationID string) (bool, error) {
	var cfg platform.IntegrationConfiguration
	if err := c.Do(ctx, http.MethodGet, "/api/v2/integrations/"+url.PathEscape(integrationID)+"/config/current", nil, nil, &cfg); err != nil {
		return false, err
	}
	for _, ref := range cfg.Credentials {
		var cred platform.CredentialInfo
		if err := c.Do(ctx, http.MethodGet, "/api/v2/integrations/credentials/"+url.PathEscape(deref(ref.ID)), nil, nil, &cred); err != nil {
			if platform.IsNotFound(err) {
				continue
			}
			return false, err
		}
		if cred.Type != nil && deref(cred.Type.Name) == customAuthCredentialType {
			return true, nil
		}
	}
	return false, nil
}

// newCustomAuthActionDataSource finds the custom auth action of an integration.
func newCustomAuthActionDataSource() datasource.DataSource {
	return &argumentLookupDataSource{
		dataSourceBase: dataSourceBase{typeSuffix: "_integration_custom_auth_action"},
		what:           "custom auth action", description: "Looks up the custom auth action of an integration.",
		idDescription: "The custom auth action's id.",
		args: []lookupArgument{
			{name: "parent_integration_id", description: "The id of the integration the action belongs to."},
		},
		label: func(values []string) string { return "of integration " + values[0] },
		noMatch: fmt.Sprintf("The integration has no custom auth action: its configuration needs a credential of type %s.",
			customAuthCredentialType),
		find: func(ctx context.Context, c *platform.Client, values []string) (string, bool, error) {
			a, err := readAction(ctx, c, kinds.CustomAuthActionPrefix+values[0])
			if err != nil || a == nil {
				return "", false, err
			}
			return deref(a.ID), true, nil
		},
	}
}
