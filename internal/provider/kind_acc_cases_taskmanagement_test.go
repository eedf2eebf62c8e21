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
	"genesyscloud_task_management_worktype": {
		// Created with its workbin only; the update routes it to a queue with a skill and a
		// language, gives it a schema and defaults, and moves it to another workbin (a PATCH).
		create: worktypeDeps + `resource "genesyscloud_task_management_worktype" "it" {
  name               = "Claim"
  default_workbin_id = genesyscloud_task_management_workbin.first.id
}`,
		update: worktypeDeps + `resource "genesyscloud_task_management_worktype" "it" {
  name                     = "Insurance claim"
  description              = "A claim a customer filed"
  default_workbin_id       = genesyscloud_task_management_workbin.second.id
  schema_id                = genesyscloud_task_management_workitem_schema.fields.id
  default_queue_id         = genesyscloud_routing_queue.claims.id
  default_language_id      = genesyscloud_routing_language.german.id
  default_skills_ids       = [genesyscloud_routing_skill.insurance.id]
  default_priority         = 5
  default_duration_seconds = 600
  default_ttl_seconds      = 86400
  assignment_enabled       = true
  flow_rules_enabled       = true
}`,
		createChecks: map[string]string{"name": "Claim", "default_skills_ids.#": "0"},
		updateChecks: map[string]string{"name": "Insurance claim", "default_priority": "5", "default_skills_ids.#": "1",
			"assignment_enabled": "true", "flow_rules_enabled": "true", "default_ttl_seconds": "86400"},
		driftPath: "defaultPriority", driftValue: 9,
	},
	"genesyscloud_task_management_worktype_status": {
		// An open status of a work type at first; the update renames and describes it and
		// lets it move to a closed sibling, at once and after an hour (a PATCH). The data
		// source finds it by name within its work type.
		create: worktypeStatusDeps + `resource "genesyscloud_task_management_worktype_status" "it" {
  worktype_id = genesyscloud_task_management_worktype.claim.id
  name        = "New"
  category    = "Open"
}`,
		update: worktypeStatusDeps + `resource "genesyscloud_task_management_worktype_status" "it" {
  worktype_id                     = genesyscloud_task_management_worktype.claim.id
  name                            = "Received"
  category                        = "Open"
  description                     = "Filed, not looked at yet"
  destination_status_ids          = [genesyscloud_task_management_worktype_status.done.id]
  default_destination_status_id   = genesyscloud_task_management_worktype_status.done.id
  status_transition_delay_seconds = 3600
}`,
		createChecks: map[string]string{"name": "New", "category": "Open", "destination_status_ids.#": "0"},
		updateChecks: map[string]string{"name": "Received", "description": "Filed, not looked at yet",
			"destination_status_ids.#": "1", "status_transition_delay_seconds": "3600"},
		driftPath: "description", driftValue: "Edited in the UI",
		lookupArgs: "  worktype_id = genesyscloud_task_management_worktype.claim.id\n",
	},
}

// worktypeStatusDeps are the work type the status rows belong to and a sibling status.
const worktypeStatusDeps = `resource "genesyscloud_task_management_workbin" "claims" {
  name = "Claims"
}
resource "genesyscloud_task_management_worktype" "claim" {
  name               = "Claim"
  default_workbin_id = genesyscloud_task_management_workbin.claims.id
}
resource "genesyscloud_task_management_worktype_status" "done" {
  worktype_id = genesyscloud_task_management_worktype.claim.id
  name        = "Settled"
  category    = "Closed"
}
`

// worktypeDeps are the objects the work type rows refer to.
const worktypeDeps = `resource "genesyscloud_task_management_workbin" "first" {
  name = "Claims intake"
}
resource "genesyscloud_task_management_workbin" "second" {
  name = "Claims review"
}
resource "genesyscloud_task_management_workitem_schema" "fields" {
  name = "Claim fields"
}
resource "genesyscloud_routing_queue" "claims" {
  name = "Claims"
}
resource "genesyscloud_routing_language" "german" {
  name = "German claims"
}
resource "genesyscloud_routing_skill" "insurance" {
  name = "Insurance claims"
}
`
