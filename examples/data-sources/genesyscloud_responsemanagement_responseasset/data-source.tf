# Finds an asset another project uploaded by its name, e.g. to attach it to a response.
data "genesyscloud_responsemanagement_responseasset" "logo" {
  name = "logo.svg"
}
