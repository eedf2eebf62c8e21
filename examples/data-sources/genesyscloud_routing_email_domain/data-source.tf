# An email domain another project owns, found by its domain name.
data "genesyscloud_routing_email_domain" "support" {
  name = "support.example.com"
}
