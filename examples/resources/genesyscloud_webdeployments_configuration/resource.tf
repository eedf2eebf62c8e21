# The Messenger of the support site: English and Spanish, the launcher always shown, and
# co-browse for voice calls with the payment form masked. Every apply that changes it
# publishes a new version.
resource "genesyscloud_webdeployments_configuration" "support" {
  name             = "Support site messenger"
  description      = "Messenger shown on support.example.com"
  languages        = ["en-us", "es"]
  default_language = "en-us"
  messenger {
    enabled = true
    styles {
      primary_color = "#1e6ff1"
    }
    launcher_button {
      visibility = "On"
    }
    file_upload {
      enable_attachments = true
      mode {
        file_types       = ["image/png", "image/jpeg"]
        max_file_size_kb = 5120
      }
    }
    apps {
      conversations {
        enabled                     = true
        show_agent_typing_indicator = true
        markdown_enabled            = true
      }
    }
  }
  position {
    alignment    = "Right"
    side_space   = 20
    bottom_space = 20
  }
  cobrowse {
    enabled        = true
    channels       = ["Voice"]
    mask_selectors = ["#card-number"]
  }
}
