resource "genesyscloud_telephony_providers_edges_did_pool" "main" {
  start_phone_number = "+13175550000"
  end_phone_number   = "+13175550099"
}

resource "genesyscloud_architect_schedules" "open" {
  name  = "Weekday hours"
  start = "2021-08-04T08:00:00.000000"
  end   = "2021-08-04T17:00:00.000000"
  rrule = "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR"
}

resource "genesyscloud_architect_schedulegroups" "support" {
  name              = "Support hours"
  time_zone         = "America/Indianapolis"
  open_schedules_id = [genesyscloud_architect_schedules.open.id]
}

resource "genesyscloud_architect_ivr" "support" {
  name              = "Support line"
  description       = "Numbers of the support line"
  dnis              = ["+13175550001", "+13175550002"]
  schedule_group_id = genesyscloud_architect_schedulegroups.support.id
  # open_hours_flow_id    = genesyscloud_flow.open.id
  # closed_hours_flow_id  = genesyscloud_flow.closed.id
  # holiday_hours_flow_id = genesyscloud_flow.holiday.id

  # The numbers must lie in a DID pool, which has to exist first.
  depends_on = [genesyscloud_telephony_providers_edges_did_pool.main]
}
