resource "genesyscloud_group" "billing" {
  name        = "Billing agents"
  description = "Everyone who answers billing questions"
  visibility  = "public"
  owner_ids   = [genesyscloud_user.lead.id]
  member_ids  = [genesyscloud_user.lead.id]

  # Leave voicemail_policy out to manage the group's voicemail in the UI.
  voicemail_policy {
    send_email_notifications     = true
    include_email_transcriptions = true
  }
}

resource "genesyscloud_user" "lead" {
  email = "lead@example.com"
  name  = "Lee Lead"
}
