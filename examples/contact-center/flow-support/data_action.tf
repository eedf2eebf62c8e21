# A data action the flow calls to find the caller's open ticket. The flow names the
# integration and the action; both live in this project, so they add no edge.

resource "genesyscloud_integration" "ticketing" {
  intended_state   = "ENABLED"
  integration_type = "custom-rest-actions"
  config {
    name  = "Support Ticketing"
    notes = "The ticket service the support line asks about open tickets"
  }
}

resource "genesyscloud_integration_action" "open_ticket" {
  name                   = "Get Open Ticket"
  category               = "Support Ticketing"
  integration_id         = genesyscloud_integration.ticketing.id
  config_timeout_seconds = 10
  contract_input = jsonencode({
    type     = "object"
    required = ["phone"]
    properties = {
      phone = { type = "string" }
    }
  })
  contract_output = jsonencode({
    type = "object"
    properties = {
      ticketId = { type = "string" }
    }
  })
  config_request {
    # $${ is a literal ${ in HCL: the template is Velocity, filled in by Genesys Cloud.
    request_url_template = "https://tickets.example.com/open?phone=$${input.phone}"
    request_type         = "GET"
    request_template     = "$${input.rawRequest}"
    headers = {
      Accept = "application/json"
    }
  }
  config_response {
    translation_map = {
      ticketId = "$.id"
    }
    success_template = "{\"ticketId\": $${ticketId}}"
  }
}
