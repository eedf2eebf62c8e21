package provider

import (
	"testing"
)

const languagesPath = "/api/v2/routing/languages"

func TestAccRoutingLanguage(t *testing.T) {
	testImmutableNamedResource(t, immutableNamedCase{
		tfType: "genesyscloud_routing_language", label: "l", apiPath: languagesPath,
		first: "German", renamed: "Swiss German",
	})
}
