package provider

// integrationsAccCases are the acceptance rows of the integrations area's regular kinds
// (kinds/catalogue_integrations.go); see kindAccCase.
var integrationsAccCases = map[string]kindAccCase{
	"genesyscloud_integration_credential": {
		// The fields are secrets the org never answers: they stay as configured.
		create: `resource "genesyscloud_integration_credential" "it" {
  name                 = "CRM login"
  credential_type_name = "basicAuth"
  fields = {
    userName = "crm-bot"
    password = "first secret"
  }
}`,
		update: `resource "genesyscloud_integration_credential" "it" {
  name                 = "CRM service login"
  credential_type_name = "basicAuth"
  fields = {
    userName = "crm-bot"
    password = "rotated secret"
  }
}`,
		createChecks: map[string]string{"name": "CRM login", "credential_type_name": "basicAuth", "fields.%": "2"},
		updateChecks: map[string]string{"name": "CRM service login", "fields.password": "rotated secret"},
		driftPath:    "name", driftValue: "Renamed in the UI",
	},
}
