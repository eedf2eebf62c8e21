# Only contacts in Indiana whose balance is between 100 and 5,000 are dialed from the
# renewals list.
resource "genesyscloud_outbound_contact_list" "renewals" {
  name         = "Renewals for filtering"
  column_names = ["first_name", "phone", "state", "balance"]
  phone_columns {
    column_name = "phone"
    type        = "cell"
  }
}

resource "genesyscloud_outbound_contactlistfilter" "indiana_balances" {
  name            = "Indiana, mid-size balances"
  contact_list_id = genesyscloud_outbound_contact_list.renewals.id
  filter_type     = "AND"

  clauses {
    filter_type = "AND"
    predicates {
      column      = "state"
      column_type = "alphabetic"
      operator    = "EQUALS"
      value       = "IN"
    }
    predicates {
      column      = "balance"
      column_type = "numeric"
      operator    = "BETWEEN"
      var_range {
        min           = "100"
        max           = "5000"
        min_inclusive = true
        max_inclusive = true
      }
    }
  }
}
