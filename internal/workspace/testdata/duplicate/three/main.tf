data "genesyscloud_routing_skill" "billing" {
  name = "Billing"
}
