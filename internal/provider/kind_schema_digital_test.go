package provider

import "testing"

// The digital engagement kinds' schemas are the official provider's
// (official-provider-schemas.json), as TestKindSchemasMatchOfficial checks for the other
// regular kinds.
func TestDigitalSchemasMatchOfficial(t *testing.T) {
	checkKindSchemas(t, map[string]map[string]string{
		"genesyscloud_responsemanagement_response": {
			"id":                                     "basetypes.StringType read-only",
			"name":                                   "basetypes.StringType required",
			"library_ids":                            "types.SetType[basetypes.StringType] required",
			"texts":                                  "block set",
			"texts.content":                          "basetypes.StringType required",
			"texts.content_type":                     "basetypes.StringType optional",
			"texts.type":                             "basetypes.StringType optional",
			"interaction_type":                       "basetypes.StringType optional",
			"substitutions":                          "block set",
			"substitutions.id":                       "basetypes.StringType required",
			"substitutions.description":              "basetypes.StringType optional",
			"substitutions.default_value":            "basetypes.StringType optional",
			"substitutions_schema_id":                "basetypes.StringType optional",
			"response_type":                          "basetypes.StringType optional",
			"messaging_template":                     "block set",
			"messaging_template.whats_app":           "block set",
			"messaging_template.whats_app.name":      "basetypes.StringType required",
			"messaging_template.whats_app.namespace": "basetypes.StringType optional",
			"messaging_template.whats_app.language":  "basetypes.StringType required",
			"asset_ids":                              "types.SetType[basetypes.StringType] optional",
			"footer":                                 "block set",
			"footer.type":                            "basetypes.StringType optional",
			"footer.applicable_resources":            "types.ListType[basetypes.StringType] optional",
		},
		"genesyscloud_knowledge_knowledgebase": {
			"id":            "basetypes.StringType read-only",
			"name":          "basetypes.StringType optional",
			"description":   "basetypes.StringType optional",
			"core_language": "basetypes.StringType required",
		},
		"genesyscloud_conversations_messaging_settings": {
			"id":                            "basetypes.StringType read-only",
			"name":                          "basetypes.StringType required",
			"content":                       "block list",
			"content.story":                 "block list",
			"content.story.mention":         "block list",
			"content.story.mention.inbound": "basetypes.StringType optional",
			"content.story.reply":           "block list",
			"content.story.reply.inbound":   "basetypes.StringType optional",
			"event":                         "block list",
			"event.typing":                  "block list",
			"event.typing.on":               "block list",
			"event.typing.on.inbound":       "basetypes.StringType optional",
			"event.typing.on.outbound":      "basetypes.StringType optional",
		},
		"genesyscloud_conversations_messaging_supportedcontent": {
			"id":                              "basetypes.StringType read-only",
			"name":                            "basetypes.StringType required",
			"media_types":                     "block list",
			"media_types.allow":               "block list",
			"media_types.allow.inbound":       "block list",
			"media_types.allow.inbound.type":  "basetypes.StringType optional",
			"media_types.allow.outbound":      "block list",
			"media_types.allow.outbound.type": "basetypes.StringType optional",
		},
		"genesyscloud_processautomation_trigger": {
			"id":                              "basetypes.StringType read-only",
			"name":                            "basetypes.StringType required",
			"description":                     "basetypes.StringType optional",
			"enabled":                         "basetypes.BoolType required",
			"topic_name":                      "basetypes.StringType required",
			"target":                          "block set",
			"target.id":                       "basetypes.StringType required",
			"target.type":                     "basetypes.StringType required",
			"target.workflow_target_settings": "block set",
			"target.workflow_target_settings.data_format": "basetypes.StringType optional",
			"match_criteria":    "basetypes.StringType optional",
			"event_ttl_seconds": "basetypes.Int64Type optional",
			"delay_by_seconds":  "basetypes.Int64Type optional",
		},
	})
}
