# Every member of the group holds these roles through it. The resource owns all of the
# group's grants: grants made elsewhere are removed, and destroying it removes these.
resource "genesyscloud_group" "supervisors" {
  name = "Supervisors"
}

resource "genesyscloud_auth_role" "queue_supervisor" {
  name = "Queue supervisor"
  permission_policies {
    domain      = "routing"
    entity_name = "queue"
    action_set  = ["view", "edit"]
  }
}

resource "genesyscloud_group_roles" "supervisors" {
  group_id = genesyscloud_group.supervisors.id

  # Without division_ids the role holds in the home division; "*" is every division.
  roles {
    role_id      = genesyscloud_auth_role.queue_supervisor.id
    division_ids = ["*"]
  }
}
