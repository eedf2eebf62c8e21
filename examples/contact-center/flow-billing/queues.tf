# The billing line's queues; the flow transfers to them by name.

resource "genesyscloud_routing_queue" "payments" {
  name                    = "Billing Payments"
  description             = "Card and bank payments"
  skill_evaluation_method = "BEST"
  acw_wrapup_prompt       = "MANDATORY_TIMEOUT"
  acw_timeout_ms          = 30000
  wrapup_codes = [
    data.genesyscloud_routing_wrapupcode.resolved.id,
    data.genesyscloud_routing_wrapupcode.payment_taken.id,
  ]

  media_settings_call {
    alerting_timeout_sec      = 8
    service_level_percentage  = 0.8
    service_level_duration_ms = 20000
  }

  # Billing specialists first; after 20 s any agent of the queue.
  bullseye_rings {
    expansion_timeout_seconds = 20
    skills_to_remove          = [data.genesyscloud_routing_skill.billing.id]
  }
  bullseye_rings {
    expansion_timeout_seconds = 40
  }
}

resource "genesyscloud_routing_queue" "disputes" {
  name                    = "Billing Disputes"
  description             = "Charges the caller does not recognise"
  skill_evaluation_method = "ALL"
  acw_wrapup_prompt       = "MANDATORY_TIMEOUT"
  acw_timeout_ms          = 60000
  wrapup_codes = [
    data.genesyscloud_routing_wrapupcode.resolved.id,
    data.genesyscloud_routing_wrapupcode.escalated.id,
  ]

  bullseye_rings {
    expansion_timeout_seconds = 30
    skills_to_remove          = [data.genesyscloud_routing_skill.retention.id]
  }
  bullseye_rings {
    expansion_timeout_seconds = 60
  }
}
