resource "genesyscloud_integration" "web_services" {
  intended_state   = "ENABLED"
  integration_type = "custom-rest-actions"
  config {
    name = "Order service"
  }
}

resource "genesyscloud_integration_action" "order_status" {
  name                   = "Get order status"
  category               = "Orders"
  integration_id         = genesyscloud_integration.web_services.id
  config_timeout_seconds = 20
  contract_input = jsonencode({
    type     = "object"
    required = ["orderId"]
    properties = {
      orderId = { type = "string" }
    }
  })
  contract_output = jsonencode({
    type = "object"
    properties = {
      status = { type = "string" }
    }
  })
  config_request {
    # $${ is a literal ${ in HCL: the template is Velocity, filled in by Genesys Cloud.
    request_url_template = "https://orders.example.com/orders/$${input.orderId}"
    request_type         = "GET"
    request_template     = "$${input.rawRequest}"
    headers = {
      Accept = "application/json"
    }
  }
  config_response {
    translation_map = {
      status = "$.status"
    }
    translation_map_defaults = {
      status = "\"UNKNOWN\""
    }
    success_template = "{\"status\": $${status}}"
  }
}
