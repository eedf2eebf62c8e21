# The sales line's queues; the flow transfers to them by name.

resource "genesyscloud_routing_queue" "new_business" {
  name                    = "Sales New Business"
  description             = "New customers"
  skill_evaluation_method = "BEST"
  acw_wrapup_prompt       = "OPTIONAL"
  wrapup_codes = [
    data.genesyscloud_routing_wrapupcode.sale_closed.id,
    data.genesyscloud_routing_wrapupcode.callback_requested.id,
  ]

  bullseye_rings {
    expansion_timeout_seconds = 15
    skills_to_remove          = [data.genesyscloud_routing_skill.sales.id]
  }
  bullseye_rings {
    expansion_timeout_seconds = 30
  }
}

resource "genesyscloud_routing_queue" "renewals" {
  name                    = "Sales Renewals"
  description             = "Customers renewing or thinking of leaving"
  skill_evaluation_method = "ALL"
  acw_wrapup_prompt       = "OPTIONAL"
  wrapup_codes = [
    data.genesyscloud_routing_wrapupcode.sale_closed.id,
    data.genesyscloud_routing_wrapupcode.callback_requested.id,
  ]

  bullseye_rings {
    expansion_timeout_seconds = 20
    skills_to_remove          = [data.genesyscloud_routing_skill.retention.id]
  }
  bullseye_rings {
    expansion_timeout_seconds = 40
  }
}
