resource "genesyscloud_architect_schedules" "weekday_hours" {
  name        = "Weekday hours"
  description = "Open 08:00-17:00, Monday to Friday"
  start       = "2021-08-04T08:00:00.000000"
  end         = "2021-08-04T17:00:00.000000"
  rrule       = "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR"
}
