package kinds

// Catalogue names of the integrations area's kinds added for breadth.
const (
	IntegrationCredential = "integrations.credential"
)

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
	}
}
