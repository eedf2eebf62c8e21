package provider

// presenceAccCases are the acceptance rows of the presence area's regular kinds
// (kinds/catalogue_presence.go); see kindAccCase.
var presenceAccCases = map[string]kindAccCase{
	"genesyscloud_organization_presence_definition": {
		// A lunch presence labelled in one language, then in two and deactivated.
		create: `resource "genesyscloud_organization_presence_definition" "it" {
  system_presence = "Meal"
  language_labels = {
    en_US = "Lunch"
  }
}`,
		update: `resource "genesyscloud_organization_presence_definition" "it" {
  system_presence = "Meal"
  deactivated     = true
  language_labels = {
    en_US = "Lunch break"
    de    = "Mittagspause"
  }
}`,
		createChecks: map[string]string{"system_presence": "Meal", "language_labels.%": "1", "language_labels.en_US": "Lunch", "deactivated": "false"},
		updateChecks: map[string]string{"language_labels.%": "2", "language_labels.de": "Mittagspause", "deactivated": "true"},
		driftPath:    "languageLabels.en_US", driftValue: "Lunch (edited in the UI)",
	},
}
