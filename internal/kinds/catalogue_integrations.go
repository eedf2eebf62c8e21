package kinds

import "strings"

// Catalogue names of the integrations area's kinds added for breadth.
const (
	IntegrationCredential = "integrations.credential"
	CustomAuthAction      = "integrations.customauthaction"
)

// CustomAuthActionPrefix starts the id of every custom auth action: the org derives it from
// its integration's id ("customAuth_-_" + integration id).
const CustomAuthActionPrefix = "customAuth_-_"

// IsCustomAuthAction reports whether a listed data action is an integration's custom auth
// action, which the org makes with the integration rather than anyone writing it.
func IsCustomAuthAction(obj map[string]any) bool {
	id, _ := obj["id"].(string)
	return strings.HasPrefix(id, CustomAuthActionPrefix)
}

// integrationsAreaKinds are integration kinds beyond integrations and data actions
// (catalogue.go): credentials, which integrations and OAuth clients keep secrets in.
func integrationsAreaKinds() []*Kind {
	return []*Kind{
		{
			Name: IntegrationCredential, Resource: "genesyscloud_integration_credential",
			DataSource: "genesyscloud_integration_credential", Noun: "integration credential", Names: SharedName,
			API: API{Collection: "/api/v2/integrations/credentials", Update: "PUT"},
			// The org keeps no secret it could answer: what GET and the writes answer is the
			// credential's info, never its fields.
			Model: "CredentialInfo", CreateModel: "Credential", UpdateModel: "Credential",
			Audit: Audit{"Integrations", "Credential"}, Permission: "integrations:integration",
			Unmanaged: true, IDAttributes: []string{"credential_id", "*_credential_id"},
			Fields: []Field{
				{Attr: "name", JSON: "name", Type: String, Mode: Optional, Description: "Credential name."},
				{Attr: "credential_type_name", JSON: "type.name", Type: String, Mode: Required,
					Description: "Credential type name. Use [GET /api/v2/integrations/credentials/types] to see the list of available integration credential types."},
				{Attr: "fields", JSON: "credentialFields", Type: StringMap, Mode: Optional, Sensitive: true, WriteOnly: true,
					Description: "Credential fields. Different credential types require different fields. Missing any correct required fields will result API request failure."},
			},
		},
		{
			// The org makes an integration's custom auth action when its configuration gets a
			// user-defined OAuth credential; it is a data action (same collection, PATCH with
			// a version) that no one creates or deletes, so destroying the resource only stops
			// managing it, and drift never lists it on its own: it goes with its integration.
			Name: CustomAuthAction, Resource: "genesyscloud_integration_custom_auth_action",
			DataSource: "genesyscloud_integration_custom_auth_action", Noun: "custom auth action", Names: SharedName,
			API:   API{Collection: "/api/v2/integrations/actions", Update: "PATCH", Version: IntVersion, NoDelete: true},
			Model: "Action", UpdateModel: "UpdateActionInput",
			Audit: Audit{"Integrations", "Action"}, Permission: "integrations:action",
			DependsOn: []string{Integration, IntegrationCredential}, Holds: IsCustomAuthAction,
		},
	}
}
