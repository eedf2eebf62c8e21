# Customers may send pictures and PDFs; agents may send pictures only.
resource "genesyscloud_conversations_messaging_supportedcontent" "pictures" {
  name = "Pictures and documents"
  media_types {
    allow {
      inbound {
        type = "image/*"
      }
      inbound {
        type = "application/pdf"
      }
      outbound {
        type = "image/*"
      }
    }
  }
}
