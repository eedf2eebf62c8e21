data "genesyscloud_routing_skill" "a" {
  name = "S-A"
}
