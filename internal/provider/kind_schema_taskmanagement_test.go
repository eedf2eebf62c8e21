package provider

import "testing"

// The task management kinds' schemas are the official provider's
// (official-provider-schemas.json), as TestKindSchemasMatchOfficial checks for the other
// regular kinds.
func TestTaskManagementSchemasMatchOfficial(t *testing.T) {
	checkKindSchemas(t, map[string]map[string]string{
		"genesyscloud_task_management_workbin": {
			"id":          "basetypes.StringType read-only",
			"name":        "basetypes.StringType required",
			"description": "basetypes.StringType optional",
			"division_id": "basetypes.StringType optional",
		},
		"genesyscloud_task_management_workitem_schema": {
			"id":          "basetypes.StringType read-only",
			"name":        "basetypes.StringType required",
			"description": "basetypes.StringType optional",
			"properties":  "basetypes.StringType optional",
			"enabled":     "basetypes.BoolType optional default=true",
			"version":     "basetypes.Int64Type read-only",
		},
		"genesyscloud_task_management_worktype": {
			"id":                              "basetypes.StringType read-only",
			"name":                            "basetypes.StringType required",
			"description":                     "basetypes.StringType optional",
			"division_id":                     "basetypes.StringType optional",
			"default_workbin_id":              "basetypes.StringType required",
			"schema_id":                       "basetypes.StringType optional",
			"schema_version":                  "basetypes.Int64Type optional",
			"default_queue_id":                "basetypes.StringType optional",
			"default_language_id":             "basetypes.StringType optional",
			"default_skills_ids":              "types.ListType[basetypes.StringType] optional",
			"default_script_id":               "basetypes.StringType optional",
			"default_priority":                "basetypes.Int64Type optional",
			"default_duration_seconds":        "basetypes.Int64Type optional",
			"default_due_duration_seconds":    "basetypes.Int64Type optional",
			"default_expiration_seconds":      "basetypes.Int64Type optional",
			"default_ttl_seconds":             "basetypes.Int64Type optional",
			"assignment_enabled":              "basetypes.BoolType optional",
			"flow_rules_enabled":              "basetypes.BoolType optional",
			"disable_default_status_creation": "basetypes.BoolType optional",
		},
		"genesyscloud_task_management_worktype_status": {
			"id":                              "basetypes.StringType read-only",
			"worktype_id":                     "basetypes.StringType required",
			"name":                            "basetypes.StringType required",
			"category":                        "basetypes.StringType required",
			"description":                     "basetypes.StringType optional",
			"destination_status_ids":          "types.ListType[basetypes.StringType] optional",
			"default_destination_status_id":   "basetypes.StringType optional",
			"status_transition_delay_seconds": "basetypes.Int64Type optional",
			"status_transition_time":          "basetypes.StringType optional",
			"auto_terminate_workitem":         "basetypes.BoolType optional",
		},
	})
}
