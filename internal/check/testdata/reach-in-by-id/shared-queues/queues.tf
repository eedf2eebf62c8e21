resource "genesyscloud_routing_queue" "claims" {
  name          = "Claims"
  queue_flow_id = "3fa85f64-5717-4562-b3fc-2c963f66afa6"
  description   = "Insurance claims"
}
