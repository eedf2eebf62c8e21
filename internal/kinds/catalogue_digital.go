package kinds

// Catalogue names of the digital engagement kinds: canned responses, knowledge bases,
// messaging settings and process automation triggers.
const (
	Response      = "responsemanagement.response"
	KnowledgeBase = "knowledge.knowledgebase"
	// MessagingSetting and SupportedContent are what messaging deployments and integrations
	// refer to: how stories and typing events are handled, which media types may pass.
	MessagingSetting = "conversations.messagingsetting"
	SupportedContent = "conversations.supportedcontent"
	Trigger          = "processautomation.trigger"
)

// digitalAreaKinds are the kinds agents and bots answer digital conversations with.
func digitalAreaKinds() []*Kind {
	return []*Kind{
		{
			// A canned response lives in one or more libraries; the API lists responses only
			// library by library.
			Name: Response, Resource: "genesyscloud_responsemanagement_response",
			DataSource: "genesyscloud_responsemanagement_response", Noun: "response", Names: SharedName,
			API: API{Collection: "/api/v2/responsemanagement/responses", Update: "PUT", Version: IntVersion,
				Scope: &ListScope{Param: "libraryId", Kind: ResponseLibrary, JSON: "libraries[].id"}},
			Model: "Response", Audit: Audit{"ResponseManagement", "Response"}, Permission: "responses:response",
			Unmanaged: true, IDAttributes: []string{"response_id", "response_ids"}, DependsOn: []string{ResponseLibrary, ResponseAsset},
			LookupBy: []LookupParam{{Attr: "library_id", Param: "libraryId", Description: "The id of the library the response is in."}},
			Fields: []Field{
				{Attr: "name", JSON: "name", Type: String, Mode: Required, Description: "Name of the response."},
				{Attr: "library_ids", JSON: "libraries[].id", Type: StringSet, Mode: Required, Ref: ResponseLibrary,
					Description: "The ids of the libraries the response is in."},
				{Attr: "texts", JSON: "texts", Type: Block, Unordered: true, Mode: Required, MinItems: 1,
					Description: "The response's texts, one per content type.",
					Nested: []Field{
						{Attr: "content", JSON: "content", Type: String, Mode: Required, Description: "The text's content."},
						{Attr: "content_type", JSON: "contentType", Type: String, Mode: Optional,
							Description: "The content's MIME type (`text/plain` or `text/html`)."},
						{Attr: "type", JSON: "type", Type: String, Mode: Optional,
							Description: "Where the text is used: `body` or `subject`."},
					}},
				{Attr: "interaction_type", JSON: "interactionType", Type: String, Mode: Optional,
					Description: "The interaction type the response is for: `chat`, `email` or `twitter`."},
				{Attr: "substitutions", JSON: "substitutions", Type: Block, Unordered: true, Mode: Optional,
					Description: "The placeholders the texts hold, filled in when the response is used.",
					Nested: []Field{
						{Attr: "id", JSON: "id", Type: String, Mode: Required, Description: "The placeholder's id, as the texts write it."},
						{Attr: "description", JSON: "description", Type: String, Mode: Optional, Description: "What the placeholder stands for."},
						{Attr: "default_value", JSON: "defaultValue", Type: String, Mode: Optional, Description: "The value used when none is given."},
					}},
				{Attr: "substitutions_schema_id", JSON: "substitutionsSchema.id", Type: String, Mode: Optional,
					Description: "The id of the JSON schema describing the substitutions."},
				{Attr: "response_type", JSON: "responseType", Type: String, Mode: Optional,
					Description: "The kind of response: `MessagingTemplate`, `CampaignSmsTemplate`, `CampaignEmailTemplate` or `Footer`."},
				{Attr: "messaging_template", JSON: "messagingTemplate", Type: Object, Unordered: true, Mode: Optional,
					Description: "The messaging template the response stands for, when its response_type is `MessagingTemplate`.",
					Nested: []Field{
						{Attr: "whats_app", JSON: "whatsApp", Type: Object, Unordered: true, Mode: Optional,
							Description: "A WhatsApp template.",
							Nested: []Field{
								{Attr: "name", JSON: "name", Type: String, Mode: Required, Description: "The template's name."},
								{Attr: "namespace", JSON: "namespace", Type: String, Mode: Optional, Description: "The template's namespace."},
								{Attr: "language", JSON: "language", Type: String, Mode: Required, Description: "The template's language."},
							}},
					}},
				{Attr: "asset_ids", JSON: "assets[].id", Type: StringSet, Mode: Optional, Ref: ResponseAsset,
					Description: "The ids of the response assets (images, files) the response uses."},
				{Attr: "footer", JSON: "footer", Type: Object, Unordered: true, Mode: Optional,
					Description: "The footer the response adds to messages, when its response_type is `Footer`.",
					Nested: []Field{
						{Attr: "type", JSON: "type", Type: String, Mode: Optional, Enum: []string{"Signature"},
							Description: "The kind of footer."},
						{Attr: "applicable_resources", JSON: "applicableResources", Type: StringList, Mode: Optional, Enum: []string{"Campaign"},
							Description: "Where the footer applies."},
					}},
			},
		},
		{
			// A knowledge base's core language is fixed when it is made: the update model has
			// none.
			Name: KnowledgeBase, Resource: "genesyscloud_knowledge_knowledgebase",
			DataSource: "genesyscloud_knowledge_knowledgebase", Noun: "knowledge base", Names: SharedName,
			API: API{Collection: "/api/v2/knowledge/knowledgebases", Paging: Cursor, NameFilter: "name", Update: "PATCH",
				List: Listing{Filters: []ListFilter{{Param: "coreLanguage", JSON: []string{"coreLanguage"}},
					{Param: "published", JSON: []string{"published"}}}}},
			Model: "KnowledgeBase", CreateModel: "KnowledgeBaseCreateRequest", UpdateModel: "KnowledgeBaseUpdateRequest",
			Audit: Audit{"Knowledge", "KnowledgeBase"}, Permission: "knowledge:knowledgebase",
			Unmanaged: true, IDAttributes: []string{"knowledge_base_id", "knowledgebase_id"},
			LookupBy: []LookupParam{{Attr: "core_language", Param: "coreLanguage",
				Description: "The core language of the knowledge base, e.g. `en-US`."}},
			Fields: []Field{
				// Optional in the official schema; the API's create model requires it, so
				// leaving it out is the API's 400, as with the official provider.
				{Attr: "name", JSON: "name", Type: String, Mode: Optional, Description: "Knowledge base name."},
				{Attr: "description", JSON: "description", Type: String, Mode: Optional, Description: "Knowledge base description."},
				{Attr: "core_language", JSON: "coreLanguage", Type: String, Mode: Required, ForceNew: true,
					Description: "The language the knowledge base's content is written in, e.g. `en-US`. Changing it replaces the knowledge base."},
			},
			NotYet: []Unmapped{{Attr: "published", Type: "bool",
				Why: "the create and update models take no published flag: a knowledge base is published with its documents, which are not served yet"}},
		},
		{
			Name: MessagingSetting, Resource: "genesyscloud_conversations_messaging_settings",
			DataSource: "genesyscloud_conversations_messaging_settings", Noun: "messaging setting", Names: SharedName,
			API:   API{Collection: "/api/v2/conversations/messaging/settings", Update: "PATCH", Version: StringVersion},
			Model: "MessagingSetting", CreateModel: "MessagingSettingRequest", UpdateModel: "MessagingSettingPatchRequest",
			Audit: Audit{"Messaging", "MessagingSetting"}, Permission: "messaging:setting",
			BulkRead: true, Unmanaged: true, IDAttributes: []string{"messaging_setting_id", "*_messaging_setting_id"},
			Fields: []Field{
				{Attr: "name", JSON: "name", Type: String, Mode: Required, Description: "The messaging setting's name."},
				{Attr: "content", JSON: "content", Type: Object, Mode: Optional,
					Description: "How message content is handled.",
					Nested: []Field{
						{Attr: "story", JSON: "story", Type: Object, Mode: Optional,
							Description: "How stories (mentions of the brand, replies to its stories) are handled.",
							Nested:      []Field{inboundOnly("mention", "mentions in stories"), inboundOnly("reply", "replies to stories")}},
					}},
				{Attr: "event", JSON: "event", Type: Object, Mode: Optional,
					Description: "Which conversation events are passed on.",
					Nested: []Field{
						{Attr: "typing", JSON: "typing", Type: Object, Mode: Optional,
							Description: "Typing indicators.",
							Nested: []Field{
								{Attr: "on", JSON: "on", Type: Object, Mode: Optional,
									Description: "Whether typing indicators pass in each direction.",
									Nested: []Field{
										{Attr: "inbound", JSON: "inbound", Type: String, Mode: Optional, Enum: enabledDisabled(),
											Description: "Whether the customer's typing indicators reach the agent."},
										{Attr: "outbound", JSON: "outbound", Type: String, Mode: Optional, Enum: enabledDisabled(),
											Description: "Whether the agent's typing indicators reach the customer."},
									}},
							}},
					}},
			},
		},
		{
			Name: SupportedContent, Resource: "genesyscloud_conversations_messaging_supportedcontent",
			DataSource: "genesyscloud_conversations_messaging_supportedcontent", Noun: "supported content profile", Names: SharedName,
			API:   API{Collection: "/api/v2/conversations/messaging/supportedcontent", Update: "PATCH"},
			Model: "SupportedContent", Audit: Audit{"Messaging", "SupportedContent"}, Permission: "messaging:supportedContent",
			BulkRead: true, Unmanaged: true, IDAttributes: []string{"supported_content_id", "*_supported_content_id"},
			Fields: []Field{
				{Attr: "name", JSON: "name", Type: String, Mode: Required, Description: "The supported content profile's name."},
				{Attr: "media_types", JSON: "mediaTypes", Type: Object, Mode: Optional,
					Description: "The media types the profile lets through.",
					Nested: []Field{
						{Attr: "allow", JSON: "allow", Type: Object, Mode: Optional,
							Description: "The media types allowed in each direction.",
							Nested:      []Field{mediaTypeList("inbound", "from customers"), mediaTypeList("outbound", "to customers")}},
					}},
			},
		},
		{
			// A trigger starts its target (a workflow) when an event of its topic matches its
			// criteria. The topic is fixed when it is made.
			Name: Trigger, Resource: "genesyscloud_processautomation_trigger", DataSource: "genesyscloud_processautomation_trigger",
			Noun: "trigger", Names: SharedName,
			API: API{Collection: "/api/v2/processautomation/triggers", Paging: Cursor, MaxPageSize: 200, Update: "PUT", Version: IntVersion,
				List: Listing{Filters: []ListFilter{{Param: "topicName", JSON: []string{"topicName"}}, {Param: "enabled", JSON: []string{"enabled"}}}}},
			Model: "Trigger", CreateModel: "CreateTriggerRequest", UpdateModel: "UpdateTriggerRequest",
			Audit: Audit{"ProcessAutomation", "Trigger"}, Permission: "processautomation:trigger",
			Unmanaged: true, IDAttributes: []string{"trigger_id"},
			Fields: []Field{
				{Attr: "name", JSON: "name", Type: String, Mode: Required, Description: "The trigger's name."},
				{Attr: "description", JSON: "description", Type: String, Mode: Optional, Description: "What the trigger is for."},
				{Attr: "enabled", JSON: "enabled", Type: Bool, Mode: Required, Description: "Whether the trigger starts its target."},
				{Attr: "topic_name", JSON: "topicName", Type: String, Mode: Required, ForceNew: true,
					Description: "The topic of the events the trigger listens to (`v2.detail.events.conversation.{id}.customer.end`). Changing it replaces the trigger."},
				{Attr: "target", JSON: "target", Type: Object, Unordered: true, Mode: Required, MinItems: 1,
					Description: "What the trigger starts.",
					Nested: []Field{
						{Attr: "id", JSON: "id", Type: String, Mode: Required, Description: "The id of the target (a workflow's flow id)."},
						{Attr: "type", JSON: "type", Type: String, Mode: Required, Description: "The kind of target: `Workflow`."},
						{Attr: "workflow_target_settings", JSON: "workflowTargetSettings", Type: Object, Unordered: true, Mode: Optional,
							Description: "How a workflow target is started.",
							Nested: []Field{{Attr: "data_format", JSON: "dataFormat", Type: String, Mode: Optional,
								Description: "The data format to use when invoking target: `Json` or `TopLevelPrimitives`."}}},
					}},
				{Attr: "match_criteria", JSON: "matchCriteria", Type: String, Format: JSONText, Mode: Optional,
					Description: "The criteria an event must match, as the JSON text of a list of {jsonPath, operator, value or values} (use jsonencode())."},
				{Attr: "event_ttl_seconds", JSON: "eventTTLSeconds", Type: Int, Mode: Optional,
					Description: "How long after the event the target may still start, in seconds. Must be 10 or more."},
				{Attr: "delay_by_seconds", JSON: "delayBySeconds", Type: Int, Mode: Optional,
					Description: "How long to wait before starting the target, in seconds. Must be between 60 and 900."},
			},
		},
	}
}

// enabledDisabled are the values a messaging setting's switches take.
func enabledDisabled() []string { return []string{"Enabled", "Disabled"} }

// inboundOnly is a messaging setting's switch for one kind of inbound story message.
func inboundOnly(attr, what string) Field {
	return Field{Attr: attr, JSON: attr, Type: Object, Mode: Optional, Description: "How " + what + " are handled.",
		Nested: []Field{{Attr: "inbound", JSON: "inbound", Type: String, Mode: Optional, Enum: enabledDisabled(),
			Description: "Whether " + what + " reach the agent."}}}
}

// mediaTypeList is the media types a supported content profile allows in one direction.
func mediaTypeList(attr, direction string) Field {
	return Field{Attr: attr, JSON: attr, Type: Block, Mode: Optional, Description: "The media types allowed " + direction + ".",
		Nested: []Field{{Attr: "type", JSON: "type", Type: String, Mode: Optional,
			Description: "The media type string as defined by RFC 2046 (`image/png`, `video/*`)."}}}
}
