# Campaigns using this set dial on weekday working hours only, in the contact center's zone.
resource "genesyscloud_outbound_callabletimeset" "working_hours" {
  name = "Working hours"
  callable_times {
    name         = "Weekdays"
    time_zone_id = "America/Indiana/Indianapolis"
    time_slots {
      day        = 1
      start_time = "09:00:00"
      stop_time  = "17:00:00"
    }
    time_slots {
      day        = 2
      start_time = "09:00:00"
      stop_time  = "17:00:00"
    }
  }
}
