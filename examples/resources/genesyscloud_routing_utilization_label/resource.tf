# A label that utilization settings can give its own capacity, e.g. VIP interactions that an
# agent handles one at a time.
resource "genesyscloud_routing_utilization_label" "vip" {
  name = "VIP"
}
