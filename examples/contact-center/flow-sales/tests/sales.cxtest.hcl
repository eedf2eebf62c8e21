# Calls to the sales line, through what is deployed: the IVR, Sales Hours (Pacific, weekdays and
# Saturday mornings) and the published Sales IVR flow. 10 March 2026 is a Tuesday.

call "open: 1 reaches new business" {
  dial      = var.ivr_dnis[0]
  at        = "2026-03-10T09:00:00"
  time_zone = "America/Los_Angeles"
  dtmf      = ["1"]

  expect {
    schedule          = "open"
    flows             = ["Sales IVR"]
    menus             = ["Sales Menu"]
    prompts           = ["Thank you for calling sales.", "To become a customer press 1"]
    transfer_to_queue = "Sales New Business"
  }
}

call "open: 2 reaches renewals" {
  dial      = var.ivr_dnis[0]
  at        = "2026-03-10T09:00:00"
  time_zone = "America/Los_Angeles"
  dtmf      = ["2"]

  expect {
    menus             = ["Sales Menu"]
    transfer_to_queue = "Sales Renewals"
  }
}

call "open: 3 (Spanish) reaches new business" {
  dial      = var.ivr_dnis[1]
  at        = "2026-03-10T09:00:00"
  time_zone = "America/Los_Angeles"
  dtmf      = ["3"]

  expect {
    transfer_to_queue = "Sales New Business"
  }
}

call "open: 9 hangs up" {
  dial      = var.ivr_dnis[0]
  at        = "2026-03-10T09:00:00"
  time_zone = "America/Los_Angeles"
  dtmf      = ["9"]

  expect {
    disconnect = true
  }
}

call "open: two wrong keys hang up" {
  dial      = var.ivr_dnis[0]
  at        = "2026-03-10T09:00:00"
  time_zone = "America/Los_Angeles"
  dtmf      = ["4", "#"]

  expect {
    menus      = ["Sales Menu"]
    disconnect = true
  }
}

call "open: Saturday morning" {
  dial      = var.ivr_dnis[0]
  at        = "2026-03-14T10:00:00"
  time_zone = "America/Los_Angeles"
  dtmf      = ["2"]

  expect {
    schedule          = "open"
    transfer_to_queue = "Sales Renewals"
  }
}

call "closed: Saturday afternoon" {
  dial      = var.ivr_dnis[0]
  at        = "2026-03-14T14:00:00"
  time_zone = "America/Los_Angeles"

  expect {
    schedule   = "closed"
    prompts    = ["Sales is open weekdays 8 to 5 and Saturday mornings, Pacific time."]
    disconnect = true
  }
}

call "holiday: Christmas Day" {
  dial      = var.ivr_dnis[0]
  at        = "2026-12-25T10:00:00"
  time_zone = "America/Los_Angeles"

  expect {
    schedule   = "holiday"
    prompts    = ["Sales is closed for the holiday."]
    disconnect = true
  }
}

object "new business queue" {
  type = "genesyscloud_routing_queue"
  name = "Sales New Business"
  count "/wrapupcodes" {
    includes = ["Sale Closed", "Callback Requested"]
  }
}

object "renewals queue" {
  type = "genesyscloud_routing_queue"
  name = "Sales Renewals"
  count "/wrapupcodes" {
    at_least = 2
  }
}

# The flow the org runs is the file in this project: a console edit fails this test.
object "published flow is the workspace's" {
  type              = "genesyscloud_flow"
  name              = "Sales IVR"
  matches_workspace = true
}
