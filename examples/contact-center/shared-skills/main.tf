# Routing skills and languages every line routes by. Flow projects look them up by name
# (data sources, Archy acdSkill/languageSkill), which is what makes them depend on this project.

resource "genesyscloud_routing_skill" "billing" {
  name = "Billing"
}

resource "genesyscloud_routing_skill" "technical_support" {
  name = "Technical Support"
}

resource "genesyscloud_routing_skill" "sales" {
  name = "Sales"
}

resource "genesyscloud_routing_skill" "retention" {
  name = "Retention"
}

resource "genesyscloud_routing_language" "english" {
  name = "English"
}

resource "genesyscloud_routing_language" "spanish" {
  name = "Spanish"
}
