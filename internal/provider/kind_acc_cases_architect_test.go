package provider

// architectAccCases are the acceptance rows of the Architect area's regular kinds added for
// breadth (kinds/catalogue_architect.go); see kindAccCase.
var architectAccCases = map[string]kindAccCase{
	"genesyscloud_flow_loglevel": {
		// A setting made under its flow, whose id it takes; TestAccFlowLogLevel tests the
		// API's refusal of an unknown level.
		create:       flowLogLevelConfig("Base"),
		update:       flowLogLevelConfig("All"),
		files:        map[string]string{"evacuation.yaml": evacuationFlow},
		createChecks: map[string]string{"flow_log_level": "Base"},
		updateChecks: map[string]string{"flow_log_level": "All"},
		driftPath:    "logLevelCharacteristics.level", driftValue: "Disabled",
	},
	"genesyscloud_architect_datatable": {
		// Created with the key column and one more, then given a description, a title and
		// two typed columns with defaults: the columns stay in the order written.
		create: `resource "genesyscloud_architect_datatable" "it" {
  name = "Postcode regions"
  properties {
    name = "key"
    type = "string"
  }
  properties {
    name = "region"
    type = "string"
  }
}`,
		update: `resource "genesyscloud_architect_datatable" "it" {
  name        = "Postcode regions"
  description = "Routes callers to their regional team"
  properties {
    name  = "key"
    type  = "string"
    title = "Postcode"
  }
  properties {
    name    = "region"
    type    = "string"
    default = "central"
  }
  properties {
    name    = "office_open"
    type    = "boolean"
    default = "true"
  }
  properties {
    name    = "agents"
    type    = "integer"
    default = "12"
  }
}`,
		createChecks: map[string]string{"name": "Postcode regions", "properties.#": "2", "properties.1.name": "region"},
		updateChecks: map[string]string{"description": "Routes callers to their regional team", "properties.#": "4",
			"properties.0.title": "Postcode", "properties.2.name": "office_open", "properties.2.default": "true",
			"properties.3.type": "integer", "properties.3.default": "12"},
		driftPath: "description", driftValue: "Edited in the UI",
	},
	"genesyscloud_architect_grammar_language": {
		// A grammar's English, then its German instead: a language is its code, so a new
		// code is a new language (the old one is deleted).
		create: grammarForLanguages + `resource "genesyscloud_architect_grammar_language" "it" {
  grammar_id = genesyscloud_architect_grammar.numbers.id
  language   = "en-us"
}`,
		update: grammarForLanguages + `resource "genesyscloud_architect_grammar_language" "it" {
  grammar_id = genesyscloud_architect_grammar.numbers.id
  language   = "de-de"
}`,
		replaces:     true,
		createChecks: map[string]string{"language": "en-us"},
		updateChecks: map[string]string{"language": "de-de"},
	},
}

// grammarForLanguages is the grammar the grammar language rows belong to.
const grammarForLanguages = `resource "genesyscloud_architect_grammar" "numbers" {
  name = "Account numbers"
}
`

// flowLogLevelConfig sets a flow's log level to level.
func flowLogLevelConfig(level string) string {
	return `resource "genesyscloud_flow" "evacuation" {
  filepath = "{{dir}}/evacuation.yaml"
}
resource "genesyscloud_flow_loglevel" "it" {
  flow_id        = genesyscloud_flow.evacuation.id
  flow_log_level = "` + level + `"
}`
}
