resource "genesyscloud_group" "c" {
  name = "G-C"
}

data "genesyscloud_routing_skill" "a" {
  name = "S-A"
}
