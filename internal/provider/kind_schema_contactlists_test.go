package provider

import (
	"context"
	"testing"
)

// The contact list kinds' schemas are the official provider's (official-provider-schemas.json),
// as TestKindSchemasMatchOfficial checks for the other regular kinds. The official contacts_*
// attributes (a CSV upload outside the Platform API) are not mapped.
func TestContactListSchemasMatchOfficial(t *testing.T) {
	ctx := context.Background()
	for typ, want := range map[string]map[string]string{
		"genesyscloud_outbound_contact_list": {
			"id":                                               "basetypes.StringType read-only",
			"name":                                             "basetypes.StringType required",
			"column_names":                                     "types.ListType[basetypes.StringType] required",
			"division_id":                                      "basetypes.StringType optional",
			"attempt_limit_id":                                 "basetypes.StringType optional",
			"automatic_time_zone_mapping":                      "basetypes.BoolType optional",
			"preview_mode_column_name":                         "basetypes.StringType optional",
			"preview_mode_accepted_values":                     "types.ListType[basetypes.StringType] optional",
			"trim_whitespace":                                  "basetypes.BoolType optional",
			"zip_code_column_name":                             "basetypes.StringType optional",
			"phone_columns":                                    "block set",
			"phone_columns.column_name":                        "basetypes.StringType required",
			"phone_columns.type":                               "basetypes.StringType required",
			"phone_columns.callable_time_column":               "basetypes.StringType optional",
			"phone_columns.callable_time_column_name":          "basetypes.StringType optional",
			"email_columns":                                    "block set",
			"email_columns.column_name":                        "basetypes.StringType required",
			"email_columns.type":                               "basetypes.StringType required",
			"email_columns.contactable_time_column":            "basetypes.StringType optional",
			"email_columns.contactable_time_column_name":       "basetypes.StringType optional",
			"whats_app_columns":                                "block set",
			"whats_app_columns.column_name":                    "basetypes.StringType required",
			"whats_app_columns.type":                           "basetypes.StringType required",
			"column_data_type_specifications":                  "block list",
			"column_data_type_specifications.column_name":      "basetypes.StringType required",
			"column_data_type_specifications.column_data_type": "basetypes.StringType optional",
			"column_data_type_specifications.min":              "basetypes.Int64Type optional",
			"column_data_type_specifications.max":              "basetypes.Int64Type optional",
			"column_data_type_specifications.max_length":       "basetypes.Int64Type optional",
		},
		"genesyscloud_outbound_contactlistfilter": {
			"id":                                         "basetypes.StringType read-only",
			"name":                                       "basetypes.StringType required",
			"contact_list_id":                            "basetypes.StringType optional",
			"contact_list_template_id":                   "basetypes.StringType optional",
			"filter_type":                                "basetypes.StringType optional",
			"clauses":                                    "block list",
			"clauses.filter_type":                        "basetypes.StringType optional",
			"clauses.predicates":                         "block list",
			"clauses.predicates.column":                  "basetypes.StringType optional",
			"clauses.predicates.column_type":             "basetypes.StringType optional",
			"clauses.predicates.operator":                "basetypes.StringType required",
			"clauses.predicates.value":                   "basetypes.StringType optional",
			"clauses.predicates.inverted":                "basetypes.BoolType optional",
			"clauses.predicates.var_range":               "block set",
			"clauses.predicates.var_range.min":           "basetypes.StringType optional",
			"clauses.predicates.var_range.max":           "basetypes.StringType optional",
			"clauses.predicates.var_range.min_inclusive": "basetypes.BoolType optional",
			"clauses.predicates.var_range.max_inclusive": "basetypes.BoolType optional",
			"clauses.predicates.var_range.in_set":        "types.ListType[basetypes.StringType] optional",
		},
		"genesyscloud_outbound_dnclist": {
			"id":                      "basetypes.StringType read-only",
			"name":                    "basetypes.StringType required",
			"dnc_source_type":         "basetypes.StringType required",
			"contact_method":          "basetypes.StringType optional",
			"login_id":                "basetypes.StringType optional",
			"campaign_id":             "basetypes.StringType optional",
			"dnc_codes":               "types.ListType[basetypes.StringType] optional",
			"license_id":              "basetypes.StringType optional",
			"custom_exclusion_column": "basetypes.StringType optional",
			"division_id":             "basetypes.StringType optional",
			"entries":                 "block list",
			"entries.expiration_date": "basetypes.StringType optional",
			"entries.phone_numbers":   "types.ListType[basetypes.StringType] optional",
		},
	} {
		t.Run(typ, func(t *testing.T) { checkKindSchema(ctx, t, typ, want) })
	}
}
