# Before a renewal call is placed, contacts outside Indiana are skipped on weekends; after a
# call wrapped up as "Renewed", the contact is marked done.
resource "genesyscloud_outbound_contact_list" "renewals" {
  name         = "Renewals for rules"
  column_names = ["first_name", "phone", "state", "status"]
  phone_columns {
    column_name = "phone"
    type        = "cell"
  }
}

resource "genesyscloud_routing_queue" "renewals" {
  name = "Renewals outbound"
}

resource "genesyscloud_outbound_ruleset" "renewals" {
  name            = "Renewal rules"
  contact_list_id = genesyscloud_outbound_contact_list.renewals.id
  queue_id        = genesyscloud_routing_queue.renewals.id

  rules {
    name     = "No weekend calls outside Indiana"
    order    = 0
    category = "DIALER_PRECALL"
    conditions {
      type           = "contactAttributeCondition"
      attribute_name = "state"
      operator       = "equals"
      value          = "IN"
      value_type     = "STRING"
      inverted       = true
    }
    conditions {
      type                 = "timeAndDateCondition"
      time_zone_id         = "America/Indiana/Indianapolis"
      match_any_conditions = true
      sub_conditions {
        type     = "dayOfWeek"
        operator = "in"
        range {
          in_set = ["6", "7"]
        }
      }
    }
    actions {
      type             = "Action"
      action_type_name = "DO_NOT_DIAL"
    }
  }

  rules {
    name     = "Mark renewed contacts"
    order    = 1
    category = "DIALER_WRAPUP"
    conditions {
      type     = "wrapupCondition"
      operator = "equals"
      codes    = ["Renewed"]
    }
    actions {
      type             = "modifyContactAttribute"
      action_type_name = "UPDATE_CONTACT"
      update_option    = "SET"
      properties = {
        status = "renewed"
      }
    }
  }
}
