resource "genesyscloud_user_roles" "ann" {
  user_id = genesyscloud_user.ann.id

  # No division_ids: the home division.
  roles {
    role_id = genesyscloud_auth_role.queue_editor.id
  }
  roles {
    role_id      = genesyscloud_auth_role.queue_viewer.id
    division_ids = ["*"]
  }
}

resource "genesyscloud_user" "ann" {
  email = "ann.agent@example.com"
  name  = "Ann Agent"
}

resource "genesyscloud_auth_role" "queue_editor" {
  name = "Queue editor"
  permission_policies {
    domain      = "routing"
    entity_name = "queue"
    action_set  = ["edit"]
  }
}

resource "genesyscloud_auth_role" "queue_viewer" {
  name = "Queue viewer"
  permission_policies {
    domain      = "routing"
    entity_name = "queue"
    action_set  = ["view"]
  }
}
