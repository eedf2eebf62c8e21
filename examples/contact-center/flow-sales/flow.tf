# The sales line's inbound call flow (Archy YAML). It names the queues above and the shared
# skills, languages and schedule group; the provider checks at plan time that each exists in
# the org or in this configuration.

resource "genesyscloud_flow" "sales" {
  filepath = "${path.module}/flows/sales.yaml"

  # The queues are named only inside the YAML, which OpenTofu cannot see.
  depends_on = [
    genesyscloud_routing_queue.new_business,
    genesyscloud_routing_queue.renewals,
  ]
}
