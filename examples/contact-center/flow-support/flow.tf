# The support line's inbound call flow (Archy YAML). It names the queues and the data action
# above and the shared skills, language and schedule group; the provider checks at plan time
# that each exists in the org or in this configuration.

resource "genesyscloud_flow" "support" {
  filepath = "${path.module}/flows/support.yaml"

  # The queues and the data action are named only inside the YAML, which OpenTofu cannot see.
  depends_on = [
    genesyscloud_routing_queue.tier1,
    genesyscloud_routing_queue.tier2,
    genesyscloud_integration_action.open_ticket,
  ]
}
