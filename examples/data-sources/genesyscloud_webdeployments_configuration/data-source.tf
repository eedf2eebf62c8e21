# A Messenger configuration another project keeps, found by its name.
data "genesyscloud_webdeployments_configuration" "support" {
  name = "Support site messenger"
}
