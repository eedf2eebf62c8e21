resource "genesyscloud_integration" "web_services" {
  intended_state   = "ENABLED"
  integration_type = "custom-rest-actions"
  config {
    name       = "Web Services Data Actions"
    notes      = "Calls the order service"
    properties = jsonencode({})
    advanced   = jsonencode({})
  }
}
