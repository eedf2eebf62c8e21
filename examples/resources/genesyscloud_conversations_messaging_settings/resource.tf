# Messaging settings for social channels: agents see mentions of the brand in stories and
# replies to its stories, and both sides see when the other is typing.
resource "genesyscloud_conversations_messaging_settings" "social" {
  name = "Social channels"
  content {
    story {
      mention {
        inbound = "Enabled"
      }
      reply {
        inbound = "Enabled"
      }
    }
  }
  event {
    typing {
      on {
        inbound  = "Enabled"
        outbound = "Enabled"
      }
    }
  }
}
