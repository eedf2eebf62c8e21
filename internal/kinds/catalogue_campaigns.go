package kinds

// Catalogue names of the outbound kinds that decide what a campaign dials and how.
const (
	RuleSet = "outbound.ruleset"
)

// campaignAreaKinds are the outbound kinds built on contact lists and queues: rule sets
// (what happens before a call is placed and after it ends).
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
