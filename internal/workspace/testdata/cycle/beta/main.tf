resource "genesyscloud_routing_queue" "b" {
  name = "Q-B"
}

data "genesyscloud_group" "c" {
  name = "G-C"
}
