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
	"genesyscloud_conversations_messaging_settings": {
		// Typing indicators only at first; the update (a PATCH) turns story mentions on and
		// outbound typing off.
		create: `resource "genesyscloud_conversations_messaging_settings" "it" {
  name = "Social channels"
  event {
    typing {
      on {
        inbound  = "Enabled"
        outbound = "Enabled"
      }
    }
  }
}`,
		update: `resource "genesyscloud_conversations_messaging_settings" "it" {
  name = "Social channels"
  content {
    story {
      mention {
        inbound = "Enabled"
      }
    }
  }
  event {
    typing {
      on {
        inbound  = "Enabled"
        outbound = "Disabled"
      }
    }
  }
}`,
		createChecks: map[string]string{"name": "Social channels", "event.0.typing.0.on.0.outbound": "Enabled", "content.#": "0"},
		updateChecks: map[string]string{"content.0.story.0.mention.0.inbound": "Enabled", "event.0.typing.0.on.0.outbound": "Disabled"},
		driftPath:    "event.typing.on.inbound", driftValue: "Disabled",
	},
	"genesyscloud_conversations_messaging_supportedcontent": {
		// Pictures in at first; the update (a PATCH) lets PDFs in and pictures out.
		create: `resource "genesyscloud_conversations_messaging_supportedcontent" "it" {
  name = "Pictures"
  media_types {
    allow {
      inbound {
        type = "image/*"
      }
    }
  }
}`,
		update: `resource "genesyscloud_conversations_messaging_supportedcontent" "it" {
  name = "Pictures and documents"
  media_types {
    allow {
      inbound {
        type = "image/*"
      }
      inbound {
        type = "application/pdf"
      }
      outbound {
        type = "image/*"
      }
    }
  }
}`,
		createChecks: map[string]string{"name": "Pictures", "media_types.0.allow.0.inbound.#": "1"},
		updateChecks: map[string]string{"name": "Pictures and documents", "media_types.0.allow.0.inbound.#": "2",
			"media_types.0.allow.0.outbound.0.type": "image/*"},
		driftPath: "name", driftValue: "Renamed in the UI",
	},
	"genesyscloud_processautomation_trigger": {
		// Disabled with one criterion at first; the update (a PUT with the version) enables it,
		// adds a criterion, a delay and a time to live, and sets the target's data format.
		create: `resource "genesyscloud_processautomation_trigger" "it" {
  name       = "Survey after chat"
  topic_name = "v2.detail.events.conversation.{id}.customer.end"
  enabled    = false
  target {
    id   = "7c3a9f2e-51d4-4b8e-9a61-0f2d8c4e3b17"
    type = "Workflow"
  }
  match_criteria = jsonencode([{ jsonPath = "mediaType", operator = "Equal", value = "CHAT" }])
}`,
		update: `resource "genesyscloud_processautomation_trigger" "it" {
  name        = "Survey after chat"
  description = "Asks chat customers how it went"
  topic_name  = "v2.detail.events.conversation.{id}.customer.end"
  enabled     = true
  target {
    id   = "7c3a9f2e-51d4-4b8e-9a61-0f2d8c4e3b17"
    type = "Workflow"
    workflow_target_settings {
      data_format = "Json"
    }
  }
  match_criteria = jsonencode([
    { jsonPath = "mediaType", operator = "Equal", value = "CHAT" },
    { jsonPath = "queueId", operator = "In", values = ["a", "b"] }
  ])
  delay_by_seconds  = 120
  event_ttl_seconds = 600
}`,
		createChecks: map[string]string{"name": "Survey after chat", "enabled": "false", "target.#": "1", "delay_by_seconds": absent},
		updateChecks: map[string]string{"enabled": "true", "description": "Asks chat customers how it went",
			"delay_by_seconds": "120", "event_ttl_seconds": "600"},
		driftPath: "eventTTLSeconds", driftValue: 30,
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
