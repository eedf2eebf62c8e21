package provider

import (
	"net/http"
	"regexp"
	"testing"

	"github.com/cxascode/cxascode/internal/platform"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
)

// The skill and language collections, which tests set up objects in directly. The
// resources' own lives (create, rename by replacement, lookup, import, deleted in the org)
// are rows of kindAccCases.
const (
	skillsPath    = "/api/v2/routing/skills"
	languagesPath = "/api/v2/routing/languages"
)

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
