# A status of a work type another project keeps, found by its name within the work type.
data "genesyscloud_task_management_worktype_status" "settled" {
  worktype_id = "7d1c5e2a-3b4f-4a6e-9c8d-1e2f3a4b5c6d"
  name        = "Settled"
}
