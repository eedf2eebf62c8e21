# Objects of the shared projects, looked up by name: these names (and those in the flow YAML)
# are how cx knows this project deploys after shared-skills, shared-wrapupcodes and
# shared-schedules. No remote state, no paths to other projects.

data "genesyscloud_routing_skill" "sales" {
  name = "Sales"
}

data "genesyscloud_routing_skill" "retention" {
  name = "Retention"
}

data "genesyscloud_routing_wrapupcode" "sale_closed" {
  name = "Sale Closed"
}

data "genesyscloud_routing_wrapupcode" "callback_requested" {
  name = "Callback Requested"
}

data "genesyscloud_architect_schedulegroups" "hours" {
  name = "Sales Hours"
}
