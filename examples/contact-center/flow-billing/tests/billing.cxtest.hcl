# Calls to the billing line, through what is deployed: the IVR, Billing Hours (Eastern) and the
# published Billing IVR flow. 10 March 2026 is a Tuesday; Christmas Day is a holiday.

call "open: 1 reaches payments" {
  dial      = var.ivr_dnis[0]
  at        = "2026-03-10T10:00:00"
  time_zone = "America/New_York"
  dtmf      = ["1"]

  expect {
    schedule          = "open"
    flows             = ["Billing IVR"]
    menus             = ["Billing Menu"]
    prompts           = ["Thank you for calling billing.", "To make a payment press 1", "payments team"]
    transfer_to_queue = "Billing Payments"
  }
}

call "open: 2 reaches disputes" {
  dial      = var.ivr_dnis[1]
  at        = "2026-03-10T16:30:00"
  time_zone = "America/New_York"
  dtmf      = ["2"]

  expect {
    schedule          = "open"
    menus             = ["Billing Menu"]
    prompts           = ["billing specialist"]
    transfer_to_queue = "Billing Disputes"
  }
}

call "open: 9 hangs up" {
  dial      = var.ivr_dnis[0]
  at        = "2026-03-10T10:00:00"
  time_zone = "America/New_York"
  dtmf      = ["9"]

  expect {
    menus      = ["Billing Menu"]
    disconnect = true
  }
}

call "open: a wrong key, then 1, reaches payments" {
  dial      = var.ivr_dnis[0]
  at        = "2026-03-10T10:00:00"
  time_zone = "America/New_York"
  dtmf      = ["5", "1"]

  expect {
    prompts           = ["To make a payment press 1", "To make a payment press 1"]
    transfer_to_queue = "Billing Payments"
  }
}

call "open: no choice after two plays hangs up" {
  dial      = var.ivr_dnis[0]
  at        = "2026-03-10T10:00:00"
  time_zone = "America/New_York"
  dtmf      = ["7", ""]

  expect {
    menus      = ["Billing Menu"]
    disconnect = true
  }
}

call "closed: evenings hear the hours" {
  dial      = var.ivr_dnis[0]
  at        = "2026-03-10T19:00:00"
  time_zone = "America/New_York"

  expect {
    schedule   = "closed"
    prompts    = ["Billing is open Monday to Friday, 8 to 5 Eastern."]
    disconnect = true
  }
}

call "closed: the hours are Eastern, whatever the caller's zone" {
  dial = var.ivr_dnis[0]
  # 08:30 in Los Angeles is 11:30 in New York: open.
  at = "2026-03-10T08:30:00-07:00"

  expect {
    schedule          = "open"
    transfer_to_queue = "Billing Payments"
  }
  dtmf = ["1"]
}

call "holiday: Christmas Day" {
  dial      = var.ivr_dnis[0]
  at        = "2026-12-25T10:00:00"
  time_zone = "America/New_York"
  dtmf      = ["1"]

  expect {
    schedule   = "holiday"
    prompts    = ["Billing is closed for the holiday."]
    disconnect = true
  }
}

object "payments queue" {
  type = "genesyscloud_routing_queue"
  name = "Billing Payments"
  api  = { skillEvaluationMethod = "BEST" }
  count "/wrapupcodes" {
    equals   = 2
    includes = ["Resolved", "Payment Taken"]
  }
}

object "disputes queue" {
  type = "genesyscloud_routing_queue"
  name = "Billing Disputes"
  api  = { skillEvaluationMethod = "ALL" }
  count "/wrapupcodes" {
    includes = ["Resolved", "Escalated"]
  }
}

object "billing line" {
  type = "genesyscloud_architect_ivr"
  name = "Billing Line"
  count "dnis" {
    equals = 2
  }
}
