# The company's own do-not-call list, for phone numbers of customers who asked not to be
# called again.
resource "genesyscloud_outbound_dnclist" "internal" {
  name            = "Customers who opted out"
  dnc_source_type = "rds"
  contact_method  = "Phone"
}
