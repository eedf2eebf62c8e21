# The support line's queues; the flow transfers to them by name.

resource "genesyscloud_routing_queue" "tier1" {
  name                    = "Support Tier 1"
  description             = "First-line technical support"
  skill_evaluation_method = "BEST"
  acw_wrapup_prompt       = "MANDATORY_TIMEOUT"
  acw_timeout_ms          = 30000
  wrapup_codes = [
    data.genesyscloud_routing_wrapupcode.resolved.id,
    data.genesyscloud_routing_wrapupcode.escalated.id,
    data.genesyscloud_routing_wrapupcode.callback_requested.id,
  ]

  media_settings_call {
    alerting_timeout_sec      = 8
    service_level_percentage  = 0.8
    service_level_duration_ms = 30000
  }
}

resource "genesyscloud_routing_queue" "tier2" {
  name                    = "Support Tier 2"
  description             = "Callers with an open ticket"
  skill_evaluation_method = "ALL"
  acw_wrapup_prompt       = "MANDATORY_TIMEOUT"
  acw_timeout_ms          = 120000
  wrapup_codes = [
    data.genesyscloud_routing_wrapupcode.resolved.id,
    data.genesyscloud_routing_wrapupcode.callback_requested.id,
  ]

  bullseye_rings {
    expansion_timeout_seconds = 45
    skills_to_remove          = [data.genesyscloud_routing_skill.technical_support.id]
  }
  bullseye_rings {
    expansion_timeout_seconds = 90
  }
}
