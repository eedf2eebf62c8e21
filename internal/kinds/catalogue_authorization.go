package kinds

// Catalogue names of the authorization area's kinds added for breadth.
const (
	GroupRoles  = "authorization.grouproles"
	OAuthClient = "oauth.client"
)

// authorizationAreaKinds are role grants beyond a user's (catalogue.go): a group's, which
// its members hold through it; and OAuth clients, whose roles decide what they may do.
func authorizationAreaKinds() []*Kind {
	return []*Kind{
		{
			Name: GroupRoles, Resource: "genesyscloud_group_roles", Noun: "group role assignment", Names: NoName,
			Sharing:    People,
			API:        API{Collection: "/api/v2/authorization/subjects", NoList: true},
			Model:      "AuthzSubject",
			Audit:      Audit{"PeoplePermissions", "Group"},
			Permission: "authorization:grant", DependsOn: []string{Group, Role, Division},
		},
		{
			Name: OAuthClient, Resource: "genesyscloud_oauth_client", DataSource: "genesyscloud_oauth_client",
			Sharing: People,
			Noun:    "OAuth client", Names: SharedName,
			API:   API{Collection: "/api/v2/oauth/clients", MaxPageSize: 500, Update: "PUT"},
			Model: "OAuthClient", CreateModel: "OAuthClientRequest", UpdateModel: "OAuthClientRequest",
			Audit: Audit{"PeoplePermissions", "OAuthClient"}, Permission: "oauth:client",
			Unmanaged: true, IDAttributes: []string{"oauth_client_id", "*_oauth_client_id"}, DependsOn: []string{Role, Division},
			Fields: []Field{
				{Attr: "name", JSON: "name", Type: String, Mode: Required, Description: "The name of the OAuth client."},
				{Attr: "description", JSON: "description", Type: String, Mode: Optional, Description: "The description of the OAuth client."},
				{Attr: "authorized_grant_type", JSON: "authorizedGrantType", Type: String, Mode: Required,
					Enum:        []string{"CODE", "TOKEN", "SAML2-BEARER", "PASSWORD", "CLIENT-CREDENTIALS"},
					Description: "The OAuth Grant/Client type supported by this client (CODE | TOKEN | SAML2-BEARER | PASSWORD | CLIENT-CREDENTIALS)."},
				{Attr: "access_token_validity_seconds", JSON: "accessTokenValiditySeconds", Type: Int, Mode: Optional, Default: int64(86400),
					Description: "The number of seconds, between 5mins and 48hrs, until tokens created with this client expire."},
				{Attr: "registered_redirect_uris", JSON: "registeredRedirectUri", Type: StringSet, Mode: Optional,
					Description: "List of allowed callbacks for this client. For example: https://myapp.example.com/auth/callback."},
				{Attr: "scopes", JSON: "scope", Type: StringSet, Mode: Optional,
					Description: "The scopes requested by this client. Scopes must be set for clients not using the CLIENT-CREDENTIALS grant."},
				{Attr: "state", JSON: "state", Type: String, Mode: Optional, Default: "active", Enum: []string{"active", "inactive"},
					Description: "The state of the OAuth client (active | inactive). Access tokens cannot be created with inactive clients."},
				{Attr: "roles", JSON: "roleDivisions", Type: Block, Unordered: true, Mode: Optional,
					Description: "Roles and divisions associated with this client. Roles must be set for clients using the CLIENT-CREDENTIALS grant.",
					Nested: []Field{
						{Attr: "role_id", JSON: "roleId", Type: String, Mode: Required, Ref: Role, Description: "Role to be associated with the client."},
						// Left out, the role holds in the home division, which the org answers.
						{Attr: "division_id", JSON: "divisionId", Type: String, Mode: OptionalComputed, Ref: Division,
							Description: "Division associated with the given role which forms a grant. When not set, the home division."},
					}},
				{Attr: "client_id", JSON: "id", Type: String, Mode: Computed, Description: "The client ID (the OAuth client's id)."},
				// The org answers the secret once, when the client is made; state keeps it.
				{Attr: "client_secret", JSON: "secret", Type: String, Mode: Computed, Sensitive: true, WriteOnly: true,
					Description: "The client secret, answered once when the client is created."},
			},
		},
	}
}
