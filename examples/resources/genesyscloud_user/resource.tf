resource "genesyscloud_user" "ann" {
  email      = "ann.agent@example.com"
  name       = "Ann Agent"
  department = "Billing"
  title      = "Agent"

  # Leave routing_skills out to let supervisors manage skills in the UI;
  # write routing_skills = [] to remove all of them.
  routing_skills {
    skill_id    = genesyscloud_routing_skill.billing.id
    proficiency = 4.5
  }

  addresses {
    phone_numbers {
      number = "+13175550123"
      type   = "WORK"
    }
  }

  employer_info {
    employee_id = "E-1001"
    date_hire   = "2024-02-01"
  }

  # Leave routing_utilization out to follow the org's utilization (or manage it in the UI);
  # write routing_utilization = [] to return the user to the org's.
  routing_utilization {
    call {
      maximum_capacity = 1
      include_non_acd  = true
    }
    chat {
      maximum_capacity          = 3
      interruptible_media_types = ["call"]
    }
  }

  locations {
    location_id = genesyscloud_location.hq.id
    notes       = "Second floor, desk 12"
  }

  voicemail_userpolicies {
    alert_timeout_seconds    = 30
    send_email_notifications = true
  }
}

resource "genesyscloud_routing_skill" "billing" {
  name = "Billing"
}

resource "genesyscloud_location" "hq" {
  name = "Headquarters"
}
