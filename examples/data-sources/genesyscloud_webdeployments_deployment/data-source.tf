# A web deployment another project keeps, found by its name.
data "genesyscloud_webdeployments_deployment" "support" {
  name = "Support site"
}
