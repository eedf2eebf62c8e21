package provider

import (
	"time"

	"github.com/cxascode/cxascode/internal/platform"
	"github.com/hashicorp/terraform-plugin-framework/resource"
)

// newRoutingSkillResource is genesyscloud_routing_skill: name only, rename = replace.
func newRoutingSkillResource() resource.Resource {
	return newImmutableNamedResource("_routing_skill", "routing skill", skillAPI,
		func(name string) any { return platform.CreateRoutingSkill{Name: &name} },
		func(s *platform.RoutingSkill) string { return deref(s.ID) })
}

// skillAPI is the API seam for routing skills: soft-deleted (state "deleted"), immutable names.
func skillAPI(c *platform.Client) entityAPI[platform.RoutingSkill] {
	return entityAPI[platform.RoutingSkill]{
		client:        c,
		path:          "/api/v2/routing/skills",
		name:          func(s *platform.RoutingSkill) string { return deref(s.Name) },
		softDeleted:   func(s *platform.RoutingSkill) bool { return deref(s.State) == "deleted" },
		deleteTimeout: 30 * time.Second,
	}
}
