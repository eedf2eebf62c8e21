package provider

// skipOtherStatesRule is the rule set's pre-call rule, which the update keeps as it is.
const skipOtherStatesRule = `  rules {
    name     = "Skip other states"
    category = "DIALER_PRECALL"
    conditions {
      type           = "contactAttributeCondition"
      attribute_name = "state"
      operator       = "equals"
      value          = "IN"
      value_type     = "STRING"
      inverted       = true
    }
    actions {
      type             = "Action"
      action_type_name = "DO_NOT_DIAL"
    }
  }
`

// campaignAccCases are the acceptance rows of the kinds a campaign is built from
// (kinds/catalogue_campaigns.go); see kindAccCase.
var campaignAccCases = map[string]kindAccCase{
	"genesyscloud_outbound_ruleset": {
		// One pre-call rule on the contact list; the update adds a wrap-up rule that runs a
		// time-of-day test and sets a contact column, and names the queue.
		create: ruleSetDeps + `resource "genesyscloud_outbound_ruleset" "it" {
  name            = "Renewal rules"
  contact_list_id = genesyscloud_outbound_contact_list.list.id
` + skipOtherStatesRule + `}`,
		update: ruleSetDeps + `resource "genesyscloud_outbound_ruleset" "it" {
  name            = "Renewal rules (2)"
  contact_list_id = genesyscloud_outbound_contact_list.list.id
  queue_id        = genesyscloud_routing_queue.q.id
` + skipOtherStatesRule + `  rules {
    name     = "Mark evening renewals"
    order    = 1
    category = "DIALER_WRAPUP"
    conditions {
      type         = "timeAndDateCondition"
      time_zone_id = "America/Indiana/Indianapolis"
      sub_conditions {
        type     = "timeOfDay"
        operator = "between"
        range {
          min = "17:00"
          max = "21:00"
        }
      }
    }
    actions {
      type             = "modifyContactAttribute"
      action_type_name = "UPDATE_CONTACT"
      update_option    = "SET"
      properties = {
        state = "done"
      }
    }
  }
}`,
		createChecks: map[string]string{"name": "Renewal rules", "rules.#": "1", "rules.0.conditions.0.inverted": "true",
			"rules.0.actions.0.action_type_name": "DO_NOT_DIAL", "queue_id": absent},
		updateChecks: map[string]string{"name": "Renewal rules (2)", "rules.#": "2", "rules.1.order": "1",
			"rules.1.conditions.0.sub_conditions.0.range.0.max":  "21:00",
			"rules.1.conditions.0.sub_conditions.0.include_year": "true",
			"rules.1.actions.0.properties.state":                 "done"},
		driftPath: "name", driftValue: "Renamed in the UI",
	},
	"genesyscloud_outbound_campaign": {
		// A preview campaign at first; the update sorts its contacts, checks a DNC list,
		// applies a rule set, gives agents the org's default outbound script and changes its
		// priority and caller id, in place.
		create: campaignDeps + `resource "genesyscloud_outbound_campaign" "it" {
  name            = "Renewals"
  dialing_mode    = "preview"
  contact_list_id = genesyscloud_outbound_contact_list.list.id
  queue_id        = genesyscloud_routing_queue.q.id
  caller_name     = "Example Insurance"
  caller_address  = "+13175550100"
  phone_columns {
    column_name = "phone"
  }
}`,
		update: campaignDeps + campaignSite + `resource "genesyscloud_outbound_campaign" "it" {
  name                 = "Renewals (spring)"
  site_id              = genesyscloud_telephony_providers_edges_site.calls.id
  dialing_mode         = "preview"
  contact_list_id      = genesyscloud_outbound_contact_list.list.id
  queue_id             = genesyscloud_routing_queue.q.id
  caller_name          = "Example Insurance Renewals"
  caller_address       = "+13175550101"
  priority             = 2
  abandon_rate         = 2.5
  dnc_list_ids         = [genesyscloud_outbound_dnclist.dnc.id]
  rule_set_ids         = [genesyscloud_outbound_ruleset.rules.id]
  callable_time_set_id = genesyscloud_outbound_callabletimeset.times.id
  script_id            = data.genesyscloud_script.outbound.id
  phone_columns {
    column_name = "phone"
  }
  contact_sorts {
    field_name = "state"
  }
  diagnostics_settings {
    report_low_max_calls_per_agent_alert = false
  }
}`,
		createChecks: map[string]string{"name": "Renewals", "phone_columns.#": "1", "phone_columns.0.column_name": "phone",
			"dnc_list_ids.#": absent, "priority": absent, "site_id": absent},
		updateChecks: map[string]string{"name": "Renewals (spring)", "priority": "2", "abandon_rate": "2.5",
			"caller_address": "+13175550101", "dnc_list_ids.#": "1", "rule_set_ids.#": "1",
			"contact_sorts.0.direction": "ASC", "contact_sorts.0.numeric": "false",
			"diagnostics_settings.0.report_low_max_calls_per_agent_alert": "false"},
		driftPath: "callerName", driftValue: "Changed in the UI",
	},
}

// ruleSetDeps are the contact list and queue a rule set refers to.
const ruleSetDeps = `resource "genesyscloud_outbound_contact_list" "list" {
  name         = "Rule set list"
  column_names = ["phone", "state"]
}
resource "genesyscloud_routing_queue" "q" {
  name = "Rule set queue"
}
`

// campaignDeps are what a campaign refers to: its contact list and queue, and for the update
// a DNC list, a rule set, a callable time set and the default outbound script.
const campaignDeps = `data "genesyscloud_script" "outbound" {
  name = "Default Outbound Script"
}
resource "genesyscloud_outbound_contact_list" "list" {
  name         = "Campaign list"
  column_names = ["phone", "state"]
}
resource "genesyscloud_routing_queue" "q" {
  name = "Campaign queue"
}
resource "genesyscloud_outbound_dnclist" "dnc" {
  name            = "Campaign DNC"
  dnc_source_type = "rds"
}
resource "genesyscloud_outbound_ruleset" "rules" {
  name = "Campaign rules"
}
resource "genesyscloud_outbound_callabletimeset" "times" {
  name = "Campaign times"
  callable_times {
    time_zone_id = "Europe/Dublin"
    time_slots {
      day        = 2
      start_time = "10:00:00"
      stop_time  = "16:00:00"
    }
  }
}
`

// campaignSite is the site a campaign's update places its calls through.
const campaignSite = siteLocation + `resource "genesyscloud_telephony_providers_edges_site" "calls" {
  name        = "Campaign site"
  location_id = genesyscloud_location.branch.id
  media_model = "Cloud"
}
`
