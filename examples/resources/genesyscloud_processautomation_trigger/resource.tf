# Starts the survey workflow when a customer ends a chat, at most a minute after the event.
# The target id is the workflow's flow id (from a genesyscloud_flow resource or data source).
resource "genesyscloud_processautomation_trigger" "chat_survey" {
  name       = "Survey after chat"
  topic_name = "v2.detail.events.conversation.{id}.customer.end"
  enabled    = true
  target {
    id   = "7c3a9f2e-51d4-4b8e-9a61-0f2d8c4e3b17"
    type = "Workflow"
    workflow_target_settings {
      data_format = "Json"
    }
  }
  match_criteria = jsonencode([
    {
      jsonPath = "mediaType"
      operator = "Equal"
      value    = "CHAT"
    }
  ])
  event_ttl_seconds = 60
}
