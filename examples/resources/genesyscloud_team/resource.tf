# A team groups agents for reporting and coaching. member_ids, when set, is the complete list
# of members; left out, the team's members are managed elsewhere (in the UI or by Workforce
# Management) and left as they are.
data "genesyscloud_auth_division_home" "home" {}

resource "genesyscloud_user" "lead" {
  name  = "Lena Lead"
  email = "lena.lead@example.com"
}

resource "genesyscloud_user" "agent" {
  name  = "Arno Agent"
  email = "arno.agent@example.com"
}

resource "genesyscloud_team" "billing" {
  name        = "Billing squad"
  description = "Invoices, refunds and card payments"
  division_id = data.genesyscloud_auth_division_home.home.id
  member_ids  = [genesyscloud_user.lead.id, genesyscloud_user.agent.id]
}
