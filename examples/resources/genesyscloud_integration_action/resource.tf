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

# A function data action runs a zip of code instead of calling a URL. The zip is uploaded
# again whenever its content changes:
# resource "genesyscloud_integration_action" "order_status_function" {
#   name            = "Order status (function)"
#   category        = "Function Data Action"
#   integration_id  = genesyscloud_integration.web_services.id
#   contract_input  = jsonencode({ type = "object", properties = { orderId = { type = "string" } } })
#   contract_output = jsonencode({ type = "object", properties = { status = { type = "string" } } })
#   function_config {
#     file_path       = "${path.module}/order-status.zip"
#     description     = "Looks up an order's status"
#     handler         = "index.handler"
#     runtime         = "nodejs22.x"
#     timeout_seconds = 15
#   }
# }
