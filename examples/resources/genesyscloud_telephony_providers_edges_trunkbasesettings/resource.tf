resource "genesyscloud_telephony_providers_edges_trunkbasesettings" "carrier" {
  name               = "BYOC carrier trunk"
  description        = "SIP trunk to the carrier that terminates our toll-free numbers"
  trunk_meta_base_id = "external_sip_pcv_byoc_carrier.json"
  trunk_type         = "EXTERNAL"
  managed            = false
  properties = jsonencode({
    trunk_label = {
      type = "string"
      value = {
        default  = ""
        instance = "Carrier A"
      }
    }
    trunk_max_dial_timeout = {
      type = "string"
      value = {
        default  = "1m"
        instance = "2m"
      }
    }
  })
}
