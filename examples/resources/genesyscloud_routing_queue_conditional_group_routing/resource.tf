# When callers to the sales queue wait more than 30 seconds, the backup agents join; when
# the overflow queue's service level drops below half, they join as well.
resource "genesyscloud_routing_queue" "sales" {
  name = "Sales"
  # The rules are held by the resource below, not by the queue's own block.
  lifecycle {
    ignore_changes = [conditional_group_routing_rules]
  }
}

resource "genesyscloud_routing_queue" "overflow" {
  name = "Sales overflow"
}

resource "genesyscloud_group" "backup" {
  name = "Sales backup agents"
}

resource "genesyscloud_routing_queue_conditional_group_routing" "sales" {
  queue_id = genesyscloud_routing_queue.sales.id

  rules {
    operator        = "GreaterThan"
    condition_value = 30
    groups {
      member_group_id   = genesyscloud_group.backup.id
      member_group_type = "GROUP"
    }
  }

  rules {
    evaluated_queue_id = genesyscloud_routing_queue.overflow.id
    metric             = "ServiceLevel"
    operator           = "LessThan"
    condition_value    = 0.5
    wait_seconds       = 10
    groups {
      member_group_id   = genesyscloud_group.backup.id
      member_group_type = "GROUP"
    }
  }
}
