package kinds

// Catalogue names of the outbound kinds that decide what a campaign dials and how.
const (
	RuleSet  = "outbound.ruleset"
	Campaign = "outbound.campaign"
)

// campaignAreaKinds are the outbound kinds built on contact lists and queues: rule sets
// (what happens before a call is placed and after it ends) and the campaigns that dial.
func campaignAreaKinds() []*Kind {
	return []*Kind{
		{
			Name: RuleSet, Resource: "genesyscloud_outbound_ruleset", DataSource: "genesyscloud_outbound_ruleset",
			Noun:  "rule set",
			API:   API{Collection: "/api/v2/outbound/rulesets", NameFilter: "name", Update: "PUT", Version: IntVersion},
			Model: "RuleSet", Audit: Audit{"Outbound", "RuleSet"}, Permission: "outbound:ruleSet",
			DependsOn: []string{ContactList, Queue, IntegrationAction}, BulkRead: true, Unmanaged: true,
			IDAttributes: []string{"rule_set_ids", "ruleset_id"},
			Fields: []Field{
				{Attr: "name", JSON: "name", Type: String, Mode: Required, Description: "The name of the rule set."},
				{Attr: "contact_list_id", JSON: "contactList.id", Type: String, Mode: Optional, Ref: ContactList,
					Description: "The contact list whose columns the rules may read."},
				{Attr: "queue_id", JSON: "queue.id", Type: String, Mode: Optional, Ref: Queue,
					Description: "The queue whose wrap-up codes the rules may test."},
				{Attr: "rules", JSON: "rules", Type: Block, Mode: Optional,
					Description: "The rules of the set, each conditions that trigger actions.",
					Nested: []Field{
						{Attr: "name", JSON: "name", Type: String, Mode: Required, Description: "The name of the rule."},
						{Attr: "order", JSON: "order", Type: Int, Mode: Optional, Description: "The ranked order of the rule; rules are processed from lowest to highest."},
						{Attr: "category", JSON: "category", Type: String, Mode: Required,
							Description: "When the rule is evaluated: DIALER_PRECALL (before a call) or DIALER_WRAPUP (after it)."},
						{Attr: "conditions", JSON: "conditions", Type: Block, Mode: Required, MinItems: 1,
							Description: "All of the conditions must evaluate to true to trigger the actions.",
							Nested:      ruleConditionFields()},
						{Attr: "actions", JSON: "actions", Type: Block, Mode: Required, MinItems: 1,
							Description: "The actions taken when the conditions are met.",
							Nested:      ruleActionFields()},
					}},
			},
		},
		{
			// The official provider writes phone columns by name alone; the API takes them so
			// although its model marks a phone column's type required.
			Name: Campaign, Resource: "genesyscloud_outbound_campaign", DataSource: "genesyscloud_outbound_campaign",
			Noun:  "campaign",
			API:   API{Collection: "/api/v2/outbound/campaigns", NameFilter: "name", Update: "PUT", Version: IntVersion},
			Model: "Campaign", Audit: Audit{"Outbound", "Campaign"}, Permission: "outbound:campaign",
			DependsOn: []string{Division, ContactList, ContactListFilter, Queue, DNCList, CallableTimeSet, ResponseSet, RuleSet, Script, Site},
			BulkRead:  true, Unmanaged: true, IDAttributes: []string{"campaign_ids"},
			TakesWithout: []string{"phoneColumns[].type"},
			Fields:       campaignFields(),
			NotYet: []Unmapped{
				{Attr: "edge_group_id", Type: "string", Why: "edge groups are not served yet"},
			},
		},
	}
}

