resource "genesyscloud_group" "supervisors" {
  name        = "Supervisors"
  description = "Team leads"
}

resource "genesyscloud_auth_role" "supervisor" {
  name        = "Supervisor"
  description = "What team leads may do"
}
