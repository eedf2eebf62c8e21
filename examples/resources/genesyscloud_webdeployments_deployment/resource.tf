# The support site's Messenger, allowed on two domains. The configuration's version is the
# one it publishes: a new version reaches the site when this deployment is applied again.
resource "genesyscloud_webdeployments_configuration" "support" {
  name             = "Support site messenger"
  languages        = ["en-us"]
  default_language = "en-us"
}

resource "genesyscloud_webdeployments_deployment" "support" {
  name            = "Support site"
  description     = "support.example.com and its help center"
  allowed_domains = ["support.example.com", "help.example.com"]
  configuration {
    id      = genesyscloud_webdeployments_configuration.support.id
    version = genesyscloud_webdeployments_configuration.support.version
  }
}
