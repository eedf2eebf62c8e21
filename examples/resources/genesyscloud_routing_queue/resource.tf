resource "genesyscloud_routing_queue" "support" {
  name                             = "Support"
  description                      = "First-line support"
  division_id                      = data.genesyscloud_auth_division_home.home.id
  skill_evaluation_method          = "BEST"
  scoring_method                   = "TimestampAndPriority"
  last_agent_routing_mode          = "QueueMembersOnly"
  acw_wrapup_prompt                = "MANDATORY_TIMEOUT"
  acw_timeout_ms                   = 300000
  auto_answer_only                 = true
  enable_transcription             = true
  enable_manual_assignment         = false
  suppress_in_queue_call_recording = true
  calling_party_name               = "Example Inc."
  calling_party_number             = "+13175550123"

  # Flows, prompts and scripts are referenced by id, e.g.
  # queue_flow_id      = data.genesyscloud_flow.in_queue.id
  # whisper_prompt_id  = data.genesyscloud_architect_user_prompt.whisper.id
  # default_script_ids = { CALL = data.genesyscloud_script.call.id }

  media_settings_call {
    alerting_timeout_sec      = 8
    service_level_percentage  = 0.8
    service_level_duration_ms = 20000
  }

  media_settings_callback {
    alerting_timeout_sec      = 30
    mode                      = "AgentFirst"
    service_level_percentage  = 0.8
    service_level_duration_ms = 20000
  }

  media_settings_email {
    alerting_timeout_sec      = 300
    service_level_percentage  = 0.8
    service_level_duration_ms = 86400000
  }

  media_settings_message {
    alerting_timeout_sec      = 30
    service_level_percentage  = 0.8
    service_level_duration_ms = 20000
    sub_type_settings {
      media_type         = "webmessaging"
      enable_auto_answer = true
    }
  }

  routing_rules {
    operator     = "MEETS_THRESHOLD"
    threshold    = 9
    wait_seconds = 300
  }

  bullseye_rings {
    expansion_timeout_seconds = 15
    skills_to_remove          = [genesyscloud_routing_skill.billing.id]
  }
  bullseye_rings {
    expansion_timeout_seconds = 30
  }

  direct_routing {
    agent_wait_seconds = 60
    wait_for_agent     = false
  }

  wrapup_codes = [genesyscloud_routing_wrapupcode.resolved.id]

  # Members are users; their ids come from genesyscloud_user resources or data sources:
  # members {
  #   user_id  = data.genesyscloud_user.agent.id
  #   ring_num = 1
  # }
  # Left out, members are not managed; `members = []` removes every member.
  # Groups, teams and skill groups whose members join the queue:
  # groups       = [genesyscloud_group.tier2.id]
  # skill_groups = [genesyscloud_routing_skill_group.billing_experts.id]
}

resource "genesyscloud_routing_skill" "billing" {
  name = "Billing"
}

resource "genesyscloud_routing_wrapupcode" "resolved" {
  name = "Resolved"
}

data "genesyscloud_auth_division_home" "home" {}
