resource "genesyscloud_routing_skill" "a" {
  name = "S-A"
}

data "genesyscloud_routing_queue" "b" {
  name = "Q-B"
}
