# The customer's own domain, on which inbound email is received and from which replies are
# sent, with bounces going to a MAIL FROM subdomain of it.
resource "genesyscloud_routing_email_domain" "support" {
  domain_id        = "support.example.com"
  mail_from_domain = "mail.support.example.com"
}

# A Genesys-hosted subdomain: the org's regional domain is appended to the label, so the
# domain's id is "acme.mypurecloud.com" and email routes name it so.
resource "genesyscloud_routing_email_domain" "hosted" {
  domain_id = "acme"
  subdomain = true
}
