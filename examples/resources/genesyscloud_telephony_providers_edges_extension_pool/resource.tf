resource "genesyscloud_telephony_providers_edges_extension_pool" "agents" {
  start_number = "4000"
  end_number   = "4999"
  description  = "Extensions for the support floor's phones"
}
