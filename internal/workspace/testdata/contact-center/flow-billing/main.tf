terraform {
  required_providers {
    genesyscloud = {
      source = "mypurecloud/genesyscloud"
    }
  }
}

# Owned by shared-skills; the name is case-insensitive in Genesys Cloud.
data "genesyscloud_routing_skill" "billing" {
  name = "billing"
}

resource "genesyscloud_routing_queue" "billing" {
  name = "Billing"
}
