package provider

import "github.com/hashicorp/terraform-plugin-framework/resource"

// groupSubject is a group as the subject of role grants (genesyscloud_group_roles): its
// members hold the roles through it.
func groupSubject() roleSubject {
	return roleSubject{noun: "group", attr: "group_id", apiType: "PC_GROUP", path: groupsPath}
}

func newGroupRolesResource() resource.Resource {
	return &subjectRolesResource{resourceBase: resourceBase{typeSuffix: "_group_roles"}, subject: groupSubject()}
}
