resource "genesyscloud_routing_wrapupcode" "other" {
  name = "Other"
}
