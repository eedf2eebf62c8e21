resource "genesyscloud_flow" "billing" {
  filepath = "${path.module}/flows/billing.yaml"
}

# Sales transfers here too, so it is not billing's alone.
resource "genesyscloud_routing_queue" "callbacks" {
  name        = "Callbacks"
  description = "Callers who asked to be called back"
}
