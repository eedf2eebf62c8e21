resource "genesyscloud_routing_skill" "billing" {
  name = "Billing"
}
