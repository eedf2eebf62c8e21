# A canned greeting agents send in chats, with the customer's name filled in when it is used.
resource "genesyscloud_responsemanagement_library" "support" {
  name = "Support answers"
}

resource "genesyscloud_responsemanagement_response" "greeting" {
  name             = "Greeting"
  library_ids      = [genesyscloud_responsemanagement_library.support.id]
  interaction_type = "chat"
  texts {
    content      = "Hello {{customer_name}}, thank you for contacting us. How can I help?"
    content_type = "text/plain"
  }
  substitutions {
    id            = "customer_name"
    description   = "The customer's first name"
    default_value = "there"
  }
}
