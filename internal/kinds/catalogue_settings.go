package kinds

// Catalogue names of the org-wide settings: singleton kinds (API.Singleton), one object per
// org at a fixed path.
const (
	OutboundSettings = "outbound.settings"
)

// settingsAreaKinds are the org's settings objects that map regularly onto one path.
func settingsAreaKinds() []*Kind {
	return []*Kind{
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
