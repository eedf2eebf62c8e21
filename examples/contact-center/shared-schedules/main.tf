# Opening hours. Schedules are wall-clock times; each schedule group gives them a time zone,
# so one "Weekdays 8-17" serves the Eastern billing line and the Central support line alike.

resource "genesyscloud_architect_schedules" "weekdays" {
  name        = "Weekdays 8-17"
  description = "Monday to Friday, 8:00 to 17:00"
  start       = "2021-08-02T08:00:00.000000"
  end         = "2021-08-02T17:00:00.000000"
  rrule       = "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR"
}

resource "genesyscloud_architect_schedules" "weekday_evenings" {
  name        = "Weekday evenings 17-8"
  description = "Closed overnight, Monday to Friday"
  start       = "2021-08-02T17:00:00.000000"
  end         = "2021-08-03T08:00:00.000000"
  rrule       = "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR"
}

resource "genesyscloud_architect_schedules" "saturdays" {
  name        = "Saturdays 9-13"
  description = "Sales answers on Saturday mornings"
  start       = "2021-08-07T09:00:00.000000"
  end         = "2021-08-07T13:00:00.000000"
  rrule       = "FREQ=WEEKLY;BYDAY=SA"
}

resource "genesyscloud_architect_schedules" "new_years_day" {
  name  = "New Year's Day"
  start = "2022-01-01T00:00:00.000000"
  end   = "2022-01-01T23:59:59.000000"
  rrule = "FREQ=YEARLY;BYMONTH=1;BYMONTHDAY=1"
}

resource "genesyscloud_architect_schedules" "christmas_day" {
  name  = "Christmas Day"
  start = "2021-12-25T00:00:00.000000"
  end   = "2021-12-25T23:59:59.000000"
  rrule = "FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=25"
}

locals {
  holidays = [
    genesyscloud_architect_schedules.new_years_day.id,
    genesyscloud_architect_schedules.christmas_day.id,
  ]
}

resource "genesyscloud_architect_schedulegroups" "billing_hours" {
  name                 = "Billing Hours"
  description          = "When the billing line answers"
  time_zone            = "America/New_York"
  open_schedules_id    = [genesyscloud_architect_schedules.weekdays.id]
  closed_schedules_id  = [genesyscloud_architect_schedules.weekday_evenings.id]
  holiday_schedules_id = local.holidays
}

resource "genesyscloud_architect_schedulegroups" "support_hours" {
  name                 = "Support Hours"
  description          = "When the support line answers"
  time_zone            = "America/Chicago"
  open_schedules_id    = [genesyscloud_architect_schedules.weekdays.id]
  closed_schedules_id  = [genesyscloud_architect_schedules.weekday_evenings.id]
  holiday_schedules_id = local.holidays
}

resource "genesyscloud_architect_schedulegroups" "sales_hours" {
  name        = "Sales Hours"
  description = "When the sales line answers: weekdays and Saturday mornings"
  time_zone   = "America/Los_Angeles"
  open_schedules_id = [
    genesyscloud_architect_schedules.weekdays.id,
    genesyscloud_architect_schedules.saturdays.id,
  ]
  holiday_schedules_id = local.holidays
}
