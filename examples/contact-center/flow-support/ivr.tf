# The Support line's phone numbers and the IVR (call route) that answers them with the flow.

resource "genesyscloud_telephony_providers_edges_did_pool" "support" {
  start_phone_number = var.did_pool_start
  end_phone_number   = var.did_pool_end
  description        = "Support line numbers"
}

resource "genesyscloud_architect_ivr" "support" {
  name               = "Support Line"
  description        = "Answers the Support numbers with the Support IVR flow"
  dnis               = var.ivr_dnis
  open_hours_flow_id = genesyscloud_flow.support.id
  # The flow checks the hours itself (evaluateScheduleGroup) and speaks to closed-hours callers.
  closed_hours_flow_id  = genesyscloud_flow.support.id
  holiday_hours_flow_id = genesyscloud_flow.support.id
  schedule_group_id     = data.genesyscloud_architect_schedulegroups.hours.id

  # The numbers must lie in a DID pool, which has to exist first.
  depends_on = [genesyscloud_telephony_providers_edges_did_pool.support]
}
