package provider

import (
	"fmt"
	"net/http"
	"testing"

	"github.com/cxascode/cxascode/internal/platform"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
)

func TestAccSkillGroup(t *testing.T) {
	o := newAccOrg(t)
	const addr = "genesyscloud_routing_skill_group.g"
	deps := `
resource "genesyscloud_auth_division" "support" {
  name = "Support"
}
resource "genesyscloud_routing_skill" "billing" {
  name = "Billing"
}
`
	updated := o.config(deps + `
resource "genesyscloud_routing_skill_group" "g" {
  name                = "Billing experts"
  description         = "Proficiency 4 and up"
  member_division_ids = ["*"]
  skill_conditions = jsonencode([{
    operation = "And"
    routingSkillConditions = [{
      routingSkill    = genesyscloud_routing_skill.billing.name
      comparator      = "GreaterThanOrEqualTo"
      proficiency     = 4
      childConditions = []
    }]
    languageSkillConditions = []
  }])
}
`)
	var st lastState
	o.test(o.checkDestroyed("genesyscloud_routing_skill_group", skillGroupsPath),
		resource.TestStep{
			Config: o.config(deps + `
resource "genesyscloud_routing_skill_group" "g" {
  name                = "Billing"
  division_id         = genesyscloud_auth_division.support.id
  member_division_ids = [genesyscloud_auth_division.support.id]
  skill_conditions = jsonencode([{
    operation = "And"
    routingSkillConditions = [{
      routingSkill = genesyscloud_routing_skill.billing.name
      comparator   = "GreaterThan"
      proficiency  = 2
    }]
  }])
}
` + byNameData("genesyscloud_routing_skill_group", "genesyscloud_routing_skill_group.g")),
			Check: resource.ComposeAggregateTestCheckFunc(
				resource.TestCheckResourceAttrPair(addr, "division_id", "genesyscloud_auth_division.support", "id"),
				resource.TestCheckResourceAttrPair(addr, "member_division_ids.0", "genesyscloud_auth_division.support", "id"),
				resource.TestCheckResourceAttrPair("data.genesyscloud_routing_skill_group.by_name", "id", addr, "id"),
				o.checkExists(addr, skillGroupsPath),
			),
		},
		resource.TestStep{
			// division_id left out: unmanaged, stays where it is.
			Config:           updated,
			ConfigPlanChecks: expectAction(addr, plancheck.ResourceActionUpdate),
			Check: resource.ComposeAggregateTestCheckFunc(
				resource.TestCheckResourceAttr(addr, "name", "Billing experts"),
				resource.TestCheckResourceAttr(addr, "member_division_ids.#", "1"),
				resource.TestCheckResourceAttr(addr, "member_division_ids.0", "*"),
				resource.TestCheckResourceAttrPair(addr, "division_id", "genesyscloud_auth_division.support", "id"),
				st.capture,
			),
		},
		resource.TestStep{ResourceName: addr, ImportState: true, ImportStateVerify: true, ImportStateVerifyIgnore: []string{"skill_conditions"}},
		resource.TestStep{
			// Drift: conditions edited in the org are put back.
			PreConfig: func() {
				o.do(http.MethodPatch, skillGroupsPath+"/"+st.id(addr), platform.SkillGroup{SkillConditions: []platform.SkillGroupCondition{{
					Operation: ptr("And"), RoutingSkillConditions: []platform.SkillGroupRoutingCondition{{
						RoutingSkill: ptr("Billing"), Comparator: ptr("EqualTo"), Proficiency: ptr(1.0)}}}}}, nil)
			},
			Config:           updated,
			ConfigPlanChecks: expectDrift(addr, plancheck.ResourceActionUpdate),
			Check: func(s *terraform.State) error {
				g := orgObject[platform.SkillGroup](o, skillGroupsPath, idOf(s, addr))
				if c := g.SkillConditions; len(c) != 1 || len(c[0].RoutingSkillConditions) != 1 || deref(c[0].RoutingSkillConditions[0].Comparator) != "GreaterThanOrEqualTo" {
					return fmt.Errorf("skill conditions in the org after apply: %+v", c)
				}
				return nil
			},
		},
	)
}
