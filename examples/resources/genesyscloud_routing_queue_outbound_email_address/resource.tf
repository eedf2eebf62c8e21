# Outbound email of the sales queue is sent from orders@sales.example.com.
resource "genesyscloud_routing_queue" "sales" {
  name = "Sales"
}

resource "genesyscloud_routing_email_domain" "sales" {
  domain_id = "sales.example.com"
}

resource "genesyscloud_routing_email_route" "orders" {
  domain_id = genesyscloud_routing_email_domain.sales.id
  pattern   = "orders"
  from_name = "Example Sales"
  queue_id  = genesyscloud_routing_queue.sales.id
}

resource "genesyscloud_routing_queue_outbound_email_address" "sales" {
  queue_id  = genesyscloud_routing_queue.sales.id
  domain_id = genesyscloud_routing_email_domain.sales.id
  route_id  = genesyscloud_routing_email_route.orders.id
}
