# Work items about insurance claims wait here until someone picks them up.
resource "genesyscloud_task_management_workbin" "claims" {
  name        = "Claims intake"
  description = "New claims waiting for a first review"
}
