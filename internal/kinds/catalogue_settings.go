package kinds

// Catalogue names of the org-wide settings: singleton kinds (API.Singleton), one object per
// org at a fixed path.
const (
	OutboundSettings   = "outbound.settings"
	RoutingUtilization = "routing.utilization"
	WrapupCodeMappings = "outbound.wrapupcodemappings"
)

// settingsAreaKinds are the org's settings objects that map regularly onto one path.
func settingsAreaKinds() []*Kind {
	return []*Kind{
		{
			Name: RoutingUtilization, Resource: "genesyscloud_routing_utilization", Noun: "routing utilization", Names: NoName,
			// PUT replaces the whole: media types left out go back to the system's values, as
			// DELETE does for all of them.
			API: API{Collection: "/api/v2/routing/utilization", Update: "PUT", NoList: true, Singleton: true,
				Defaults: `{"utilization":{"call":{"maximumCapacity":1,"includeNonAcd":false},` +
					`"callback":{"maximumCapacity":1,"includeNonAcd":false},"chat":{"maximumCapacity":4,"includeNonAcd":false},` +
					`"email":{"maximumCapacity":1,"includeNonAcd":false},"message":{"maximumCapacity":4,"includeNonAcd":false}}}`},
			Model: "UtilizationResponse", UpdateModel: "UtilizationRequest",
			Audit: Audit{"Routing", "Utilization"}, Permission: "routing:utilization",
			Actions:   map[string]string{"GET": "view", "PUT": "manage", "DELETE": "manage"},
			DependsOn: []string{UtilizationLabel},
			Fields: []Field{
				mediaUtilization("call"), mediaUtilization("callback"), mediaUtilization("chat"),
				mediaUtilization("email"), mediaUtilization("message"),
				{Attr: "label_utilizations", JSON: "labelUtilizations", Type: Block, Mode: Optional,
					Description: "The label utilization settings. If this is set, the org's label utilization settings are managed by this resource.",
					Nested: []Field{
						{Attr: "label_id", JSON: EntryKey, Type: String, Mode: Required, Ref: UtilizationLabel,
							Description: "Id of the label being configured."},
						{Attr: "maximum_capacity", JSON: "maximumCapacity", Type: Int, Mode: Required,
							Description: "Maximum capacity of conversations with this label. Value must be between 0 and 25."},
						{Attr: "interrupting_label_ids", JSON: "interruptingLabelIds", Type: StringSet, Mode: Optional, Ref: UtilizationLabel,
							Description: "Set of other labels that can interrupt this label."},
					}},
			},
		},
		{
			Name: WrapupCodeMappings, Resource: "genesyscloud_outbound_wrapupcodemappings", Noun: "wrap-up code mappings", Names: NoName,
			// The API has no DELETE: destroying the resource leaves the mappings as they are.
			API: API{Collection: "/api/v2/outbound/wrapupcodemappings", Update: "PUT", NoList: true, NoDelete: true, Singleton: true,
				Defaults: `{"defaultSet":["Right_Party_Contact"],"mapping":{}}`},
			Model: "WrapUpCodeMapping", Audit: Audit{"Outbound", "WrapUpCodeMapping"}, Permission: "outbound:wrapUpCodeMapping",
			DependsOn: []string{WrapupCode},
			Fields: []Field{
				{Attr: "default_set", JSON: "defaultSet", Type: StringSet, Mode: Required,
					Description: "The default set of wrap-up flags. These will be used if there is no entry for a given wrap-up code."},
				{Attr: "mappings", JSON: "mapping", Type: Block, Unordered: true, Mode: Optional,
					Description: "A map from wrap-up code identifiers to a set of wrap-up flags.",
					Nested: []Field{
						{Attr: "wrapup_code_id", JSON: EntryKey, Type: String, Mode: Required, Ref: WrapupCode,
							Description: "The wrap-up code id."},
						{Attr: "flags", JSON: EntryValue, Type: StringSet, Mode: Required,
							Description: "The set of wrap-up flags."},
					}},
				// Not part of the API: the official schema has it so that the resource always
				// has a value to compare; it is sent (the API ignores it) and kept as configured.
				{Attr: "placeholder", JSON: "placeholder", Type: String, Mode: Optional, Default: "***", WriteOnly: true,
					Description: "Placeholder data used internally by the provider."},
			},
		},
		{
			Name: OutboundSettings, Resource: "genesyscloud_outbound_settings", Noun: "outbound settings", Names: NoName,
			// PATCH changes the fields sent; the API has no DELETE, so destroying the resource
			// leaves the settings as they are.
			API: API{Collection: "/api/v2/outbound/settings", Update: "PATCH", NoList: true, NoDelete: true, Singleton: true,
				Defaults: `{"maxCallsPerAgent":4,"maxConfigurableCallsPerAgent":50,"maxLineUtilization":1,` +
					`"abandonSeconds":2,"complianceAbandonRateDenominator":"ALL_CALLS","rescheduleTimeZoneSkippedContacts":false}`},
			Model: "OutboundSettings", Audit: Audit{"Outbound", "OutboundSettings"}, Permission: "outbound:settings",
			// Every setting has an org value, so an attribute left out of the configuration
			// keeps it rather than being planned away.
			Fields: []Field{
				{Attr: "max_calls_per_agent", JSON: "maxCallsPerAgent", Type: Int, Mode: OptionalComputed,
					Description: "The maximum number of calls that can be placed per agent on any campaign."},
				{Attr: "max_line_utilization", JSON: "maxLineUtilization", Type: Float, Mode: OptionalComputed,
					Description: "The maximum percentage of lines that should be used for Outbound, expressed as a decimal in the range [0.0, 1.0]."},
				{Attr: "abandon_seconds", JSON: "abandonSeconds", Type: Int, Mode: OptionalComputed,
					Description: "The number of seconds used to determine if a call is abandoned."},
				{Attr: "compliance_abandon_rate_denominator", JSON: "complianceAbandonRateDenominator", Type: String,
					Mode: OptionalComputed, Enum: []string{"ALL_CALLS", "CALLS_THAT_REACHED_QUEUE"},
					Description: "The denominator to be used in determining the compliance abandon rate."},
				{Attr: "reschedule_time_zone_skipped_contacts", JSON: "rescheduleTimeZoneSkippedContacts", Type: Bool, Mode: OptionalComputed,
					Description: "Whether or not to reschedule time-zone blocked contacts."},
				{Attr: "automatic_time_zone_mapping", JSON: "automaticTimeZoneMapping", Type: Object, Mode: Optional,
					Description: "The settings for automatic time zone mapping. Note that changing these settings will change them for both voice and messaging campaigns.",
					Nested: []Field{
						{Attr: "callable_windows", JSON: "callableWindows", Type: Block, Unordered: true, Mode: Optional,
							Description: "The time intervals to use for automatic time zone mapping.",
							Nested: []Field{
								{Attr: "mapped", JSON: "mapped", Type: Object, Unordered: true, Mode: Optional,
									Description: "The time interval to place outbound calls, for contacts that can be mapped to a time zone.",
									Nested: []Field{
										{Attr: "earliest_callable_time", JSON: "earliestCallableTime", Type: String, Mode: Optional,
											Description: "The earliest time to dial a contact. Valid format is HH:mm."},
										{Attr: "latest_callable_time", JSON: "latestCallableTime", Type: String, Mode: Optional,
											Description: "The latest time to dial a contact. Valid format is HH:mm."},
									}},
								{Attr: "unmapped", JSON: "unmapped", Type: Object, Unordered: true, Mode: Optional,
									Description: "The time interval and time zone to place outbound calls, for contacts that cannot be mapped to a time zone.",
									Nested: []Field{
										{Attr: "earliest_callable_time", JSON: "earliestCallableTime", Type: String, Mode: Optional,
											Description: "The earliest time to dial a contact. Valid format is HH:mm."},
										{Attr: "latest_callable_time", JSON: "latestCallableTime", Type: String, Mode: Optional,
											Description: "The latest time to dial a contact. Valid format is HH:mm."},
										{Attr: "time_zone_id", JSON: "timeZoneId", Type: String, Mode: Optional,
											Description: "The time zone to use for contacts that cannot be mapped."},
									}},
							}},
						{Attr: "supported_countries", JSON: "supportedCountries", Type: StringList, Mode: Optional,
							Description: "The countries that are supported for automatic time zone mapping."},
					}},
			},
		},
	}
}

// mediaTypes are the media types utilization is set for, as the API keys them.
func mediaTypes() []string { return []string{"call", "callback", "chat", "email", "message"} }

// mediaUtilization is the utilization block of one media type: the entry of the API's
// utilization object under the media type's name.
func mediaUtilization(media string) Field {
	return Field{Attr: media, JSON: "utilization." + media, Type: Object, Mode: Optional,
		Description: "Utilization settings for " + media + " interactions.",
		Nested: []Field{
			{Attr: "maximum_capacity", JSON: "maximumCapacity", Type: Int, Mode: Required,
				Description: "Maximum capacity of conversations of this media type. Value must be between 0 and 25."},
			{Attr: "include_non_acd", JSON: "includeNonAcd", Type: Bool, Mode: Optional, Default: false,
				Description: "Block this media type when on a non-ACD conversation."},
			{Attr: "interruptible_media_types", JSON: "interruptableMediaTypes", Type: StringSet, Mode: Optional, Enum: mediaTypes(),
				Description: "Set of other media types that can interrupt this media type (call | callback | chat | email | message)."},
		}}
}
