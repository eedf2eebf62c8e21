# Renewal reminders: a contact has a home and a cell number and an email address; contacts
# flagged "yes" in the preview column are always dialed in preview mode, and no contact is
# tried more than four times a day.
resource "genesyscloud_outbound_attempt_limit" "daily" {
  name                     = "Four tries a day for renewals"
  max_attempts_per_contact = 4
  reset_period             = "TODAY"
  time_zone_id             = "America/Indiana/Indianapolis"
}

resource "genesyscloud_outbound_contact_list" "renewals" {
  name                         = "Renewals"
  column_names                 = ["first_name", "home_phone", "cell_phone", "email", "time_zone", "preview"]
  preview_mode_column_name     = "preview"
  preview_mode_accepted_values = ["yes"]
  attempt_limit_id             = genesyscloud_outbound_attempt_limit.daily.id
  trim_whitespace              = true

  phone_columns {
    column_name               = "home_phone"
    type                      = "home"
    callable_time_column_name = "time_zone"
  }
  phone_columns {
    column_name = "cell_phone"
    type        = "cell"
  }
  email_columns {
    column_name = "email"
    type        = "personal"
  }
  column_data_type_specifications {
    column_name      = "first_name"
    column_data_type = "TEXT"
    max_length       = 40
  }
}
