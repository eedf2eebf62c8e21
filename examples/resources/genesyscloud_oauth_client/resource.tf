# A client-credentials client for a wallboard service: it may only read queues. Its secret is
# answered once, when the client is made, and kept (sensitive) in state: read it with
# `tofu output -raw wallboard_secret` and hand it to the service.
resource "genesyscloud_auth_role" "queue_reader" {
  name = "Queue reader"
  permission_policies {
    domain      = "routing"
    entity_name = "queue"
    action_set  = ["view"]
  }
}

resource "genesyscloud_oauth_client" "wallboard" {
  name                          = "Wallboard service"
  description                   = "Reads queue status for the office wallboards"
  authorized_grant_type         = "CLIENT-CREDENTIALS"
  access_token_validity_seconds = 3600

  # Without division_id the role holds in the home division.
  roles {
    role_id = genesyscloud_auth_role.queue_reader.id
  }
}

output "wallboard_secret" {
  value     = genesyscloud_oauth_client.wallboard.client_secret
  sensitive = true
}
