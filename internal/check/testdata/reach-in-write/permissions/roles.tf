data "genesyscloud_group" "supervisors" {
  name = "Supervisors"
}

# Grants roles to a group the people project owns.
resource "genesyscloud_group_roles" "supervisors" {
  group_id = data.genesyscloud_group.supervisors.id
}
