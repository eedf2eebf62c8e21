# A claim work item carries the policy number and the amount claimed.
resource "genesyscloud_task_management_workitem_schema" "claim" {
  name        = "Insurance claim"
  description = "Fields every claim work item carries"
  properties = jsonencode({
    "policy_number_text" : {
      "allOf" : [{ "$ref" : "#/definitions/text" }],
      "title" : "Policy number",
      "description" : "The policy the claim is made under",
      "minLength" : 6,
      "maxLength" : 12
    },
    "amount_number" : {
      "allOf" : [{ "$ref" : "#/definitions/number" }],
      "title" : "Amount claimed",
      "minimum" : 0
    }
  })
}
