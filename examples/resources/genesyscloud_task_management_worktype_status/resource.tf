# The statuses a claim passes through: it arrives as received, moves on its own to waiting
# for documents after a day, and is settled from either.
resource "genesyscloud_task_management_workbin" "claims" {
  name = "Claims"
}

resource "genesyscloud_task_management_worktype" "claim" {
  name               = "Insurance claim"
  default_workbin_id = genesyscloud_task_management_workbin.claims.id
}

resource "genesyscloud_task_management_worktype_status" "settled" {
  worktype_id             = genesyscloud_task_management_worktype.claim.id
  name                    = "Settled"
  category                = "Closed"
  description             = "Paid or refused; nothing left to do"
  auto_terminate_workitem = true
}

resource "genesyscloud_task_management_worktype_status" "waiting" {
  worktype_id            = genesyscloud_task_management_worktype.claim.id
  name                   = "Waiting for documents"
  category               = "Waiting"
  destination_status_ids = [genesyscloud_task_management_worktype_status.settled.id]
}

resource "genesyscloud_task_management_worktype_status" "received" {
  worktype_id = genesyscloud_task_management_worktype.claim.id
  name        = "Received"
  category    = "Open"
  destination_status_ids = [
    genesyscloud_task_management_worktype_status.waiting.id,
    genesyscloud_task_management_worktype_status.settled.id,
  ]
  default_destination_status_id   = genesyscloud_task_management_worktype_status.waiting.id
  status_transition_delay_seconds = 86400
}
