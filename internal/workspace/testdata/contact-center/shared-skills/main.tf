# Skills every line of business routes on; owned here, looked up by name elsewhere.
resource "genesyscloud_routing_skill" "billing" {
  name = "Billing"
}

resource "genesyscloud_routing_skill" "sales" {
  name = "Sales"
}