// campaignFields map a Campaign: what it dials (contact list, filters, sorts, DNC lists), how
// (dialing mode, lines, analysis) and where answered calls go (queue).
func campaignFields() []Field {
	return []Field{
		{Attr: "name", JSON: "name", Type: String, Mode: Required, Description: "The name of the campaign."},
		{Attr: "contact_list_id", JSON: "contactList.id", Type: String, Mode: Required, Ref: ContactList,
			Description: "The contact list the campaign dials."},
		{Attr: "script_id", JSON: "script.id", Type: String, Mode: Optional, Ref: Script,
			Description: "The script agents see on the campaign's calls."},
		{Attr: "site_id", JSON: "site.id", Type: String, Mode: Optional, Ref: Site,
			Description: "The site whose edges place the calls of an agentless campaign."},
		{Attr: "dialing_mode", JSON: "dialingMode", Type: String, Mode: Required,
			Description: "How the campaign places calls: agentless, preview, power, predictive, progressive or external."},
		{Attr: "phone_columns", JSON: "phoneColumns", Type: Block, Mode: Required, MinItems: 1,
			Description: "The contact list columns holding the phone numbers to dial.",
			Nested: []Field{
				{Attr: "column_name", JSON: "columnName", Type: String, Mode: Required, Description: "The phone column's name."},
			}},
		{Attr: "abandon_rate", JSON: "abandonRate", Type: Float, Mode: Optional,
			Description: "The targeted abandon rate percentage. Required for progressive, power and predictive campaigns."},
		{Attr: "agent_owned_column", JSON: "agentOwnedColumn", Type: String, Mode: Optional,
			Description: "The contact list column naming the agent who owns a contact."},
		{Attr: "always_running", JSON: "alwaysRunning", Type: Bool, Mode: Optional,
			Description: "Whether the campaign keeps running when it has no contacts left to dial."},
		{Attr: "auto_answer", JSON: "callbackAutoAnswer", Type: Bool, Mode: Optional,
			Description: "Whether callbacks of the campaign are answered automatically."},
		{Attr: "call_analysis_language", JSON: "callAnalysisLanguage", Type: String, Mode: Optional,
			Description: "The language of call analysis, e.g. en-US."},
		{Attr: "call_analysis_response_set_id", JSON: "callAnalysisResponseSet.id", Type: String, Mode: Optional, Ref: ResponseSet,
			Description: "The call analysis response set. Required for preview, power, predictive and progressive campaigns."},
		{Attr: "callable_time_set_id", JSON: "callableTimeSet.id", Type: String, Mode: Optional, Ref: CallableTimeSet,
			Description: "The callable time set of the campaign."},
		{Attr: "caller_address", JSON: "callerAddress", Type: String, Mode: Optional,
			Description: "The caller id phone number of the campaign's calls."},
		{Attr: "caller_name", JSON: "callerName", Type: String, Mode: Optional,
			Description: "The caller id name of the campaign's calls."},
		{Attr: "campaign_status", JSON: "campaignStatus", Type: String, Mode: Optional,
			Description: "Whether the campaign runs: on or off."},
		{Attr: "contact_list_filter_ids", JSON: "contactListFilters[].id", Type: StringList, Mode: Optional, Ref: ContactListFilter,
			Description: "The contact list filters of the campaign."},
		{Attr: "contact_sorts", JSON: "contactSorts", Type: Block, Mode: Optional,
			Description: "The order contacts are dialed in, by column.",
			Nested: []Field{
				{Attr: "field_name", JSON: "fieldName", Type: String, Mode: Required, Description: "The contact list column sorted by."},
				{Attr: "direction", JSON: "direction", Type: String, Mode: Optional, Default: "ASC",
					Description: "The direction of the sort: ASC or DESC."},
				{Attr: "numeric", JSON: "numeric", Type: Bool, Mode: Optional, Default: false,
					Description: "Whether the column is sorted as numbers."},
			}},
		{Attr: "diagnostics_settings", JSON: "diagnosticsSettings", Type: Object, Mode: Optional,
			Description: "The campaign's diagnostics settings.",
			Nested: []Field{
				{Attr: "report_low_max_calls_per_agent_alert", JSON: "reportLowMaxCallsPerAgentAlert", Type: Bool, Mode: Optional, Default: true,
					Description: "Whether to report an alert when max calls per agent is low."},
			}},
		divisionField("campaign"),
		{Attr: "dnc_list_ids", JSON: "dncLists[].id", Type: StringSet, Mode: Optional, Ref: DNCList,
			Description: "The DNC lists the campaign checks numbers against."},
		{Attr: "dynamic_contact_queueing_settings", JSON: "dynamicContactQueueingSettings", Type: Object, Mode: Optional,
			Description: "Settings for dynamic queueing of contacts.",
			Nested: []Field{
				{Attr: "filter", JSON: "filter", Type: Bool, Mode: Optional, ForceNew: true,
					Description: "Whether to filter contacts dynamically. Changing it replaces the campaign."},
				{Attr: "sort", JSON: "sort", Type: Bool, Mode: Optional, ForceNew: true,
					Description: "Whether to sort contacts dynamically. Changing it replaces the campaign."},
			}},
		{Attr: "dynamic_line_balancing_settings", JSON: "dynamicLineBalancingSettings", Type: Object, Mode: Optional,
			Description: "Settings for dynamic line balancing between campaigns.",
			Nested: []Field{
				{Attr: "enabled", JSON: "enabled", Type: Bool, Mode: Optional, Description: "Whether lines are balanced dynamically."},
				{Attr: "relative_weight", JSON: "relativeWeight", Type: Int, Mode: Optional,
					Description: "The campaign's weight when lines are balanced."},
			}},
		{Attr: "max_calls_per_agent", JSON: "maxCallsPerAgent", Type: Int, Mode: Optional,
			Description: "The maximum number of calls an agent may be offered at once; must be at least 1."},
		{Attr: "max_calls_per_agent_decimal", JSON: "maxCallsPerAgentDecimal", Type: Float, Mode: Computed,
			Description: "The maximum number of calls per agent, as a decimal."},
		{Attr: "no_answer_timeout", JSON: "noAnswerTimeout", Type: Int, Mode: Optional,
			Description: "How long to wait, in seconds, before a call is treated as not answered."},
		{Attr: "outbound_line_count", JSON: "outboundLineCount", Type: Int, Mode: Optional,
			Description: "The number of outbound lines of an agentless campaign."},
		{Attr: "preview_time_out_seconds", JSON: "previewTimeOutSeconds", Type: Int, Mode: Optional,
			Description: "How long a preview is shown before the call is placed, in seconds."},
		{Attr: "priority", JSON: "priority", Type: Int, Mode: Optional,
			Description: "The campaign's priority among those sharing agents, from 1 to 5."},
		{Attr: "queue_id", JSON: "queue.id", Type: String, Mode: Optional, Ref: Queue,
			Description: "The queue answered calls go to. Required for every dialing mode but agentless."},
		{Attr: "rule_set_ids", JSON: "ruleSets[].id", Type: StringList, Mode: Optional, Ref: RuleSet,
			Description: "The rule sets the campaign applies."},
		{Attr: "skill_columns", JSON: "skillColumns", Type: StringList, Mode: Optional,
			Description: "The contact list columns holding the skills a contact needs."},
		{Attr: "skip_preview_disabled", JSON: "skipPreviewDisabled", Type: Bool, Mode: Optional,
			Description: "Whether agents may not skip a preview."},
	}
}

