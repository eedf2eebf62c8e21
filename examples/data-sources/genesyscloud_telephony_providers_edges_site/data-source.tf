# Another project's site, found by name.
data "genesyscloud_telephony_providers_edges_site" "indianapolis" {
  name = "Indianapolis"
}
