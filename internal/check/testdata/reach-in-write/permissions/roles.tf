data "genesyscloud_group" "supervisors" {
  name = "Supervisors"
}

# Grants roles to a group the people project owns.
resource "genesyscloud_group_roles" "supervisors" {
  group_id = data.genesyscloud_group.supervisors.id

  # Granting a role uses it; it does not change it.
  roles {
    role_id = data.genesyscloud_auth_role.supervisor.id
  }
}

data "genesyscloud_auth_role" "supervisor" {
  name = "Supervisor"
}
