# Calls to the support line, through what is deployed: the IVR, Support Hours (Central) and
# the published Support IVR flow. 10 March 2026 is a Tuesday; New Year's Day is a holiday.

call "open: 1 reaches tier 1" {
  dial      = var.ivr_dnis[0]
  at        = "2026-03-10T09:00:00"
  time_zone = "America/Chicago"
  dtmf      = ["1"]

  expect {
    schedule          = "open"
    flows             = ["Support IVR"]
    menus             = ["Support Menu"]
    prompts           = ["Thank you for calling technical support.", "For technical help press 1"]
    transfer_to_queue = "Support Tier 1"
  }
}

call "open: 2 with an open ticket reaches tier 2" {
  dial      = var.ivr_dnis[0]
  ani       = "+13175550142"
  at        = "2026-03-10T09:00:00"
  time_zone = "America/Chicago"
  dtmf      = ["2"]
  # The ticket service is not called: the test says what it answers.
  decisions = { "Find the open ticket" = "success" }

  expect {
    menus             = ["Support Menu"]
    prompts           = ["We found your ticket."]
    transfer_to_queue = "Support Tier 2"
  }
}

call "open: 2 without a ticket reaches tier 1" {
  dial      = var.ivr_dnis[1]
  at        = "2026-03-10T09:00:00"
  time_zone = "America/Chicago"
  dtmf      = ["2"]
  decisions = { "Find the open ticket" = "failure" }

  expect {
    menus             = ["Support Menu"]
    transfer_to_queue = "Support Tier 1"
  }
}

call "open: 9 hangs up" {
  dial      = var.ivr_dnis[0]
  at        = "2026-03-10T09:00:00"
  time_zone = "America/Chicago"
  dtmf      = ["9"]

  expect {
    disconnect = true
  }
}

call "open: no key at all hangs up after two plays" {
  dial      = var.ivr_dnis[0]
  at        = "2026-03-10T09:00:00"
  time_zone = "America/Chicago"

  expect {
    menus      = ["Support Menu"]
    prompts    = ["For technical help press 1", "For technical help press 1"]
    disconnect = true
  }
}

call "closed: early morning hears the hours" {
  dial      = var.ivr_dnis[0]
  at        = "2026-03-10T07:30:00"
  time_zone = "America/Chicago"

  expect {
    schedule   = "closed"
    prompts    = ["Support is open Monday to Friday, 8 to 5 Central."]
    disconnect = true
  }
}

call "closed: Saturday" {
  dial      = var.ivr_dnis[0]
  at        = "2026-03-14T11:00:00"
  time_zone = "America/Chicago"

  expect {
    schedule   = "closed"
    disconnect = true
  }
}

call "holiday: New Year's Day" {
  dial      = var.ivr_dnis[0]
  at        = "2026-01-01T10:00:00"
  time_zone = "America/Chicago"

  expect {
    schedule   = "holiday"
    prompts    = ["Support is closed for the holiday."]
    disconnect = true
  }
}

object "tier 1 queue" {
  type = "genesyscloud_routing_queue"
  name = "Support Tier 1"
  count "/wrapupcodes" {
    equals   = 3
    includes = ["Resolved", "Escalated", "Callback Requested"]
  }
}

object "tier 2 queue" {
  type = "genesyscloud_routing_queue"
  name = "Support Tier 2"
  count "/wrapupcodes" {
    includes = ["Resolved", "Callback Requested"]
  }
}

object "open ticket data action" {
  type = "genesyscloud_integration_action"
  name = "Get Open Ticket"
  api  = { category = "Support Ticketing" }
}

object "support line" {
  type = "genesyscloud_architect_ivr"
  name = "Support Line"
  count "dnis" {
    equals = 2
  }
}

# The ticket lookup the IVR calls, through the org's test endpoint. The flow maps ticketId,
# so the answer must hold it; the local org answers from the output contract (it calls no
# ticket service), a real org asks the service.
data_action "open ticket lookup answers a ticket id" {
  action   = "Get Open Ticket"
  category = "Support Ticketing"
  input    = { phone = "+13175550142" }

  expect {
    fields = ["ticketId"]
  }
}

# The flow the org runs is the file in this project: a console edit fails this test.
object "published flow is the workspace's" {
  type              = "genesyscloud_flow"
  name              = "Support IVR"
  matches_workspace = true
}
