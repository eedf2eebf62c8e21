# A response another project keeps in the shared library, found by its name.
data "genesyscloud_responsemanagement_response" "greeting" {
  name       = "Greeting"
  library_id = "4b2d4e3a-8f4c-4c1e-9d3a-2f6b0c1d7e55"
}
