resource "genesyscloud_group" "billing" {
  name        = "Billing agents"
  description = "Everyone who answers billing questions"
  visibility  = "public"
  owner_ids   = [genesyscloud_user.lead.id]
  member_ids  = [genesyscloud_user.lead.id]
}

resource "genesyscloud_user" "lead" {
  email = "lead@example.com"
  name  = "Lee Lead"
}
