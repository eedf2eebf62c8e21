resource "genesyscloud_routing_queue" "support" {
  name                    = "Support"
  description             = "First-line support"
  division_id             = data.genesyscloud_auth_division_home.home.id
  skill_evaluation_method = "BEST"
  acw_wrapup_prompt       = "MANDATORY_TIMEOUT"
  acw_timeout_ms          = 300000
  auto_answer_only        = true

  media_settings_call {
    alerting_timeout_sec      = 8
    service_level_percentage  = 0.8
    service_level_duration_ms = 20000
  }

  wrapup_codes = [genesyscloud_routing_wrapupcode.resolved.id]

  # Members are users; their ids come from genesyscloud_user resources or data sources:
  # members {
  #   user_id  = data.genesyscloud_user.agent.id
  #   ring_num = 1
  # }
}

resource "genesyscloud_routing_wrapupcode" "resolved" {
  name = "Resolved"
}

data "genesyscloud_auth_division_home" "home" {}
