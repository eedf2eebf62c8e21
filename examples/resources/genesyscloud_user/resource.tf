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
}

resource "genesyscloud_routing_skill" "billing" {
  name = "Billing"
}
