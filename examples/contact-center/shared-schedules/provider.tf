terraform {
  required_providers {
    genesyscloud = {
      source = "mypurecloud/genesyscloud"
    }
  }
}

# Credentials and the org's address come from the environment cx sets per environment
# (GENESYSCLOUD_OAUTHCLIENT_ID, GENESYSCLOUD_OAUTHCLIENT_SECRET, GENESYSCLOUD_REGION or the
# gateway of the local org), so the same files deploy to dev, test and prod.
provider "genesyscloud" {}
