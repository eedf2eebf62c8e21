# A knowledge base another project keeps, found by its name and language.
data "genesyscloud_knowledge_knowledgebase" "billing" {
  name          = "Billing help"
  core_language = "en-US"
}
