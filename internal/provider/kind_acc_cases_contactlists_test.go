package provider

// contactListAttemptLimit is the attempt limit the contact list's update refers to.
const contactListAttemptLimit = `resource "genesyscloud_outbound_attempt_limit" "limit" {
  name                     = "Contact list limit"
  max_attempts_per_contact = 3
}
`

// indianaClause is the contact list filter's first clause, which the update keeps.
const indianaClause = `  clauses {
    predicates {
      column      = "state"
      column_type = "alphabetic"
      operator    = "EQUALS"
      value       = "IN"
    }
  }
`

// contactListAccCases are the acceptance rows of contact lists and the objects that refer to
// them.
var contactListAccCases = map[string]kindAccCase{
	"genesyscloud_outbound_contact_list": {
		// Created with a phone column; the update adds preview mode, an attempt limit and a
		// column's data type in place (the columns themselves would replace the list).
		create: `resource "genesyscloud_outbound_contact_list" "it" {
  name         = "Renewals"
  column_names = ["first_name", "phone"]
  phone_columns {
    column_name = "phone"
    type        = "cell"
  }
}`,
		update: contactListAttemptLimit + `resource "genesyscloud_outbound_contact_list" "it" {
  name                         = "Renewals 2027"
  column_names                 = ["first_name", "phone"]
  preview_mode_column_name     = "first_name"
  preview_mode_accepted_values = ["VIP"]
  attempt_limit_id             = genesyscloud_outbound_attempt_limit.limit.id
  trim_whitespace              = true
  phone_columns {
    column_name = "phone"
    type        = "cell"
  }
  column_data_type_specifications {
    column_name      = "first_name"
    column_data_type = "TEXT"
    max_length       = 40
  }
}`,
		createChecks: map[string]string{"name": "Renewals", "column_names.#": "2", "phone_columns.#": "1",
			"phone_columns.0.type": "cell"},
		updateChecks: map[string]string{"name": "Renewals 2027", "preview_mode_accepted_values.0": "VIP",
			"trim_whitespace": "true", "column_data_type_specifications.0.max_length": "40"},
		driftPath: "previewModeColumnName", driftValue: "phone",
	},
	"genesyscloud_outbound_contactlistfilter": {
		// One clause at first; the update joins a second, with a range, by OR.
		create: filterContactList + `resource "genesyscloud_outbound_contactlistfilter" "it" {
  name            = "Indiana"
  contact_list_id = genesyscloud_outbound_contact_list.list.id
` + indianaClause + `}`,
		update: filterContactList + `resource "genesyscloud_outbound_contactlistfilter" "it" {
  name            = "Indiana or large balances"
  contact_list_id = genesyscloud_outbound_contact_list.list.id
  filter_type     = "OR"
` + indianaClause + `  clauses {
    filter_type = "AND"
    predicates {
      column      = "balance"
      column_type = "numeric"
      operator    = "BETWEEN"
      inverted    = true
      var_range {
        min           = "0"
        max           = "5000"
        min_inclusive = true
      }
    }
  }
}`,
		createChecks: map[string]string{"name": "Indiana", "clauses.#": "1", "clauses.0.predicates.0.operator": "EQUALS"},
		updateChecks: map[string]string{"name": "Indiana or large balances", "filter_type": "OR", "clauses.#": "2",
			"clauses.1.predicates.0.var_range.#": "1", "clauses.1.predicates.0.var_range.0.max": "5000",
			"clauses.1.predicates.0.inverted": "true"},
		driftPath: "filterType", driftValue: "AND",
	},
	"genesyscloud_outbound_dnclist": {
		// An internal list, renamed and restricted to phone numbers in place.
		create: `resource "genesyscloud_outbound_dnclist" "it" {
  name            = "Opted out"
  dnc_source_type = "rds"
}`,
		update: `data "genesyscloud_auth_division_home" "home" {}
resource "genesyscloud_outbound_dnclist" "it" {
  name            = "Opted out by phone"
  dnc_source_type = "rds"
  contact_method  = "Phone"
  division_id     = data.genesyscloud_auth_division_home.home.id
  entries {
    phone_numbers = ["+13175550100", "+13175550101"]
  }
  entries {
    expiration_date = "2030-01-01T00:00Z"
    phone_numbers   = ["+13175550102"]
  }
}`,
		createChecks: map[string]string{"name": "Opted out", "dnc_source_type": "rds", "entries.#": "0"},
		updateChecks: map[string]string{"name": "Opted out by phone", "contact_method": "Phone", "entries.#": "2",
			"entries.1.expiration_date": "2030-01-01T00:00Z", "entries.0.phone_numbers.#": "2"},
		driftPath: "contactMethod", driftValue: "Any",
	},
}

// filterContactList is the contact list the filter rows filter.
const filterContactList = `resource "genesyscloud_outbound_contact_list" "list" {
  name         = "Filtered list"
  column_names = ["phone", "state", "balance"]
}
`
