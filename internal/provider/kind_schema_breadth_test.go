package provider

import (
	"context"
	"testing"
)

// The routing settings' schema is the official provider's (official-provider-schemas.json),
// its two blocks included although the API keeps them at paths of their own.
func TestRoutingSettingsSchemaMatchesOfficial(t *testing.T) {
	checkKindSchema(context.Background(), t, "genesyscloud_routing_settings", map[string]string{
		"id":                             "basetypes.StringType read-only",
		"reset_agent_on_presence_change": "basetypes.BoolType optional",
		"contactcenter":                  "block list",
		"contactcenter.remove_skills_from_blind_transfer": "basetypes.BoolType optional",
		"transcription":                                    "block list",
		"transcription.transcription":                      "basetypes.StringType optional",
		"transcription.transcription_confidence_threshold": "basetypes.Float64Type optional",
		"transcription.low_latency_transcription_enabled":  "basetypes.BoolType optional",
		"transcription.content_search_enabled":             "basetypes.BoolType optional",
		"transcription.pci_dss_redaction_enabled":          "basetypes.BoolType optional",
		"transcription.pii_redaction_enabled":              "basetypes.BoolType optional",
	})
}

// The grammar language's schema is the official provider's, but for its file blocks, which
// are not-yet (kinds/catalogue_grammar_language.go).
func TestGrammarLanguageSchemaMatchesOfficial(t *testing.T) {
	checkKindSchema(context.Background(), t, "genesyscloud_architect_grammar_language", map[string]string{
		"id":         "basetypes.StringType read-only",
		"grammar_id": "basetypes.StringType required",
		"language":   "basetypes.StringType required",
	})
}
