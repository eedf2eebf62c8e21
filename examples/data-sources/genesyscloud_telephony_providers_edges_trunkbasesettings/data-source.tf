# Another project's trunk base settings, found by name.
data "genesyscloud_telephony_providers_edges_trunkbasesettings" "carrier" {
  name = "BYOC carrier trunk"
}
