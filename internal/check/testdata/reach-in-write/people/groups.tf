resource "genesyscloud_group" "supervisors" {
  name = "Supervisors"
}
