package provider

// telephonyAccCases are the acceptance rows of the telephony area's regular kinds; see
// kindAccCase. TestAccTelephonyDidPool tests the DID pool further (its range data source,
// plan-time E.164 checks).
var telephonyAccCases = map[string]kindAccCase{
	"genesyscloud_telephony_providers_edges_did_pool": {
		create: `resource "genesyscloud_telephony_providers_edges_did_pool" "it" {
  start_phone_number = "+13175557000"
  end_phone_number   = "+13175557099"
}`,
		update: `resource "genesyscloud_telephony_providers_edges_did_pool" "it" {
  start_phone_number = "+13175557000"
  end_phone_number   = "+13175557199"
  description        = "Sales numbers"
}`,
		createChecks: map[string]string{"start_phone_number": "+13175557000", "end_phone_number": "+13175557099"},
		updateChecks: map[string]string{"end_phone_number": "+13175557199", "description": "Sales numbers"},
		driftPath:    "comments", driftValue: "Edited in the UI",
	},
	"genesyscloud_telephony_providers_edges_extension_pool": {
		create: `resource "genesyscloud_telephony_providers_edges_extension_pool" "it" {
  start_number = "4000"
  end_number   = "4999"
}
data "genesyscloud_telephony_providers_edges_extension_pool" "by_range" {
  start_number = genesyscloud_telephony_providers_edges_extension_pool.it.start_number
  end_number   = genesyscloud_telephony_providers_edges_extension_pool.it.end_number
}`,
		update: `resource "genesyscloud_telephony_providers_edges_extension_pool" "it" {
  start_number = "4000"
  end_number   = "4999"
  description  = "Support floor"
}`,
		createChecks: map[string]string{"start_number": "4000", "end_number": "4999"},
		updateChecks: map[string]string{"description": "Support floor"},
		driftPath:    "description", driftValue: "Edited in the UI",
	},
}
