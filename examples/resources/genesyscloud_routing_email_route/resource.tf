# Email to help@support.example.com goes to the email queue with the billing skill, a copy
# goes to the audit mailbox, and replies are sent from the route's own address.
resource "genesyscloud_routing_email_domain" "support" {
  domain_id = "support.example.com"
}

resource "genesyscloud_routing_queue" "email" {
  name = "Email support"
}

resource "genesyscloud_routing_skill" "billing" {
  name = "Billing"
}

resource "genesyscloud_routing_email_route" "help" {
  domain_id         = genesyscloud_routing_email_domain.support.id
  pattern           = "help"
  from_name         = "Example Support"
  from_email        = "help@support.example.com"
  queue_id          = genesyscloud_routing_queue.email.id
  priority          = 5
  skill_ids         = [genesyscloud_routing_skill.billing.id]
  history_inclusion = "Include"

  auto_bcc {
    email = "audit@example.com"
    name  = "Email audit"
  }

  reply_email_address {
    domain_id            = genesyscloud_routing_email_domain.support.id
    self_reference_route = true
  }
}
