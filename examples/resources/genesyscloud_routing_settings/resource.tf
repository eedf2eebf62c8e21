# The org's routing settings. There is one set per org: applying writes these values over the
# org's, and destroying the resource puts the org's defaults back for the settings themselves.
# The contact center and transcription blocks are settings of their own: a block left out is
# left as it is in the org, and destroying the resource leaves both as they are.
resource "genesyscloud_routing_settings" "org" {
  reset_agent_on_presence_change = true

  contactcenter {
    remove_skills_from_blind_transfer = true
  }

  # Transcribe every voice interaction, keeping what the engine is at least 60% sure of, and
  # redact card numbers and personal data from the transcripts.
  transcription {
    transcription                      = "EnabledGlobally"
    transcription_confidence_threshold = 60
    content_search_enabled             = true
    pci_dss_redaction_enabled          = true
    pii_redaction_enabled              = true
  }
}
