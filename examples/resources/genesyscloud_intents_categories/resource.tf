# A category of the customer intent taxonomy: intents detected in conversations are grouped
# under it for reporting.
resource "genesyscloud_intents_categories" "billing" {
  name        = "Billing"
  description = "Questions about invoices and card payments"
}