// ruleConditionFields map a rule's Condition: a test of contact data, a wrap-up code, a call
// analysis result, a data action's output or the time and date.
func ruleConditionFields() []Field {
	return []Field{
		{Attr: "type", JSON: "type", Type: String, Mode: Optional, Description: "The type of the condition."},
		{Attr: "inverted", JSON: "inverted", Type: Bool, Mode: Optional, Default: false,
			Description: "Whether the condition's result is inverted."},
		{Attr: "attribute_name", JSON: "attributeName", Type: String, Mode: Optional,
			Description: "The name of the attribute (contact column) the condition tests."},
		{Attr: "value", JSON: "value", Type: String, Mode: Optional, Description: "The value compared with."},
		{Attr: "value_type", JSON: "valueType", Type: String, Mode: Optional, Description: "The type of the value compared with."},
		{Attr: "operator", JSON: "operator", Type: String, Mode: Optional, Description: "The comparison the condition makes."},
		{Attr: "codes", JSON: "codes", Type: StringList, Mode: Optional, Description: "The wrap-up codes (or call results) the condition matches."},
		{Attr: "property", JSON: "property", Type: String, Mode: Optional, Description: "The property of the call the condition tests."},
		{Attr: "property_type", JSON: "propertyType", Type: String, Mode: Optional, Description: "The type of the property."},
		{Attr: "data_action_id", JSON: "dataAction.id", Type: String, Mode: Optional, Ref: IntegrationAction,
			Description: "The data action a data action condition runs."},
		{Attr: "data_not_found_resolution", JSON: "dataNotFoundResolution", Type: Bool, Mode: Optional,
			Description: "The result of the condition when the data action finds no data."},
		{Attr: "contact_id_field", JSON: "contactIdField", Type: String, Mode: Optional,
			Description: "The data action input field that receives the contact's id."},
		{Attr: "call_analysis_result_field", JSON: "callAnalysisResultField", Type: String, Mode: Optional,
			Description: "The data action input field that receives the call analysis result."},
		{Attr: "agent_wrapup_field", JSON: "agentWrapupField", Type: String, Mode: Optional,
			Description: "The data action input field that receives the agent's wrap-up code."},
		columnMappingsField(),
		{Attr: "predicates", JSON: "predicates", Type: Block, Mode: Optional,
			Description: "Tests of the data action's output.",
			Nested: []Field{
				{Attr: "output_field", JSON: "outputField", Type: String, Mode: Required, Description: "The data action output field tested."},
				{Attr: "output_operator", JSON: "outputOperator", Type: String, Mode: Required, Description: "The comparison made."},
				{Attr: "comparison_value", JSON: "comparisonValue", Type: String, Mode: Required, Description: "The value compared with."},
				{Attr: "inverted", JSON: "inverted", Type: Bool, Mode: Required, Description: "Whether the predicate's result is inverted."},
				{Attr: "output_field_missing_resolution", JSON: "outputFieldMissingResolution", Type: Bool, Mode: Required,
					Description: "The result of the predicate when the output field is missing."},
			}},
		{Attr: "sub_conditions", JSON: "subConditions", Type: Block, Mode: Optional,
			Description: "Time and date tests of a time and date condition (at most 10).",
			Nested: []Field{
				{Attr: "type", JSON: "type", Type: String, Mode: Required,
					Enum: []string{"timeOfDay", "dayOfWeek", "dayOfMonth", "specificDate"}, Description: "What the sub-condition tests."},
				{Attr: "operator", JSON: "operator", Type: String, Mode: Required, Description: "The comparison made."},
				{Attr: "inverted", JSON: "inverted", Type: Bool, Mode: Optional, Default: false,
					Description: "Whether the sub-condition's result is inverted."},
				{Attr: "include_year", JSON: "includeYear", Type: Bool, Mode: Optional, Default: true,
					Description: "Whether a specific date's year takes part in the comparison."},
				{Attr: "threshold_value", JSON: "thresholdValue", Type: String, Mode: Optional,
					Description: "The value compared with; its format depends on the type (timeOfDay: HH:mm, dayOfWeek: 1-7, dayOfMonth: 1-31 or LAST_DAY, specificDate: yyyy-MM-dd)."},
				{Attr: "range", JSON: "range", Type: Object, Mode: Optional,
					Description: "A range of values, for the BETWEEN and IN operators.",
					Nested: []Field{
						{Attr: "min", JSON: "min", Type: String, Mode: Optional, Description: "The minimum value of the range."},
						{Attr: "max", JSON: "max", Type: String, Mode: Optional, Description: "The maximum value of the range."},
						{Attr: "in_set", JSON: "inSet", Type: StringList, Mode: Optional,
							Description: "The values of a set; dayOfWeek: 1-7 (Monday-Sunday), dayOfMonth: 1-31 and/or LAST_DAY."},
					}},
			}},
		{Attr: "match_any_conditions", JSON: "matchAnyConditions", Type: Bool, Mode: Optional, Default: false,
			Description: "If true, only one sub-condition must match for the condition to be true."},
		{Attr: "time_zone_id", JSON: "timeZoneId", Type: String, Mode: Optional,
			Description: "The time zone of a time and date condition."},
	}
}

