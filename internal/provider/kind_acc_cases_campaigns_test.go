package provider

// campaignAccCases are the acceptance rows of the kinds a campaign is built from
// (kinds/catalogue_campaigns.go); see kindAccCase.
var campaignAccCases = map[string]kindAccCase{
	"genesyscloud_outbound_ruleset": {
		// One pre-call rule on the contact list; the update adds a wrap-up rule that runs a
		// time-of-day test and sets a contact column, and names the queue.
		create: ruleSetDeps + `resource "genesyscloud_outbound_ruleset" "it" {
  name            = "Renewal rules"
  contact_list_id = genesyscloud_outbound_contact_list.list.id
  rules {
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
}`,
		update: ruleSetDeps + `resource "genesyscloud_outbound_ruleset" "it" {
  name            = "Renewal rules (2)"
  contact_list_id = genesyscloud_outbound_contact_list.list.id
  queue_id        = genesyscloud_routing_queue.q.id
  rules {
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
  rules {
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
