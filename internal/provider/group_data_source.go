package provider

import (
	"github.com/cxascode/cxascode/internal/platform"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
)

// newGroupDataSource looks a group up by name. The group list has no name filter, so the
// lookup pages through all groups (at 100 a page).
func newGroupDataSource() datasource.DataSource {
	return &nameLookupDataSource[platform.Group]{
		typeSuffix: "_group", what: "group", api: groupAPI,
		id: func(g *platform.Group) string { return deref(g.ID) },
	}
}
