resource "genesyscloud_routing_language" "german" {
  name = "German"
}
