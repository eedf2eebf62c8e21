# Wrap-up codes agents choose after a call; queues list the ones that apply to them.

resource "genesyscloud_routing_wrapupcode" "resolved" {
  name = "Resolved"
}

resource "genesyscloud_routing_wrapupcode" "escalated" {
  name = "Escalated"
}

resource "genesyscloud_routing_wrapupcode" "callback_requested" {
  name = "Callback Requested"
}

resource "genesyscloud_routing_wrapupcode" "payment_taken" {
  name = "Payment Taken"
}

resource "genesyscloud_routing_wrapupcode" "sale_closed" {
  name = "Sale Closed"
}
