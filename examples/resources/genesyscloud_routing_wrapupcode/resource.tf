resource "genesyscloud_routing_wrapupcode" "resolved" {
  name        = "Resolved"
  description = "The customer's issue was resolved"
  division_id = data.genesyscloud_auth_division_home.home.id
}

data "genesyscloud_auth_division_home" "home" {}
