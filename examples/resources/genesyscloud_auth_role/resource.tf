resource "genesyscloud_auth_role" "queue_editor" {
  name        = "Queue editor"
  description = "Views and edits queues"
  permission_policies {
    domain      = "routing"
    entity_name = "queue"
    action_set  = ["view", "edit"]
  }
}
