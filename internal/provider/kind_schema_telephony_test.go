package provider

import "testing"

// The telephony area's breadth kinds' schemas are the official provider's
// (official-provider-schemas.json), as TestKindSchemasMatchOfficial checks for the other
// regular kinds.
func TestTelephonySchemasMatchOfficial(t *testing.T) {
	checkKindSchemas(t, map[string]map[string]string{
		"genesyscloud_telephony_providers_edges_trunkbasesettings": {
			"id":                 "basetypes.StringType read-only",
			"name":               "basetypes.StringType required",
			"trunk_meta_base_id": "basetypes.StringType required",
			"trunk_type":         "basetypes.StringType required",
			"description":        "basetypes.StringType optional",
			"inbound_site_id":    "basetypes.StringType optional",
			"managed":            "basetypes.BoolType optional",
			"properties":         "basetypes.StringType optional",
			"site_id":            "basetypes.StringType optional",
			"state":              "basetypes.StringType optional",
		},
		"genesyscloud_telephony_providers_edges_site": {
			"id":                                "basetypes.StringType read-only",
			"name":                              "basetypes.StringType required",
			"location_id":                       "basetypes.StringType required",
			"media_model":                       "basetypes.StringType required",
			"description":                       "basetypes.StringType optional",
			"caller_id":                         "basetypes.StringType optional",
			"caller_name":                       "basetypes.StringType optional",
			"edge_auto_update_config":           "block list",
			"edge_auto_update_config.time_zone": "basetypes.StringType required",
			"edge_auto_update_config.rrule":     "basetypes.StringType required",
			"edge_auto_update_config.start":     "basetypes.StringType required",
			"edge_auto_update_config.end":       "basetypes.StringType required",
			"media_regions":                     "types.ListType[basetypes.StringType] optional",
			"media_regions_use_latency_based":   "basetypes.BoolType optional default=false",
			"primary_sites":                     "types.ListType[basetypes.StringType] optional",
			"secondary_sites":                   "types.ListType[basetypes.StringType] optional",
			"managed":                           "basetypes.BoolType read-only",
			"set_as_default_site":               "basetypes.BoolType optional default=false",
			"number_plans":                      "block list",
			"number_plans.name":                 "basetypes.StringType required",
			"number_plans.classification":       "basetypes.StringType required",
			"number_plans.match_type":           "basetypes.StringType required",
			"number_plans.match_format":         "basetypes.StringType optional",
			"number_plans.normalized_format":    "basetypes.StringType optional",
			"number_plans.digit_length":         "block list",
			"number_plans.digit_length.start":   "basetypes.StringType optional",
			"number_plans.digit_length.end":     "basetypes.StringType optional",
			"number_plans.numbers":              "block list",
			"number_plans.numbers.start":        "basetypes.StringType optional",
			"number_plans.numbers.end":          "basetypes.StringType optional",
		},
		"genesyscloud_telephony_providers_edges_extension_pool": {
			"id":           "basetypes.StringType read-only",
			"start_number": "basetypes.StringType required",
			"end_number":   "basetypes.StringType required",
			"description":  "basetypes.StringType optional",
			"division_id":  "basetypes.StringType optional",
		},
	})
}
