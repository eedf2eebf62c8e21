package kinds

// Catalogue names of the digital engagement kinds: canned responses, knowledge bases,
// messaging settings and process automation triggers.
const (
	Response      = "responsemanagement.response"
	KnowledgeBase = "knowledge.knowledgebase"
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
			Unmanaged: true, IDAttributes: []string{"response_id", "response_ids"}, DependsOn: []string{ResponseLibrary},
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
				{Attr: "asset_ids", JSON: "assets[].id", Type: StringSet, Mode: Optional,
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
	}
}
