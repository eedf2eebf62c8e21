package kinds

import "strings"

// Catalogue names of the outbound kinds added for breadth.
const (
	ContactListFilter = "outbound.contactlistfilter"
	DNCList           = "outbound.dnclist"
	CallableTimeSet   = "outbound.callabletimeset"
	AttemptLimit      = "outbound.attemptlimit"
	ResponseSet       = "outbound.responseset"
)

// outboundAreaKinds are the outbound dialing kinds: contact lists and their filters, DNC
// lists, callable time sets, attempt limits and call analysis response sets.
func outboundAreaKinds() []*Kind {
	return []*Kind{
		{
			// Flows name contact lists (Archy "contactList"). The contacts themselves are
			// uploaded outside the Platform API (a CSV to the upload service), so the
			// official contacts_* attributes are not mapped: the list's shape is.
			Name: ContactList, Resource: "genesyscloud_outbound_contact_list", DataSource: "genesyscloud_outbound_contact_list",
			Noun:  "contact list",
			API:   API{Collection: "/api/v2/outbound/contactlists", MaxPageSize: 100, NameFilter: "name", Update: "PUT", Version: IntVersion},
			Model: "ContactList", Audit: Audit{"Outbound", "ContactList"}, Permission: "outbound:contactList",
			Archy: []string{"contactList"}, DependsOn: []string{Division, AttemptLimit},
			BulkRead: true, Unmanaged: true, IDAttributes: []string{"contact_list_id", "contact_list_ids"},
			Fields: []Field{
				{Attr: "name", JSON: "name", Type: String, Mode: Required, Description: "Name for the contact list."},
				{Attr: "column_names", JSON: "columnNames", Type: StringList, Mode: Required, ForceNew: true, MinItems: 1,
					Description: "The names of the contact data columns. Changing it replaces the contact list."},
				divisionField("contact list"),
				{Attr: "phone_columns", JSON: "phoneColumns", Type: Block, Unordered: true, Mode: Optional, ForceNew: true,
					Description: "Indicates which columns are phone numbers. Changing it replaces the contact list.",
					Nested: []Field{
						{Attr: "column_name", JSON: "columnName", Type: String, Mode: Required, Description: "The phone number column name."},
						{Attr: "type", JSON: "type", Type: String, Mode: Required, Description: "The type of the phone number column, for example 'cell' or 'home'."},
						{Attr: "callable_time_column", JSON: "callableTimeColumn", Type: String, Mode: Optional,
							Description: "A column that indicates the time zone to use for a given contact when checking callable times. Deprecated: use callable_time_column_name."},
						{Attr: "callable_time_column_name", JSON: "callableTimeColumnName", Type: String, Mode: Optional,
							Description: "A column that indicates the time zone to use for a given contact when checking callable times."},
					}},
				{Attr: "email_columns", JSON: "emailColumns", Type: Block, Unordered: true, Mode: Optional, ForceNew: true,
					Description: "Indicates which columns are email addresses. Changing it replaces the contact list.",
					Nested: []Field{
						{Attr: "column_name", JSON: "columnName", Type: String, Mode: Required, Description: "The email column name."},
						{Attr: "type", JSON: "type", Type: String, Mode: Required, Description: "The type of the email column, for example 'work' or 'personal'."},
						{Attr: "contactable_time_column", JSON: "contactableTimeColumn", Type: String, Mode: Optional,
							Description: "A column that indicates the time zone to use for a given contact when checking contactable times. Deprecated: use contactable_time_column_name."},
						{Attr: "contactable_time_column_name", JSON: "contactableTimeColumnName", Type: String, Mode: Optional,
							Description: "A column that indicates the time zone to use for a given contact when checking contactable times."},
					}},
				{Attr: "whats_app_columns", JSON: "whatsAppColumns", Type: Block, Unordered: true, Mode: Optional, ForceNew: true,
					Description: "Indicates which columns are WhatsApp numbers. Changing it replaces the contact list.",
					Nested: []Field{
						{Attr: "column_name", JSON: "columnName", Type: String, Mode: Required, Description: "The WhatsApp column name."},
						{Attr: "type", JSON: "type", Type: String, Mode: Required, Description: "The type of the WhatsApp column, for example 'cell'."},
					}},
				{Attr: "preview_mode_column_name", JSON: "previewModeColumnName", Type: String, Mode: Optional,
					Description: "A column to check if a contact should always be dialed in preview mode."},
				{Attr: "preview_mode_accepted_values", JSON: "previewModeAcceptedValues", Type: StringList, Mode: Optional,
					Description: "The values in the preview_mode_column_name column that mean a contact is always dialed in preview mode."},
				{Attr: "attempt_limit_id", JSON: "attemptLimits.id", Type: String, Mode: Optional, Ref: AttemptLimit,
					Description: "The attempt limits of the contact list."},
				{Attr: "automatic_time_zone_mapping", JSON: "automaticTimeZoneMapping", Type: Bool, Mode: Optional, ForceNew: true,
					Description: "Whether the contact list maps time zones automatically. Changing it replaces the contact list."},
				{Attr: "zip_code_column_name", JSON: "zipCodeColumnName", Type: String, Mode: Optional, ForceNew: true,
					Description: "The zip code column, for automatic time zone mapping. Changing it replaces the contact list."},
				{Attr: "column_data_type_specifications", JSON: "columnDataTypeSpecifications", Type: Block, Mode: Optional,
					Description: "The settings of the columns selected for dynamic queueing.",
					Nested: []Field{
						{Attr: "column_name", JSON: "columnName", Type: String, Mode: Required, Description: "The column name."},
						{Attr: "column_data_type", JSON: "columnDataType", Type: String, Mode: Optional, Description: "The data type of the column."},
						{Attr: "min", JSON: "min", Type: Int, Mode: Optional, Description: "The minimum value of a numeric column."},
						{Attr: "max", JSON: "max", Type: Int, Mode: Optional, Description: "The maximum value of a numeric column."},
						{Attr: "max_length", JSON: "maxLength", Type: Int, Mode: Optional, Description: "The maximum length of a text column."},
					}},
				{Attr: "trim_whitespace", JSON: "trimWhitespace", Type: Bool, Mode: Optional,
					Description: "Whether leading and trailing whitespace is trimmed from contact data."},
			},
			NotYet: contactUploadAttributes(),
		},
		{
			Name: ContactListFilter, Resource: "genesyscloud_outbound_contactlistfilter", DataSource: "genesyscloud_outbound_contactlistfilter",
			Noun:  "contact list filter",
			API:   API{Collection: "/api/v2/outbound/contactlistfilters", NameFilter: "name", Update: "PUT", Version: IntVersion},
			Model: "ContactListFilter", Audit: Audit{"Outbound", "ContactListFilter"}, Permission: "outbound:contactListFilter",
			DependsOn: []string{ContactList}, BulkRead: true, Unmanaged: true,
			IDAttributes: []string{"contact_list_filter_id", "contact_list_filter_ids"},
			Fields: []Field{
				{Attr: "name", JSON: "name", Type: String, Mode: Required, Description: "Name of the contact list filter."},
				{Attr: "contact_list_id", JSON: "contactList.id", Type: String, Mode: Optional, Ref: ContactList,
					Description: "The contact list the filter is for. Mutually exclusive with contact_list_template_id; one of the two must be set."},
				{Attr: "contact_list_template_id", JSON: "contactListTemplate.id", Type: String, Mode: Optional,
					Description: "The contact list template the filter is for. Mutually exclusive with contact_list_id; one of the two must be set."},
				{Attr: "filter_type", JSON: "filterType", Type: String, Mode: Optional,
					Description: "How the clauses are joined together (AND or OR)."},
				{Attr: "clauses", JSON: "clauses", Type: Block, Mode: Optional,
					Description: "Groups of conditions on the contact list's columns.",
					Nested: []Field{
						{Attr: "filter_type", JSON: "filterType", Type: String, Mode: Optional,
							Description: "How the clause's predicates are joined together (AND or OR)."},
						{Attr: "predicates", JSON: "predicates", Type: Block, Mode: Optional,
							Description: "Conditions on one column each.",
							Nested: []Field{
								{Attr: "column", JSON: "column", Type: String, Mode: Optional,
									Description: "The contact list column the condition is on."},
								{Attr: "column_type", JSON: "columnType", Type: String, Mode: Optional,
									Description: "Whether the column holds numeric or alphabetic data."},
								{Attr: "operator", JSON: "operator", Type: String, Mode: Required,
									Description: "The comparison the condition makes."},
								{Attr: "value", JSON: "value", Type: String, Mode: Optional,
									Description: "The value compared with; a time is written PxxDTyyHzzM (days, hours and minutes)."},
								{Attr: "var_range", JSON: "range", Type: Object, Unordered: true, Mode: Optional,
									Description: "A range of values, for the operators that compare with one.",
									Nested: []Field{
										{Attr: "min", JSON: "min", Type: String, Mode: Optional, Description: "The minimum value of the range."},
										{Attr: "max", JSON: "max", Type: String, Mode: Optional, Description: "The maximum value of the range."},
										{Attr: "min_inclusive", JSON: "minInclusive", Type: Bool, Mode: Optional,
											Description: "Whether the minimum is part of the range."},
										{Attr: "max_inclusive", JSON: "maxInclusive", Type: Bool, Mode: Optional,
											Description: "Whether the maximum is part of the range."},
										{Attr: "in_set", JSON: "inSet", Type: StringList, Mode: Optional,
											Description: "The values of a set the column's value must be in."},
									}},
								{Attr: "inverted", JSON: "inverted", Type: Bool, Mode: Optional,
									Description: "Inverts the condition's result."},
							}},
					}},
			},
		},
		{
			// The numbers on the list are not part of the object: the API takes them only as
			// additions (POST …/phonenumbers) and never answers them.
			Name: DNCList, Resource: "genesyscloud_outbound_dnclist", DataSource: "genesyscloud_outbound_dnclist",
			Noun:  "DNC list",
			API:   API{Collection: "/api/v2/outbound/dnclists", NameFilter: "name", Update: "PUT", Version: IntVersion},
			Model: "DncList", CreateModel: "DncListCreate", Audit: Audit{"Outbound", "DncList"}, Permission: "outbound:dncList",
			DependsOn: []string{Division}, BulkRead: true, Unmanaged: true, IDAttributes: []string{"dnc_list_id", "dnc_list_ids"},
			Fields: []Field{
				{Attr: "name", JSON: "name", Type: String, Mode: Required, Description: "The name of the DNC list."},
				{Attr: "dnc_source_type", JSON: "dncSourceType", Type: String, Mode: Required, ForceNew: true,
					Description: "The type of the DNC list: rds, rds_custom, dnc.com or gryphon. Changing it replaces the list."},
				{Attr: "contact_method", JSON: "contactMethod", Type: String, Mode: Optional,
					Description: "The contact method of an rds list: Email, Phone or Any."},
				{Attr: "login_id", JSON: "loginId", Type: String, Mode: Optional,
					Description: "A dnc.com login id. Required for a dnc.com list."},
				{Attr: "campaign_id", JSON: "campaignId", Type: String, Mode: Optional,
					Description: "A dnc.com campaign id. Optional for a dnc.com list."},
				{Attr: "dnc_codes", JSON: "dncCodes", Type: StringList, Mode: Optional,
					Description: "The dnc.com codes to scrub against. Required for a dnc.com list."},
				{Attr: "license_id", JSON: "licenseId", Type: String, Mode: Optional,
					Description: "A gryphon license number. Required for a gryphon list."},
				{Attr: "custom_exclusion_column", JSON: "customExclusionColumn", Type: String, Mode: Optional, ForceNew: true,
					Description: "The column of an rds_custom list to scrub against. Changing it replaces the list."},
				divisionField("DNC list"),
				{Attr: "entries", JSON: "entries", Type: Block, Mode: Optional, WriteOnly: true,
					AddedThrough: &Additions{Path: "phonenumbers", Body: "phone_numbers",
						Query: map[string]string{"expirationDateTime": "expiration_date"}},
					Description: "Phone numbers to put on the list, in groups that share an expiration. The API only adds numbers " +
						"and never answers them: state keeps what is configured, and removing an entry leaves its numbers on the list.",
					Nested: []Field{
						{Attr: "expiration_date", JSON: "expirationDate", Type: String, Mode: Optional,
							Description: "When the numbers come off the list, in yyyy-MM-ddTHH:mmZ format."},
						{Attr: "phone_numbers", JSON: "phoneNumbers", Type: StringList, Mode: Optional, Format: E164,
							Description: "Phone numbers, in E.164 format."},
					}},
			},
		},
		{
			Name: CallableTimeSet, Resource: "genesyscloud_outbound_callabletimeset", DataSource: "genesyscloud_outbound_callabletimeset",
			Noun:  "callable time set",
			API:   API{Collection: "/api/v2/outbound/callabletimesets", NameFilter: "name", Update: "PUT", Version: IntVersion},
			Model: "CallableTimeSet", Audit: Audit{"Outbound", "CallableTimeSet"}, Permission: "outbound:callableTimeSet",
			BulkRead: true, Unmanaged: true, IDAttributes: []string{"callable_time_set_id"},
			Fields: []Field{
				{Attr: "name", JSON: "name", Type: String, Mode: Required, Description: "The name of the CallableTimeSet."},
				{Attr: "callable_times", JSON: "callableTimes", Type: Block, Unordered: true, Mode: Optional,
					Description: "The list of CallableTimes for which it is OK to place outbound calls.",
					Nested: []Field{
						{Attr: "time_slots", JSON: "timeSlots", Type: Block, Unordered: true, Mode: Required, MinItems: 1,
							Description: "The time intervals for which it is acceptable to place outbound calls.",
							Nested: []Field{
								{Attr: "day", JSON: "day", Type: Int, Mode: Required,
									Description: "The day of the interval. Valid values: [1-7], representing Monday through Sunday."},
								{Attr: "start_time", JSON: "startTime", Type: String, Mode: Required,
									Description: "The start time of the interval as an ISO-8601 string, i.e. HH:mm:ss."},
								{Attr: "stop_time", JSON: "stopTime", Type: String, Mode: Required,
									Description: "The end time of the interval as an ISO-8601 string, i.e. HH:mm:ss."},
							}},
						{Attr: "time_zone_id", JSON: "timeZoneId", Type: String, Mode: Required,
							Description: "The time zone for the time slots; for example, Africa/Abidjan."},
						{Attr: "name", JSON: "name", Type: String, Mode: Optional, Description: "The name of the callable time."},
					}},
			},
		},
		{
			Name: AttemptLimit, Resource: "genesyscloud_outbound_attempt_limit", DataSource: "genesyscloud_outbound_attempt_limit",
			Noun:  "attempt limit",
			API:   API{Collection: "/api/v2/outbound/attemptlimits", NameFilter: "name", Update: "PUT", Version: IntVersion},
			Model: "AttemptLimits", Audit: Audit{"Outbound", "AttemptLimits"}, Permission: "outbound:attemptLimits",
			BulkRead: true, Unmanaged: true, IDAttributes: []string{"attempt_limit_id"},
			Fields: []Field{
				{Attr: "name", JSON: "name", Type: String, Mode: Optional, Description: "Name for the attempt limit."},
				{Attr: "max_attempts_per_contact", JSON: "maxAttemptsPerContact", Type: Int, Mode: Optional,
					Description: "The maximum number of times a contact can be called within the reset period. Required if max_attempts_per_number is not defined."},
				{Attr: "max_attempts_per_number", JSON: "maxAttemptsPerNumber", Type: Int, Mode: Optional,
					Description: "The maximum number of times a phone number can be called within the reset period. Required if max_attempts_per_contact is not defined."},
				{Attr: "time_zone_id", JSON: "timeZoneId", Type: String, Mode: Optional,
					Description: "If the reset period is TODAY, this specifies the time zone in which TODAY occurs. Required if the reset period is TODAY."},
				{Attr: "reset_period", JSON: "resetPeriod", Type: String, Mode: Optional, Default: "NEVER",
					Description: "After how long the number of attempts will be set back to 0."},
				// recallEntries is a JSON map keyed by the call outcome in camel case; each
				// outcome the official schema knows is one optional entry of it.
				{Attr: "recall_entries", JSON: "recallEntries", Type: Object, Mode: Optional,
					Description: "Configuration for recall attempts.",
					Nested: []Field{
						recallEntry("answering_machine", "answeringMachine"), recallEntry("busy", "busy"),
						recallEntry("fax", "fax"), recallEntry("no_answer", "noAnswer"),
					}},
			},
		},
		{
			Name: ResponseSet, Resource: "genesyscloud_outbound_callanalysisresponseset",
			DataSource: "genesyscloud_outbound_callanalysisresponseset", Noun: "call analysis response set",
			API:   API{Collection: "/api/v2/outbound/callanalysisresponsesets", NameFilter: "name", Update: "PUT", Version: IntVersion},
			Model: "ResponseSet", Audit: Audit{"Outbound", "ResponseSet"}, Permission: "outbound:responseSet",
			BulkRead: true, Unmanaged: true, IDAttributes: []string{"call_analysis_response_set_id"},
			Fields: []Field{
				{Attr: "name", JSON: "name", Type: String, Mode: Required, Description: "Name for the response set."},
				{Attr: "beep_detection_enabled", JSON: "beepDetectionEnabled", Type: Bool, Mode: Optional, Default: false,
					Description: "Whether to enable answering machine beep detection."},
				{Attr: "amd_speech_distinguish_enabled", JSON: "amdSpeechDistinguishEnabled", Type: Bool, Mode: Optional, Default: true,
					Description: "Whether to enable answering machine detection."},
				{Attr: "live_speaker_detection_mode", JSON: "liveSpeakerDetectionMode", Type: String, Mode: Optional,
					Enum: []string{"Disabled", "Low", "Medium", "High"}, Description: "Setting level of live speaker detection."},
				// responses is a JSON map keyed by call analysis result; each result the
				// official schema knows is one optional reaction of it.
				{Attr: "responses", JSON: "responses", Type: Object, Mode: Optional,
					Description: "List of maps of disposition identifiers to reactions.",
					Nested: []Field{
						reaction("callable_busy"), reaction("callable_disconnect"), reaction("callable_fax"),
						reaction("callable_lineconnected"), reaction("callable_machine"), reaction("callable_noanswer"),
						reaction("callable_person"), reaction("callable_sit"), reaction("uncallable_notfound"), reaction("uncallable_sit"),
					}},
			},
		},
	}
}

