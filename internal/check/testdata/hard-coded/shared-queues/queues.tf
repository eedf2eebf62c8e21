resource "genesyscloud_routing_queue" "claims" {
  name                 = "Claims"
  description          = "Call us on +13175550100" # prose is not configuration
  calling_party_number = "+13175550100"
}
