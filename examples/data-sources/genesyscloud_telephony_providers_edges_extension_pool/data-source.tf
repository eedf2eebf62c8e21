# Another project's extension pool, found by its range.
data "genesyscloud_telephony_providers_edges_extension_pool" "agents" {
  start_number = "4000"
  end_number   = "4999"
}
