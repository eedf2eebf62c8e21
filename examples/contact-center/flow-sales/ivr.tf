# The Sales line's phone numbers and the IVR (call route) that answers them with the flow.

resource "genesyscloud_telephony_providers_edges_did_pool" "sales" {
  start_phone_number = var.did_pool_start
  end_phone_number   = var.did_pool_end
  description        = "Sales line numbers"
}

resource "genesyscloud_architect_ivr" "sales" {
  name               = "Sales Line"
  description        = "Answers the Sales numbers with the Sales IVR flow"
  dnis               = var.ivr_dnis
  open_hours_flow_id = genesyscloud_flow.sales.id
  # The flow checks the hours itself (evaluateScheduleGroup) and speaks to closed-hours callers.
  closed_hours_flow_id  = genesyscloud_flow.sales.id
  holiday_hours_flow_id = genesyscloud_flow.sales.id
  schedule_group_id     = data.genesyscloud_architect_schedulegroups.hours.id

  # The numbers must lie in a DID pool, which has to exist first.
  depends_on = [genesyscloud_telephony_providers_edges_did_pool.sales]
}
