# A contact is called at most four times a day; busy numbers and unanswered calls are
# retried sooner than the dialer's default.
resource "genesyscloud_outbound_attempt_limit" "daily" {
  name                     = "Four tries a day"
  max_attempts_per_contact = 4
  max_attempts_per_number  = 3
  reset_period             = "TODAY"
  time_zone_id             = "America/Indiana/Indianapolis"
  recall_entries {
    busy {
      minutes_between_attempts = 10
      nbr_attempts             = 2
    }
    no_answer {
      minutes_between_attempts = 30
      nbr_attempts             = 1
    }
  }
}
