resource "genesyscloud_architect_schedules" "open" {
  name  = "Weekday hours"
  start = "2021-08-04T08:00:00.000000"
  end   = "2021-08-04T17:00:00.000000"
  rrule = "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR"
}

resource "genesyscloud_architect_schedules" "new_year" {
  name  = "New Year's Day"
  start = "2022-01-01T00:00:00.000000"
  end   = "2022-01-01T23:59:59.000000"
  rrule = "FREQ=YEARLY;BYMONTH=1;BYMONTHDAY=1"
}

resource "genesyscloud_architect_schedulegroups" "support" {
  name                 = "Support hours"
  description          = "When the support line is open"
  time_zone            = "America/Indianapolis"
  open_schedules_id    = [genesyscloud_architect_schedules.open.id]
  holiday_schedules_id = [genesyscloud_architect_schedules.new_year.id]
}
