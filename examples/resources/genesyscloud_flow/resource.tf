resource "genesyscloud_routing_queue" "general" {
  name = "General Support"
}

resource "genesyscloud_architect_schedules" "weekdays" {
  name  = "Support weekdays"
  start = "2021-08-04T08:00:00.000000"
  end   = "2021-08-04T17:00:00.000000"
  rrule = "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR"
}

resource "genesyscloud_architect_schedulegroups" "support" {
  name              = "Support open hours"
  time_zone         = "America/New_York"
  open_schedules_id = [genesyscloud_architect_schedules.weekdays.id]
}

# The flow names the queue and the schedule group in its YAML. The plan checks that both
# exist in the org or are declared here; the substitution orders the publish after the
# queue, depends_on after the schedule group.
resource "genesyscloud_flow" "main_ivr" {
  filepath = "${path.module}/main_ivr.yaml"
  substitutions = {
    queue_name = genesyscloud_routing_queue.general.name
  }
  depends_on = [genesyscloud_architect_schedulegroups.support]
}
