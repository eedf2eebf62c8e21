data "genesyscloud_routing_queue" "claims" {
  name = "Claims"
}

resource "genesyscloud_flow" "claims" {
  filepath = "${path.module}/flows/claims.yaml"
}
