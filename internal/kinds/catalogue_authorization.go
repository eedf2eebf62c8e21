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

// roleFields map a role: its permissions, and its policies with their conditions, whose terms
// compare a variable with operands (a queue, a user, or a value).
func roleFields() []Field {
	operands := []Field{
		{Attr: "type", JSON: "type", Type: String, Mode: Required, Enum: []string{"USER", "QUEUE", "SCALAR", "VARIABLE"},
			Description: "`USER`, `QUEUE`, `SCALAR` or `VARIABLE`."},
		{Attr: "queue_id", JSON: "queue.id", Type: String, Mode: Optional, Ref: Queue, Description: "Queue id (type QUEUE)."},
		{Attr: "user_id", JSON: "user.id", Type: String, Mode: Optional, Ref: User, Description: "User id (type USER)."},
		{Attr: "value", JSON: "value", Type: String, Mode: Optional, Description: "Value (type SCALAR or VARIABLE)."},
	}
	terms := []Field{
		{Attr: "variable_name", JSON: "variableName", Type: String, Mode: Required, Description: "Variable, e.g. `Queue.id`."},
		{Attr: "operator", JSON: "operator", Type: String, Mode: Required, Enum: []string{"EQ", "IN", "GE", "GT", "LE", "LT"},
			Description: "`EQ`, `IN`, `GE`, `GT`, `LE` or `LT`."},
		{Attr: "operands", JSON: "operands", Type: Block, Mode: Required, Unordered: true, MinItems: 1, Nested: operands,
			Description: "Operands."},
	}
	return []Field{
		{Attr: "name", JSON: "name", Type: String, Mode: Required, Description: "Role name (cannot be changed for default roles)."},
		{Attr: "description", JSON: "description", Type: String, Mode: Optional, Description: "Role description."},
		{Attr: "default_role_id", JSON: "defaultRoleId", Type: String, Mode: Optional, ForceNew: true, Adopts: true,
			Description: "Manage a built-in role (e.g. `employee`) instead of creating one. Destroying such a resource stops managing the role " +
				"and leaves it as it is. Changing it forces a new resource."},
		{Attr: "permissions", JSON: "permissions", Type: StringSet, Mode: Optional, Description: "General permissions such as `group_creation`."},
		{Attr: "permission_policies", JSON: "permissionPolicies", Type: Block, Mode: Optional, Unordered: true,
			Description: "Permission policies of the role.", Nested: []Field{
				{Attr: "domain", JSON: "domain", Type: String, Mode: Required, Description: "Permission domain, e.g. `routing`."},
				{Attr: "entity_name", JSON: "entityName", Type: String, Mode: Required, Description: "Entity in the domain, e.g. `queue` (`*` for all)."},
				{Attr: "action_set", JSON: "actionSet", Type: StringSet, Mode: Required, Description: "Actions, e.g. `view`, `edit` (`*` for all)."},
				{Attr: "conditions", JSON: "resourceConditionNode", Type: Object, Mode: Optional, Description: "Conditions that limit the policy.",
					Nested: []Field{
						{Attr: "conjunction", JSON: "conjunction", Type: String, Mode: Required, Enum: []string{"AND", "OR"},
							Description: "`AND` or `OR`."},
						{Attr: "terms", JSON: "terms", Type: Block, Mode: Required, Unordered: true, MinItems: 1, Nested: terms,
							Description: "Condition terms."},
					}},
			}},
	}
}

// allowConditions marks each policy that has conditions as allowing them, as the API wants
// before it applies a policy's condition node.
func allowConditions(body map[string]any) map[string]any {
	policies, _ := body["permissionPolicies"].([]any)
	out := make([]any, 0, len(policies))
	for _, p := range policies {
		policy, ok := p.(map[string]any)
		if ok && policy["resourceConditionNode"] != nil {
			copied := make(map[string]any, len(policy)+1)
			for k, v := range policy {
				copied[k] = v
			}
			copied["allowConditions"] = true
			policy = copied
		}
		out = append(out, policy)
	}
	if policies == nil {
		return body
	}
	copied := make(map[string]any, len(body))
	for k, v := range body {
		copied[k] = v
	}
	copied["permissionPolicies"] = out
	return copied
}
