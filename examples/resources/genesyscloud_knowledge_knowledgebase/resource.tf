# The articles bots and agents answer billing questions from, written in US English.
resource "genesyscloud_knowledge_knowledgebase" "billing" {
  name          = "Billing help"
  description   = "Invoices, payments and refunds"
  core_language = "en-US"
}
