data "genesyscloud_routing_queue" "callbacks" {
  name = "Callbacks"
}

resource "genesyscloud_flow" "sales" {
  filepath = "${path.module}/flows/sales.yaml"
}
