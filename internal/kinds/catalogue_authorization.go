package kinds

// Catalogue names of the authorization area's kinds added for breadth.
const (
	GroupRoles = "authorization.grouproles"
)

// authorizationAreaKinds are role grants beyond a user's (catalogue.go): a group's, which
// its members hold through it.
func authorizationAreaKinds() []*Kind {
	return []*Kind{
		{
			Name: GroupRoles, Resource: "genesyscloud_group_roles", Noun: "group role assignment", Names: NoName,
			API:        API{Collection: "/api/v2/authorization/subjects", NoList: true},
			Model:      "AuthzSubject",
			Audit:      Audit{"PeoplePermissions", "Group"},
			Permission: "authorization:grant", DependsOn: []string{Group, Role, Division},
		},
	}
}
