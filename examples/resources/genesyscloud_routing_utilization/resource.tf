# How many conversations of each media type an agent takes at once, org-wide. There is one
# set per org: media types left out use the system's values, and destroying the resource
# puts the system's values back.
resource "genesyscloud_routing_utilization_label" "priority" {
  name = "Priority customers"
}

resource "genesyscloud_routing_utilization_label" "standard" {
  name = "Standard customers"
}

resource "genesyscloud_routing_utilization" "org" {
  call {
    maximum_capacity = 1
    include_non_acd  = true
  }
  callback {
    maximum_capacity          = 1
    interruptible_media_types = ["call"]
  }
  chat {
    maximum_capacity          = 3
    interruptible_media_types = ["call", "callback"]
  }
  email {
    maximum_capacity          = 2
    interruptible_media_types = ["call", "chat"]
  }
  message {
    maximum_capacity = 4
  }

  # A priority conversation fills an agent on its own and may interrupt standard ones.
  label_utilizations {
    label_id         = genesyscloud_routing_utilization_label.standard.id
    maximum_capacity = 3
  }
  label_utilizations {
    label_id               = genesyscloud_routing_utilization_label.priority.id
    maximum_capacity       = 1
    interrupting_label_ids = [genesyscloud_routing_utilization_label.standard.id]
  }
}
