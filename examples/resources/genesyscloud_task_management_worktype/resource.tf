# Claims arrive in the claims workbin with the claim fields, are routed to the claims queue
# with the insurance skill, and are due within two days.
resource "genesyscloud_task_management_workbin" "claims" {
  name = "Claims for review"
}

resource "genesyscloud_task_management_workitem_schema" "claim" {
  name = "Claim fields"
  properties = jsonencode({
    "policy_number_text" : {
      "allOf" : [{ "$ref" : "#/definitions/text" }],
      "title" : "Policy number",
      "maxLength" : 12
    }
  })
}

resource "genesyscloud_routing_queue" "claims" {
  name = "Claims review"
}

resource "genesyscloud_routing_skill" "insurance" {
  name = "Insurance"
}

resource "genesyscloud_task_management_worktype" "claim" {
  name                         = "Insurance claim"
  description                  = "A claim a customer filed"
  default_workbin_id           = genesyscloud_task_management_workbin.claims.id
  schema_id                    = genesyscloud_task_management_workitem_schema.claim.id
  default_queue_id             = genesyscloud_routing_queue.claims.id
  default_skills_ids           = [genesyscloud_routing_skill.insurance.id]
  default_priority             = 5
  default_due_duration_seconds = 172800
  assignment_enabled           = true
}
