# The wrap-up codes the queues offer exist under the names the queues use.

object "resolved" {
  type = "genesyscloud_routing_wrapupcode"
  name = "Resolved"
}

object "escalated" {
  type = "genesyscloud_routing_wrapupcode"
  name = "Escalated"
}

object "callback requested" {
  type = "genesyscloud_routing_wrapupcode"
  name = "Callback Requested"
}

object "payment taken" {
  type = "genesyscloud_routing_wrapupcode"
  name = "Payment Taken"
}

object "sale closed" {
  type = "genesyscloud_routing_wrapupcode"
  name = "Sale Closed"
}
