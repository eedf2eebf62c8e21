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
	"genesyscloud_telephony_providers_edges_trunkbasesettings": {
		create: `resource "genesyscloud_telephony_providers_edges_trunkbasesettings" "it" {
  name               = "Carrier trunk"
  trunk_meta_base_id = "external_sip_pcv_byoc_carrier.json"
  trunk_type         = "EXTERNAL"
  properties = jsonencode({
    trunk_label = { type = "string", value = { default = "", instance = "Carrier A" } }
  })
}
data "genesyscloud_telephony_providers_edges_trunkbasesettings" "by_name" {
  name = genesyscloud_telephony_providers_edges_trunkbasesettings.it.name
}`,
		update: siteLocation + `resource "genesyscloud_telephony_providers_edges_site" "inbound" {
  name        = "Inbound site"
  location_id = genesyscloud_location.branch.id
  media_model = "Cloud"
}
resource "genesyscloud_telephony_providers_edges_trunkbasesettings" "it" {
  name               = "Carrier trunk"
  description        = "Toll-free numbers"
  trunk_meta_base_id = "external_sip_pcv_byoc_carrier.json"
  trunk_type         = "EXTERNAL"
  inbound_site_id    = genesyscloud_telephony_providers_edges_site.inbound.id
  properties = jsonencode({
    trunk_label = { type = "string", value = { default = "", instance = "Carrier B" } }
  })
}`,
		createChecks: map[string]string{"trunk_type": "EXTERNAL", "trunk_meta_base_id": "external_sip_pcv_byoc_carrier.json", "state": "active"},
		updateChecks: map[string]string{"description": "Toll-free numbers"},
		driftPath:    "description", driftValue: "Edited in the UI",
	},
	"genesyscloud_telephony_providers_edges_site": {
		create: siteLocation + `resource "genesyscloud_telephony_providers_edges_site" "it" {
  name        = "Branch office"
  location_id = genesyscloud_location.branch.id
  media_model = "Cloud"
}
data "genesyscloud_telephony_providers_edges_site" "by_name" {
  name = genesyscloud_telephony_providers_edges_site.it.name
}`,
		update: siteLocation + `resource "genesyscloud_telephony_providers_edges_site" "it" {
  name                = "Branch office"
  set_as_default_site = true
  description         = "Branch phones"
  location_id         = genesyscloud_location.branch.id
  media_model         = "Cloud"
  caller_id           = "+13175550100"
  caller_name         = "Branch"
  edge_auto_update_config {
    time_zone = "America/Indianapolis"
    rrule     = "FREQ=WEEKLY;BYDAY=SU"
    start     = "2026-01-04T01:00:00.000000"
    end       = "2026-01-04T05:00:00.000000"
  }
  number_plans {
    name           = "Branch short codes"
    classification = "Branch"
    match_type     = "numberList"
    numbers {
      start = "200"
      end   = "299"
    }
  }
  number_plans {
    name              = "Branch toll free"
    classification    = "Toll free"
    match_type        = "regex"
    match_format      = "^1?(8(00|33|44|55|66|77|88)[2-9]\\d{6})$"
    normalized_format = "+1$1"
  }
}`,
		createChecks: map[string]string{"media_model": "Cloud", "media_regions_use_latency_based": "false", "set_as_default_site": "false",
			"number_plans.#": "0"},
		updateChecks: map[string]string{"description": "Branch phones", "caller_id": "+13175550100", "set_as_default_site": "true",
			"number_plans.#": "2", "number_plans.0.numbers.0.end": "299", "number_plans.1.normalized_format": "+1$1",
			"edge_auto_update_config.0.rrule": "FREQ=WEEKLY;BYDAY=SU"},
		driftPath: "description", driftValue: "Edited in the UI",
	},
}

// siteLocation is the location every site needs.
const siteLocation = `resource "genesyscloud_location" "branch" {
  name = "Branch office"
}
`
