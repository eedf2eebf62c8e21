# The support domain's "help" route, which another project owns, to reply from.
data "genesyscloud_routing_email_route" "help" {
  domain_id = "support.example.com"
  pattern   = "help"
}
