# Objects of the shared projects, looked up by name: these names (and those in the flow YAML)
# are how cx knows this project deploys after shared-skills, shared-wrapupcodes and
# shared-schedules. No remote state, no paths to other projects.

data "genesyscloud_routing_skill" "billing" {
  name = "Billing"
}

data "genesyscloud_routing_skill" "retention" {
  name = "Retention"
}

data "genesyscloud_routing_wrapupcode" "resolved" {
  name = "Resolved"
}

data "genesyscloud_routing_wrapupcode" "payment_taken" {
  name = "Payment Taken"
}

data "genesyscloud_routing_wrapupcode" "escalated" {
  name = "Escalated"
}

data "genesyscloud_architect_schedulegroups" "hours" {
  name = "Billing Hours"
}
