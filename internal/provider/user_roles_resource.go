package provider

import "github.com/hashicorp/terraform-plugin-framework/resource"

// userSubject is a user as the subject of role grants (genesyscloud_user_roles).
func userSubject() roleSubject {
	return roleSubject{noun: "user", attr: "user_id", apiType: "PC_USER", path: usersPath}
}

func newUserRolesResource() resource.Resource {
	return &subjectRolesResource{resourceBase: resourceBase{typeSuffix: "_user_roles"}, subject: userSubject()}
}
