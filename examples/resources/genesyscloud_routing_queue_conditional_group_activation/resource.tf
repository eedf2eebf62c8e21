# While no agent of the support queue is idle, the backup agents are activated for it once
# callers wait more than a minute.
resource "genesyscloud_routing_queue" "support" {
  name = "Support"
}

resource "genesyscloud_group" "backup" {
  name = "Support backup agents"
}

resource "genesyscloud_routing_queue_conditional_group_activation" "support" {
  queue_id = genesyscloud_routing_queue.support.id

  pilot_rule {
    condition_expression = "C1"
    conditions {
      simple_metric {
        metric = "IdleAgentCount"
      }
      operator = "LessThan"
      value    = 1
    }
  }

  rules {
    condition_expression = "C1"
    conditions {
      simple_metric {
        metric = "EstimatedWaitTime"
      }
      operator = "GreaterThan"
      value    = 60
    }
    groups {
      member_group_id   = genesyscloud_group.backup.id
      member_group_type = "GROUP"
    }
  }
}
