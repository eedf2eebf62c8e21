package provider

import (
	"github.com/cxascode/cxascode/internal/platform"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
)

// newAuthRoleDataSource looks a role up by name.
func newAuthRoleDataSource() datasource.DataSource {
	return &nameLookupDataSource[platform.DomainOrganizationRole]{
		typeSuffix: "_auth_role", what: "role", api: roleAPI,
		id: func(r *platform.DomainOrganizationRole) string { return deref(r.ID) },
	}
}
