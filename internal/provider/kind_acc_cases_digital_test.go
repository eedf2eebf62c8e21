package provider

// digitalAccCases are the acceptance rows of the digital engagement kinds
// (kinds/catalogue_digital.go); see kindAccCase.
var digitalAccCases = map[string]kindAccCase{
	"genesyscloud_responsemanagement_response": {
		// One plain text at first; the update (a PUT with the version) adds an HTML text, a
		// substitution, a second library and a footer.
		create: responseLibraries + `resource "genesyscloud_responsemanagement_response" "it" {
  name        = "Greeting"
  library_ids = [genesyscloud_responsemanagement_library.support.id]
  texts {
    content      = "Hello, how can I help?"
    content_type = "text/plain"
  }
}`,
		update: responseLibraries + `resource "genesyscloud_responsemanagement_response" "it" {
  name             = "Greeting (named)"
  library_ids      = [genesyscloud_responsemanagement_library.support.id, genesyscloud_responsemanagement_library.sales.id]
  interaction_type = "email"
  response_type    = "Footer"
  texts {
    content      = "Hello {{name}}, how can I help?"
    content_type = "text/plain"
  }
  texts {
    content      = "<p>Hello {{name}}, how can I help?</p>"
    content_type = "text/html"
    type         = "body"
  }
  substitutions {
    id            = "name"
    default_value = "there"
  }
  footer {
    type                 = "Signature"
    applicable_resources = ["Campaign"]
  }
}`,
		createChecks: map[string]string{"name": "Greeting", "library_ids.#": "1", "texts.#": "1", "substitutions.#": "0"},
		updateChecks: map[string]string{"name": "Greeting (named)", "library_ids.#": "2", "texts.#": "2", "substitutions.#": "1",
			"interaction_type": "email", "footer.#": "1"},
		driftPath: "interactionType", driftValue: "chat",
		lookupArgs: "  library_id = genesyscloud_responsemanagement_library.support.id\n",
	},
	"genesyscloud_knowledge_knowledgebase": {
		// Described and renamed in place (a PATCH); the data source finds it by name and
		// language.
		create: `resource "genesyscloud_knowledge_knowledgebase" "it" {
  name          = "Billing help"
  core_language = "en-US"
}`,
		update: `resource "genesyscloud_knowledge_knowledgebase" "it" {
  name          = "Billing and payments help"
  description   = "Invoices, payments and refunds"
  core_language = "en-US"
}`,
		createChecks: map[string]string{"name": "Billing help", "core_language": "en-US", "description": absent},
		updateChecks: map[string]string{"name": "Billing and payments help", "description": "Invoices, payments and refunds"},
		driftPath:    "description", driftValue: "Edited in the UI",
		lookupArgs: "  core_language = \"en-US\"\n",
	},
}

// responseLibraries are the libraries the response rows put responses in.
const responseLibraries = `resource "genesyscloud_responsemanagement_library" "support" {
  name = "Support answers"
}
resource "genesyscloud_responsemanagement_library" "sales" {
  name = "Sales answers"
}
`