// ruleActionFields map a rule's DialerAction: what the dialer does to the contact or the call.
func ruleActionFields() []Field {
	return []Field{
		{Attr: "type", JSON: "type", Type: String, Mode: Required, Description: "The type of the action."},
		{Attr: "action_type_name", JSON: "actionTypeName", Type: String, Mode: Required, Description: "The action taken."},
		{Attr: "update_option", JSON: "updateOption", Type: String, Mode: Optional,
			Description: "How an update of contact data applies to the contact."},
		{Attr: "properties", JSON: "properties", Type: StringMap, Mode: Optional,
			Description: "The action's settings, by name."},
		{Attr: "data_action_id", JSON: "dataAction.id", Type: String, Mode: Optional, Ref: IntegrationAction,
			Description: "The data action an action runs."},
		columnMappingsField(),
		{Attr: "contact_id_field", JSON: "contactIdField", Type: String, Mode: Optional,
			Description: "The data action input field that receives the contact's id."},
		{Attr: "call_analysis_result_field", JSON: "callAnalysisResultField", Type: String, Mode: Optional,
			Description: "The data action input field that receives the call analysis result."},
		{Attr: "agent_wrapup_field", JSON: "agentWrapupField", Type: String, Mode: Optional,
			Description: "The data action input field that receives the agent's wrap-up code."},
	}
}

// columnMappingsField maps contact columns onto a data action's input fields.
func columnMappingsField() Field {
	return Field{Attr: "contact_column_to_data_action_field_mappings", JSON: "contactColumnToDataActionFieldMappings",
		Type: Block, Mode: Optional, Description: "Which contact column fills which data action input field.",
		Nested: []Field{
			{Attr: "contact_column_name", JSON: "contactColumnName", Type: String, Mode: Required, Description: "The contact column."},
			{Attr: "data_action_field", JSON: "dataActionField", Type: String, Mode: Required, Description: "The data action input field."},
		}}
}
