resource "genesyscloud_flow" "billing" {
  filepath          = "${path.module}/flows/billing.yaml"
  file_content_hash = filesha256("${path.module}/flows/billing.yaml")
  substitutions = {
    hours = "Billing Hours"
  }
  depends_on = [genesyscloud_routing_queue.billing]
}
