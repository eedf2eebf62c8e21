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
	} {
		t.Run(typ, func(t *testing.T) { checkKindSchema(ctx, t, typ, want) })
	}
}
