package kinds

// Catalogue names of the org's routing settings: the settings themselves and the two parts
// the API keeps at paths of their own under them.
const (
	RoutingSettings       = "routing.settings"
	ContactCenterSettings = "routing.settings.contactcenter"
	TranscriptionSettings = "routing.settings.transcription"
)

const routingSettingsPath = "/api/v2/routing/settings"

// routingSettingsKinds are the org's routing settings. The official resource holds three
// objects of the API: the settings (PUT, DELETE back to the defaults) and its contact center
// and transcription blocks, each a singleton of its own that the API changes by its own
// method and never resets. Those two are kinds without a resource type, so that the local org
// serves and checks them like any singleton, and the settings' blocks name them (Field.Part).
func routingSettingsKinds() []*Kind {
	return []*Kind{
		{
			Name: RoutingSettings, Resource: "genesyscloud_routing_settings", Noun: "routing settings", Names: NoName,
			API: API{Collection: routingSettingsPath, Update: "PUT", NoList: true, Singleton: true,
				Defaults: `{"resetAgentScoreOnPresenceChange":false}`},
			Model: "RoutingSettings", Audit: Audit{"Routing", "RoutingSettings"}, Permission: "routing:settings",
			Actions:   map[string]string{"GET": "view", "PUT": "edit", "DELETE": "edit"},
			DependsOn: []string{ContactCenterSettings, TranscriptionSettings},
			Fields: []Field{
				{Attr: "reset_agent_on_presence_change", JSON: "resetAgentScoreOnPresenceChange", Type: Bool, Mode: Optional,
					Description: "Reset agent score when agent presence changes from off-queue to on-queue."},
				{Attr: "contactcenter", JSON: "contactcenter", Type: Object, Mode: Optional, Part: ContactCenterSettings,
					Description: "Contact center settings. When not set, the org's contact center settings are left as they are.",
					Nested:      contactCenterFields()},
				{Attr: "transcription", JSON: "transcription", Type: Object, Mode: Optional, Part: TranscriptionSettings,
					Description: "Transcription settings. When not set, the org's transcription settings are left as they are.",
					Nested:      transcriptionFields()},
			},
		},
		{
			Name: ContactCenterSettings, Noun: "contact center settings", Names: NoName,
			API: API{Collection: routingSettingsPath + "/contactcenter", Update: "PATCH", NoList: true, NoDelete: true,
				Singleton: true, Defaults: `{"removeSkillsFromBlindTransfer":false}`},
			Model: "ContactCenterSettings", Audit: Audit{"Routing", "ContactCenterSettings"}, Permission: "routing:settings",
			Actions: map[string]string{"GET": "view", "PATCH": "edit"},
			Fields:  contactCenterFields(),
		},
		{
			Name: TranscriptionSettings, Noun: "transcription settings", Names: NoName,
			API: API{Collection: routingSettingsPath + "/transcription", Update: "PUT", NoList: true, NoDelete: true,
				Singleton: true, Defaults: `{"transcription":"Disabled","transcriptionConfidenceThreshold":0,` +
					`"lowLatencyTranscriptionEnabled":false,"contentSearchEnabled":false,"pciDssRedactionEnabled":false,` +
					`"piiRedactionEnabled":false}`},
			Model: "TranscriptionSettings", Audit: Audit{"Routing", "TranscriptionSettings"},
			Permission: "routing:transcriptionSettings",
			Actions:    map[string]string{"GET": "view", "PUT": "edit"},
			Fields:     transcriptionFields(),
		},
	}
}

// contactCenterFields map the contact center settings, as a kind and as the settings' block.
func contactCenterFields() []Field {
	return []Field{
		{Attr: "remove_skills_from_blind_transfer", JSON: "removeSkillsFromBlindTransfer", Type: Bool, Mode: Optional,
			Description: "Strip skills from transfer."},
	}
}

// transcriptionFields map the transcription settings, as a kind and as the settings' block.
func transcriptionFields() []Field {
	return []Field{
		{Attr: "transcription", JSON: "transcription", Type: String, Mode: Optional,
			Enum:        []string{"Disabled", "EnabledGlobally", "EnabledQueueFlow"},
			Description: "Setting to enable/disable transcription capability (Disabled | EnabledGlobally | EnabledQueueFlow)."},
		{Attr: "transcription_confidence_threshold", JSON: "transcriptionConfidenceThreshold", Type: Float, Mode: Optional,
			Description: "Configure confidence threshold. The possible values are from 1 to 100."},
		{Attr: "low_latency_transcription_enabled", JSON: "lowLatencyTranscriptionEnabled", Type: Bool, Mode: Optional,
			Description: "Boolean flag indicating whether low latency transcription via Notification API is enabled."},
		{Attr: "content_search_enabled", JSON: "contentSearchEnabled", Type: Bool, Mode: Optional,
			Description: "Setting to enable/disable content search."},
		{Attr: "pci_dss_redaction_enabled", JSON: "pciDssRedactionEnabled", Type: Bool, Mode: Optional,
			Description: "Setting to enable/disable PCI DSS Redaction."},
		{Attr: "pii_redaction_enabled", JSON: "piiRedactionEnabled", Type: Bool, Mode: Optional,
			Description: "Setting to enable/disable PII Redaction."},
	}
}
