# Skills have no description in the API, so only the wrap-up code without one is reported.
resource "genesyscloud_routing_skill" "billing" {
  name = "Billing"
}

resource "genesyscloud_routing_wrapupcode" "resolved" {
  name        = "Resolved"
  description = "The caller's question was answered"
}

resource "genesyscloud_routing_wrapupcode" "escalated" {
  name = "Escalated"
}
