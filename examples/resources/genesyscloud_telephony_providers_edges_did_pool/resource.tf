resource "genesyscloud_telephony_providers_edges_did_pool" "main" {
  start_phone_number = "+13175550000"
  end_phone_number   = "+13175550099"
  description        = "Main support numbers"
  comments           = "Ported from the old carrier"
  pool_provider      = "PURE_CLOUD"
}
