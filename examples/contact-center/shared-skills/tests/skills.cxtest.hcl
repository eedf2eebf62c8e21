# The skills and languages the flows route by exist under the names the flows use.

object "billing skill" {
  type = "genesyscloud_routing_skill"
  name = "Billing"
}

object "technical support skill" {
  type = "genesyscloud_routing_skill"
  name = "Technical Support"
}

object "sales skill" {
  type = "genesyscloud_routing_skill"
  name = "Sales"
}

object "retention skill" {
  type = "genesyscloud_routing_skill"
  name = "Retention"
}

object "english" {
  type = "genesyscloud_routing_language"
  name = "English"
}

object "spanish" {
  type = "genesyscloud_routing_language"
  name = "Spanish"
}
