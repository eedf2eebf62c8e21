# Messaging settings another project keeps, found by their name.
data "genesyscloud_conversations_messaging_settings" "social" {
  name = "Social channels"
}
