resource "genesyscloud_routing_skill" "billing_copy" {
  name = "billing"
}
