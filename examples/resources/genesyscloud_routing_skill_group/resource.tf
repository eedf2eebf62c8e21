resource "genesyscloud_routing_skill_group" "billing_experts" {
  name                = "Billing experts"
  description         = "Agents with billing proficiency 4 or more"
  member_division_ids = ["*"]
  skill_conditions = jsonencode([{
    operation = "And"
    routingSkillConditions = [{
      routingSkill = genesyscloud_routing_skill.billing.name
      comparator   = "GreaterThanOrEqualTo"
      proficiency  = 4
    }]
  }])
}

resource "genesyscloud_routing_skill" "billing" {
  name = "Billing"
}
