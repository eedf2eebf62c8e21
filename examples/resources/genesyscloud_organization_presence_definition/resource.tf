# A presence agents pick when they are at lunch: a kind of the system presence "Meal",
# labelled in the languages the contact center works in.
resource "genesyscloud_organization_presence_definition" "lunch" {
  system_presence = "Meal"
  deactivated     = false
  language_labels = {
    en_US = "Lunch"
    de    = "Mittagspause"
  }
}