// reaction is the reaction of a response set to one call analysis result. The API keys it
// "disposition.classification." and the attribute with its underscores as dots
// (callable_busy → disposition.classification.callable.busy), dots escaped in the path.
func reaction(attr string) Field {
	key := strings.ReplaceAll("disposition.classification."+strings.ReplaceAll(attr, "_", "."), ".", `\.`)
	return Field{Attr: attr, JSON: key, Type: Object, Unordered: true, Mode: Optional,
		Description: "Reaction to a call analysed as " + strings.ReplaceAll(attr, "_", " ") + ".",
		Nested: []Field{
			{Attr: "reaction_type", JSON: "reactionType", Type: String, Mode: Required,
				Description: "The reaction to take for a given call analysis result."},
			{Attr: "data", JSON: "data", Type: String, Mode: Optional,
				Description: "Additional data for the reaction; for transfer_flow, the outbound flow id."},
			{Attr: "name", JSON: "name", Type: String, Mode: Optional,
				Description: "Additional name for the reaction; for transfer_flow, the outbound flow name."},
		}}
}

// recallEntry is one call outcome's entry of an attempt limit's recall entries: how often
// and how far apart a number is retried after that outcome.
func recallEntry(attr, key string) Field {
	return Field{Attr: attr, JSON: key, Type: Object, Unordered: true, Mode: Optional,
		Description: "Recall settings after a call ends as " + strings.ReplaceAll(attr, "_", " ") + ".",
		Nested: []Field{
			{Attr: "minutes_between_attempts", JSON: "minutesBetweenAttempts", Type: Int, Mode: Required,
				Description: "Minutes between recall attempts. Must be greater than or equal to 5."},
			{Attr: "nbr_attempts", JSON: "nbrAttempts", Type: Int, Mode: Optional,
				Description: "Number of recall attempts. Must be less than max_attempts_per_contact."},
		}}
}

// contactUploadAttributes are the official contact list attributes about its contacts, which
// reach an org as a CSV through the upload service, outside the Platform API.
func contactUploadAttributes() []Unmapped {
	const why = "contacts are uploaded as a CSV through the upload service, outside the Platform API"
	return []Unmapped{
		{Attr: "contacts_filepath", Type: "string", Why: why},
		{Attr: "contacts_id_name", Type: "string", Why: why},
		{Attr: "contacts_file_content_hash", Type: "string", Why: why},
		{Attr: "contacts_record_count", Type: "int", Why: why},
	}
}
