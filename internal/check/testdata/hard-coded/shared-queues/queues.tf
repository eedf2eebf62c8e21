resource "genesyscloud_routing_queue" "claims" {
  name                 = "Claims"
  description          = "Call us on +13175550100" # prose is not configuration
  calling_party_number = "+13175550100"
}

# A user's email is what other projects find the user by in every environment: not reported.
resource "genesyscloud_user" "ann" {
  name  = "Ann"
  email = "ann@example.com"
}
