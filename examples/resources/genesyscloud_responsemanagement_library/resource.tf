# A library of canned responses that agents use in chats and emails.
resource "genesyscloud_responsemanagement_library" "support" {
  name = "Support answers"
}
