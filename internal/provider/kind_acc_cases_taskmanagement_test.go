package provider

// taskManagementAccCases are the acceptance rows of the task management kinds
// (kinds/catalogue_taskmanagement.go); see kindAccCase.
var taskManagementAccCases = map[string]kindAccCase{
	"genesyscloud_task_management_workbin": {
		// Renamed and described in place (a PATCH); the data source finds it by query.
		create: `resource "genesyscloud_task_management_workbin" "it" {
  name = "Claims"
}`,
		update: `resource "genesyscloud_task_management_workbin" "it" {
  name        = "Claims intake"
  description = "New claims waiting for a first review"
}`,
		createChecks: map[string]string{"name": "Claims"},
		updateChecks: map[string]string{"name": "Claims intake", "description": "New claims waiting for a first review"},
		driftPath:    "description", driftValue: "Edited in the UI",
	},
	"genesyscloud_task_management_workitem_schema": {
		// One custom field at first; the update describes the schema, adds a field and
		// disables it (a PUT with the version). The properties read back as written.
		create: `resource "genesyscloud_task_management_workitem_schema" "it" {
  name = "Claim"
  properties = jsonencode({
    "policy_text" : { "allOf" : [{ "$ref" : "#/definitions/text" }], "title" : "Policy", "maxLength" : 12 }
  })
}`,
		update: `resource "genesyscloud_task_management_workitem_schema" "it" {
  name        = "Claim"
  description = "Fields of a claim"
  enabled     = false
  properties = jsonencode({
    "policy_text" : { "allOf" : [{ "$ref" : "#/definitions/text" }], "title" : "Policy", "maxLength" : 12 },
    "amount_number" : { "allOf" : [{ "$ref" : "#/definitions/number" }], "title" : "Amount", "minimum" : 0 }
  })
}`,
		createChecks: map[string]string{"name": "Claim", "enabled": "true", "version": "1"},
		updateChecks: map[string]string{"description": "Fields of a claim", "enabled": "false", "version": "2"},
		driftPath:    "jsonSchema.description", driftValue: "Edited in the UI",
	},
}
