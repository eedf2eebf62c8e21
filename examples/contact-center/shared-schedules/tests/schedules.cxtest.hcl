# The opening hours every line checks: each group's time zone and schedules.

object "billing hours" {
  type       = "genesyscloud_architect_schedulegroups"
  name       = "Billing Hours"
  attributes = { time_zone = "America/New_York" }
  count "openSchedules" {
    equals = 1
  }
  count "holidaySchedules" {
    equals = 2
  }
}

object "support hours" {
  type       = "genesyscloud_architect_schedulegroups"
  name       = "Support Hours"
  attributes = { time_zone = "America/Chicago" }
  count "holidaySchedules" {
    equals = 2
  }
  # What the group's schedules say at three moments: a Tuesday morning, that evening, and
  # New Year's Day.
  state_at {
    at        = "2026-03-10T09:00:00"
    time_zone = "America/Chicago"
    state     = "open"
  }
  state_at {
    at        = "2026-03-10T18:30:00"
    time_zone = "America/Chicago"
    state     = "closed"
  }
  state_at {
    at        = "2026-01-01T10:00:00"
    time_zone = "America/Chicago"
    state     = "holiday"
  }
}

object "sales hours" {
  type       = "genesyscloud_architect_schedulegroups"
  name       = "Sales Hours"
  attributes = { time_zone = "America/Los_Angeles" }
  count "openSchedules" {
    equals = 2
  }
}

object "weekdays" {
  type       = "genesyscloud_architect_schedules"
  name       = "Weekdays 8-17"
  attributes = { rrule = "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR" }
}
