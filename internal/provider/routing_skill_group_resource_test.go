package provider

import (
	"fmt"
	"net/http"
	"testing"

	"github.com/cxascode/cxascode/internal/platform"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
)

func TestAccSkillGroup(t *testing.T) {
	o := newAccOrg(t)
	const typ, addr = "genesyscloud_routing_skill_group", "genesyscloud_routing_skill_group.g"
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
	o.test(o.checkDestroyed(typ, skillGroupsPath), o.lifecycleSteps(&st, lifecycle{
		addr: addr, apiPath: skillGroupsPath,
		create: o.config(deps + `
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
` + byNameData(typ, addr)),
		createChecks: []resource.TestCheckFunc{
			resource.TestCheckResourceAttrPair(addr, "division_id", "genesyscloud_auth_division.support", "id"),
			resource.TestCheckResourceAttrPair(addr, "member_division_ids.0", "genesyscloud_auth_division.support", "id"),
			foundByName(typ, addr),
		},
		// division_id left out: unmanaged, stays where it is.
		update: updated,
		updateChecks: attrChecks(addr, map[string]string{"name": "Billing experts", "member_division_ids.#": "1", "member_division_ids.0": "*"},
			resource.TestCheckResourceAttrPair(addr, "division_id", "genesyscloud_auth_division.support", "id")),
		importIgnore: []string{"skill_conditions"},
		// Drift: conditions edited in the org are put back.
		editInOrg: func(id string) {
			o.do(http.MethodPatch, skillGroupsPath+"/"+id, platform.SkillGroup{SkillConditions: []platform.SkillGroupCondition{{
				Operation: ptr("And"), RoutingSkillConditions: []platform.SkillGroupRoutingCondition{{
					RoutingSkill: ptr("Billing"), Comparator: ptr("EqualTo"), Proficiency: ptr(1.0)}}}}}, nil)
		},
		restored: inOrg(o, skillGroupsPath, addr, func(g platform.SkillGroup) error {
			if c := g.SkillConditions; len(c) != 1 || len(c[0].RoutingSkillConditions) != 1 || deref(c[0].RoutingSkillConditions[0].Comparator) != "GreaterThanOrEqualTo" {
				return fmt.Errorf("skill conditions in the org after apply: %+v", c)
			}
			return nil
		}),
	})...)
}
