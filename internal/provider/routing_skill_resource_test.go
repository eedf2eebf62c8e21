package provider

import (
	"net/http"
	"regexp"
	"testing"

	"github.com/cxascode/cxascode/internal/platform"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
)

const skillsPath = "/api/v2/routing/skills"

func TestAccRoutingSkill(t *testing.T) {
	testImmutableNamedResource(t, immutableNamedCase{
		tfType: "genesyscloud_routing_skill", label: "s", apiPath: skillsPath,
		first: "Billing", renamed: "Billing EMEA",
		createdChecks: []resource.TestCheckFunc{resource.TestCheckResourceAttrSet("genesyscloud_routing_skill.s", "id")},
	})
}

// TestAccRoutingSkillConflict checks that an API error reaches the user with what they need
// to act on it: the attribute, status, code, message and correlation id.
func TestAccRoutingSkillConflict(t *testing.T) {
	o := newAccOrg(t)
	var existing platform.RoutingSkill
	o.do(http.MethodPost, skillsPath, platform.CreateRoutingSkill{Name: ptr("Taken")}, &existing)
	o.test(nil,
		resource.TestStep{
			Config: o.config(`
resource "genesyscloud_routing_skill" "s" {
  name = "Taken"
}
`),
			ExpectError: regexp.MustCompile(`(?s)Could not create routing skill "Taken".*genesyscloud_routing_skill\.s.*name\s+=\s+"Taken".*POST /api/v2/routing/skills.*409.*general\.conflict.*correlation id:\s+[0-9a-f-]{36}`),
		},
	)
}
