terraform {
  required_providers {
    genesyscloud = {
      source  = "mypurecloud/genesyscloud"
      version = "~> 1.60"
    }
    http = {
      source  = "hashicorp/http"
      version = ">= 3.0"
    }
  }
}
