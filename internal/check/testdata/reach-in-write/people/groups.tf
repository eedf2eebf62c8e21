resource "genesyscloud_group" "supervisors" {
  name = "Supervisors"
}

resource "genesyscloud_auth_role" "supervisor" {
  name = "Supervisor"
}
