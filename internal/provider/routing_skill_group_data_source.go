package provider

import (
	"github.com/cxascode/cxascode/internal/platform"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
)

// newRoutingSkillGroupDataSource looks a skill group up by name.
func newRoutingSkillGroupDataSource() datasource.DataSource {
	return &nameLookupDataSource[platform.SkillGroup]{
		typeSuffix: "_routing_skill_group", what: "skill group", api: skillGroupAPI,
		id: func(g *platform.SkillGroup) string { return deref(g.ID) },
	}
}
