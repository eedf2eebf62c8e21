resource "genesyscloud_routing_skill" "billing" {
  name = "Billing"

  lifecycle {
    ignore_changes = [name]
  }
}
