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
}
