# A preview campaign that offers renewal contacts to the renewals queue on weekday
# mornings, highest balance first, skipping numbers on the do-not-call list.
resource "genesyscloud_outbound_contact_list" "renewals" {
  name         = "Renewals for the campaign"
  column_names = ["first_name", "phone", "balance"]
  phone_columns {
    column_name = "phone"
    type        = "cell"
  }
}

resource "genesyscloud_routing_queue" "renewals" {
  name = "Renewals campaign queue"
}

resource "genesyscloud_outbound_dnclist" "internal" {
  name            = "Internal do-not-call"
  dnc_source_type = "rds"
}

resource "genesyscloud_outbound_callabletimeset" "mornings" {
  name = "Campaign weekday mornings"
  callable_times {
    time_zone_id = "America/Indiana/Indianapolis"
    time_slots {
      day        = 1
      start_time = "09:00:00"
      stop_time  = "12:00:00"
    }
  }
}

resource "genesyscloud_outbound_callanalysisresponseset" "preview" {
  name = "Campaign preview responses"
  responses {
    callable_person {
      reaction_type = "transfer"
    }
  }
}

resource "genesyscloud_outbound_campaign" "renewals" {
  name                          = "Renewals"
  dialing_mode                  = "preview"
  contact_list_id               = genesyscloud_outbound_contact_list.renewals.id
  queue_id                      = genesyscloud_routing_queue.renewals.id
  call_analysis_response_set_id = genesyscloud_outbound_callanalysisresponseset.preview.id
  callable_time_set_id          = genesyscloud_outbound_callabletimeset.mornings.id
  dnc_list_ids                  = [genesyscloud_outbound_dnclist.internal.id]
  caller_name                   = "Example Insurance"
  caller_address                = "+13175550100"
  campaign_status               = "off"
  preview_time_out_seconds      = 30
  priority                      = 3

  phone_columns {
    column_name = "phone"
  }

  contact_sorts {
    field_name = "balance"
    direction  = "DESC"
    numeric    = true
  }
}
