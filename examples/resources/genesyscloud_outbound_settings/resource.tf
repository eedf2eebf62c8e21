# The org's outbound dialing settings. There is one set per org: applying writes these values
# over the org's, settings left out keep the org's values, and destroying the resource leaves
# the settings as they are (the API cannot reset them).
resource "genesyscloud_outbound_settings" "org" {
  max_calls_per_agent                 = 10
  max_line_utilization                = 0.8
  abandon_seconds                     = 2
  compliance_abandon_rate_denominator = "CALLS_THAT_REACHED_QUEUE"

  # Contacts are dialed only within these hours of their own time zone, mapped from their
  # phone numbers; contacts that cannot be mapped use the unmapped window.
  automatic_time_zone_mapping {
    supported_countries = ["US"]
    callable_windows {
      mapped {
        earliest_callable_time = "08:00"
        latest_callable_time   = "21:00"
      }
      unmapped {
        earliest_callable_time = "10:00"
        latest_callable_time   = "18:00"
        time_zone_id           = "America/Chicago"
      }
    }
  }
}
