resource "genesyscloud_architect_schedules" "weekdays" {
  name        = "Billing Weekdays"
  description = "Mon-Fri 08:00-17:00"
  start       = "2024-01-01T08:00:00.000000"
  end         = "2024-01-01T17:00:00.000000"
  rrule       = "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR"
}

resource "genesyscloud_architect_schedulegroups" "billing_hours" {
  name              = "Billing Hours"
  time_zone         = "America/New_York"
  open_schedules_id = [genesyscloud_architect_schedules.weekdays.id]
}
