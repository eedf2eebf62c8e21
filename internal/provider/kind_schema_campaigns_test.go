package provider

import (
	"context"
	"testing"
)

// The campaign kinds' schemas are the official provider's (official-provider-schemas.json),
// as TestKindSchemasMatchOfficial checks for the other regular kinds.
func TestCampaignSchemasMatchOfficial(t *testing.T) {
	ctx := context.Background()
	for typ, want := range map[string]map[string]string{
		"genesyscloud_outbound_ruleset": {
			"name":                             "basetypes.StringType required",
			"contact_list_id":                  "basetypes.StringType optional",
			"queue_id":                         "basetypes.StringType optional",
			"rules":                            "block list",
			"rules.actions":                    "block list",
			"rules.actions.action_type_name":   "basetypes.StringType required",
			"rules.actions.type":               "basetypes.StringType required",
			"rules.actions.agent_wrapup_field": "basetypes.StringType optional",
			"rules.actions.call_analysis_result_field":                                          "basetypes.StringType optional",
			"rules.actions.contact_column_to_data_action_field_mappings":                        "block list",
			"rules.actions.contact_column_to_data_action_field_mappings.contact_column_name":    "basetypes.StringType required",
			"rules.actions.contact_column_to_data_action_field_mappings.data_action_field":      "basetypes.StringType required",
			"rules.actions.contact_id_field":                                                    "basetypes.StringType optional",
			"rules.actions.data_action_id":                                                      "basetypes.StringType optional",
			"rules.actions.properties":                                                          "types.MapType[basetypes.StringType] optional",
			"rules.actions.update_option":                                                       "basetypes.StringType optional",
			"rules.category":                                                                    "basetypes.StringType required",
			"rules.conditions":                                                                  "block list",
			"rules.conditions.agent_wrapup_field":                                               "basetypes.StringType optional",
			"rules.conditions.attribute_name":                                                   "basetypes.StringType optional",
			"rules.conditions.call_analysis_result_field":                                       "basetypes.StringType optional",
			"rules.conditions.codes":                                                            "types.ListType[basetypes.StringType] optional",
			"rules.conditions.contact_column_to_data_action_field_mappings":                     "block list",
			"rules.conditions.contact_column_to_data_action_field_mappings.contact_column_name": "basetypes.StringType required",
			"rules.conditions.contact_column_to_data_action_field_mappings.data_action_field":   "basetypes.StringType required",
			"rules.conditions.contact_id_field":                                                 "basetypes.StringType optional",
			"rules.conditions.data_action_id":                                                   "basetypes.StringType optional",
			"rules.conditions.data_not_found_resolution":                                        "basetypes.BoolType optional",
			"rules.conditions.inverted":                                                         "basetypes.BoolType optional default=false",
			"rules.conditions.match_any_conditions":                                             "basetypes.BoolType optional default=false",
			"rules.conditions.operator":                                                         "basetypes.StringType optional",
			"rules.conditions.predicates":                                                       "block list",
			"rules.conditions.predicates.comparison_value":                                      "basetypes.StringType required",
			"rules.conditions.predicates.inverted":                                              "basetypes.BoolType required",
			"rules.conditions.predicates.output_field":                                          "basetypes.StringType required",
			"rules.conditions.predicates.output_field_missing_resolution":                       "basetypes.BoolType required",
			"rules.conditions.predicates.output_operator":                                       "basetypes.StringType required",
			"rules.conditions.property":                                                         "basetypes.StringType optional",
			"rules.conditions.property_type":                                                    "basetypes.StringType optional",
			"rules.conditions.sub_conditions":                                                   "block list",
			"rules.conditions.sub_conditions.operator":                                          "basetypes.StringType required",
			"rules.conditions.sub_conditions.type":                                              "basetypes.StringType required",
			"rules.conditions.sub_conditions.include_year":                                      "basetypes.BoolType optional default=true",
			"rules.conditions.sub_conditions.inverted":                                          "basetypes.BoolType optional default=false",
			"rules.conditions.sub_conditions.range":                                             "block list",
			"rules.conditions.sub_conditions.range.in_set":                                      "types.ListType[basetypes.StringType] optional",
			"rules.conditions.sub_conditions.range.max":                                         "basetypes.StringType optional",
			"rules.conditions.sub_conditions.range.min":                                         "basetypes.StringType optional",
			"rules.conditions.sub_conditions.threshold_value":                                   "basetypes.StringType optional",
			"rules.conditions.time_zone_id":                                                     "basetypes.StringType optional",
			"rules.conditions.type":                                                             "basetypes.StringType optional",
			"rules.conditions.value":                                                            "basetypes.StringType optional",
			"rules.conditions.value_type":                                                       "basetypes.StringType optional",
			"rules.name":                                                                        "basetypes.StringType required",
			"rules.order":                                                                       "basetypes.Int64Type optional",
			"id":                                                                                "basetypes.StringType read-only",
		},
	} {
		t.Run(typ, func(t *testing.T) { checkKindSchema(ctx, t, typ, want) })
	}
}
