package provider

import (
	"net/http"
	"regexp"
	"testing"

	"github.com/cxascode/cxascode/internal/platform"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
)

const skillsPath = "/api/v2/routing/skills"

func TestAccRoutingSkill(t *testing.T) {
	o := newAccOrg(t)
	skill := func(name string) string {
		return o.config(`
resource "genesyscloud_routing_skill" "s" {
  name = "` + name + `"
}
data "genesyscloud_routing_skill" "by_name" {
  name = genesyscloud_routing_skill.s.name
}
`)
	}
	var st lastState
	o.test(o.checkDestroyed("genesyscloud_routing_skill", skillsPath),
		resource.TestStep{
			Config: skill("Billing"),
			Check: resource.ComposeAggregateTestCheckFunc(
				resource.TestCheckResourceAttr("genesyscloud_routing_skill.s", "name", "Billing"),
				resource.TestCheckResourceAttrSet("genesyscloud_routing_skill.s", "id"),
				resource.TestCheckResourceAttrPair("data.genesyscloud_routing_skill.by_name", "id", "genesyscloud_routing_skill.s", "id"),
				o.checkExists("genesyscloud_routing_skill.s", skillsPath),
				st.capture,
			),
		},
		resource.TestStep{
			// A new name replaces the skill; the old one must be gone from the org.
			Config:           skill("Billing EMEA"),
			ConfigPlanChecks: expectAction("genesyscloud_routing_skill.s", plancheck.ResourceActionReplace),
			Check: resource.ComposeAggregateTestCheckFunc(
				resource.TestCheckResourceAttr("genesyscloud_routing_skill.s", "name", "Billing EMEA"),
				func(*terraform.State) error {
					return o.expectGone(skillsPath + "/" + st.id("genesyscloud_routing_skill.s"))
				},
				st.capture,
			),
		},
		importStep("genesyscloud_routing_skill.s"),
		resource.TestStep{
			// Drift: the skill is deleted in the org; the plan must notice and apply recreate it.
			PreConfig:        func() { o.do(http.MethodDelete, skillsPath+"/"+st.id("genesyscloud_routing_skill.s"), nil, nil) },
			Config:           skill("Billing EMEA"),
			ConfigPlanChecks: expectDrift("genesyscloud_routing_skill.s", plancheck.ResourceActionCreate),
			Check:            o.checkExists("genesyscloud_routing_skill.s", skillsPath),
		},
	)
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
