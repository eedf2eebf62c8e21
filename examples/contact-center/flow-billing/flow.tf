# The billing line's inbound call flow (Archy YAML). It names the queues above and the shared
# skills, language and schedule group; the provider checks at plan time that each exists in
# the org or in this configuration.

resource "genesyscloud_flow" "billing" {
  filepath = "${path.module}/flows/billing.yaml"

  # The queues are named only inside the YAML, which OpenTofu cannot see.
  depends_on = [
    genesyscloud_routing_queue.payments,
    genesyscloud_routing_queue.disputes,
  ]
}
