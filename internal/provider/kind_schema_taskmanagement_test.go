package provider

import (
	"context"
	"testing"
)

// The task management kinds' schemas are the official provider's
// (official-provider-schemas.json), as TestKindSchemasMatchOfficial checks for the other
// regular kinds.
func TestTaskManagementSchemasMatchOfficial(t *testing.T) {
	ctx := context.Background()
	for typ, want := range map[string]map[string]string{
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
	} {
		t.Run(typ, func(t *testing.T) { checkKindSchema(ctx, t, typ, want) })
	}
}
