# Campaigns using this set hang up on answering machines and fax lines and hand live people
# to an agent.
resource "genesyscloud_outbound_callanalysisresponseset" "live_people_only" {
  name                           = "Live people only"
  beep_detection_enabled         = false
  amd_speech_distinguish_enabled = true
  live_speaker_detection_mode    = "Medium"
  responses {
    callable_machine {
      reaction_type = "hangup"
    }
    callable_fax {
      reaction_type = "hangup"
    }
    callable_person {
      reaction_type = "transfer"
    }
  }
}
