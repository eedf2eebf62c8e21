terraform {
  required_providers {
    genesyscloud = {
      source = "mypurecloud/genesyscloud"
    }
  }
}

# A real org: credentials usually come from GENESYSCLOUD_OAUTHCLIENT_ID and
# GENESYSCLOUD_OAUTHCLIENT_SECRET, the region from GENESYSCLOUD_REGION.
provider "genesyscloud" {
  aws_region = "eu-west-1"
}

# The cxascode local org (`cx org serve`) instead: one gateway serves /oauth/token and /api/v2.
#
# provider "genesyscloud" {
#   oauthclient_id     = var.client_id
#   oauthclient_secret = var.client_secret
#   gateway {
#     host     = "127.0.0.1"
#     port     = "8080"
#     protocol = "http"
#   }
# }
