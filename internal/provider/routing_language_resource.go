package provider

import (
	"time"

	"github.com/cxascode/cxascode/internal/platform"
	"github.com/hashicorp/terraform-plugin-framework/resource"
)

// newRoutingLanguageResource is genesyscloud_routing_language: name only, rename = replace.
func newRoutingLanguageResource() resource.Resource {
	return newImmutableNamedResource("_routing_language", "routing language", languageAPI,
		func(name string) any { return platform.Language{Name: &name} },
		func(l *platform.Language) string { return deref(l.ID) })
}

// languageAPI is the API seam for routing languages: like skills, soft-deleted and immutable.
func languageAPI(c *platform.Client) entityAPI[platform.Language] {
	return entityAPI[platform.Language]{
		client:        c,
		path:          "/api/v2/routing/languages",
		name:          func(l *platform.Language) string { return deref(l.Name) },
		softDeleted:   func(l *platform.Language) bool { return deref(l.State) == "deleted" },
		deleteTimeout: 30 * time.Second,
	}
}
