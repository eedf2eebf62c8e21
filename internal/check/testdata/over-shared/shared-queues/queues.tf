# Only flow-claims uses this queue.
resource "genesyscloud_routing_queue" "claims" {
  name        = "Claims"
  description = "Insurance claims"
}
