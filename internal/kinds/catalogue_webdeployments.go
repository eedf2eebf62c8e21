package kinds

// Catalogue names of the web messaging kinds: the Messenger configurations and the
// deployments that put one on a web site.
const (
	WebConfiguration = "webdeployments.configuration"
	WebDeployment    = "webdeployments.deployment"
)

// webDeploymentsAreaKinds are the kinds of web messaging (/api/v2/webdeployments).
func webDeploymentsAreaKinds() []*Kind {
	return []*Kind{
		{
			// A configuration is edited as a draft and deployed as numbered versions: the
			// official provider publishes the draft after every write and reads the latest
			// version, whose number deployments refer to.
			Name: WebConfiguration, Resource: "genesyscloud_webdeployments_configuration",
			DataSource: "genesyscloud_webdeployments_configuration", Noun: "web deployment configuration", Names: UniqueName,
			API:   API{Collection: "/api/v2/webdeployments/configurations", Paging: Cursor, Update: "PUT", Drafts: true},
			Model: "WebDeploymentConfigurationVersion", Audit: Audit{"WebDeployments", "Configuration"},
			Permission: "webDeployments:configuration", Unmanaged: true,
			IDAttributes: []string{"configuration_id", "*_configuration_id"}, DependsOn: []string{KnowledgeBase},
			Fields: webConfigurationFields(), LookupOutputs: []string{"version"},
		},
		{
			Name: WebDeployment, Resource: "genesyscloud_webdeployments_deployment",
			DataSource: "genesyscloud_webdeployments_deployment", Noun: "web deployment", Names: UniqueName,
			API:   API{Collection: "/api/v2/webdeployments/deployments", Paging: Cursor, Update: "PUT"},
			Model: "WebDeployment", Audit: Audit{"WebDeployments", "Deployment"}, Permission: "webDeployments:deployment",
			Unmanaged: true, IDAttributes: []string{"deployment_id", "web_deployment_id"},
			DependsOn: []string{WebConfiguration, Flow, SupportedContent},
			Fields: []Field{
				{Attr: "name", JSON: "name", Type: String, Mode: Required, Description: "Deployment name."},
				{Attr: "description", JSON: "description", Type: String, Mode: Optional, Description: "Deployment description."},
				{Attr: "allow_all_domains", JSON: "allowAllDomains", Type: Bool, Mode: Optional, Default: false, EitherOr: "allowed_domains",
					Description: "Whether all domains are allowed or not. allowedDomains must be empty when this is true."},
				{Attr: "allowed_domains", JSON: "allowedDomains", Type: StringList, Mode: Optional,
					Description: "The list of domains that are approved to use this deployment; the list will be added to CORS headers for ease of web use."},
				{Attr: "flow_id", JSON: "flow.id", Type: String, Mode: Optional, Ref: Flow,
					Description: "The inbound message flow the deployment's conversations start in."},
				{Attr: "status", JSON: "status", Type: String, Mode: OptionalComputed, Enum: webStatuses(), OrgDefault: "Active",
					Description: "The current status of the deployment. The org sets it when it is not configured."},
				{Attr: "configuration", JSON: "configuration", Type: Object, Mode: Required, MinItems: 1,
					Description: "The published configuration version the deployment uses.",
					Nested: []Field{
						{Attr: "id", JSON: "id", Type: String, Mode: Required, Ref: WebConfiguration,
							Description: "The id of the configuration."},
						{Attr: "version", JSON: "version", Type: String, Mode: OptionalComputed,
							Description: "The version of the configuration, e.g. the configuration resource's `version`."},
					}},
				{Attr: "supported_content_id", JSON: "supportedContent.id", Type: String, Mode: Optional, Ref: SupportedContent,
					Description: "The supported content profile of the deployment."},
				{Attr: "push_integrations", JSON: "pushIntegrations", Type: Block, Mode: Optional,
					Description: "The push notification integrations of the deployment.",
					Nested: []Field{
						{Attr: "id", JSON: "id", Type: String, Mode: Required, Description: "The id of the push integration."},
						{Attr: "provider", JSON: "provider", Type: String, Mode: Required, Description: "The push integration's provider."},
					}},
				{Attr: "snippet", JSON: "snippet", Type: String, Mode: Computed,
					Description: "Javascript snippet used to load the config."},
			},
		},
	}
}

// webStatuses are the statuses of configurations and deployments.
func webStatuses() []string { return []string{"Pending", "Active", "Inactive", "Error", "Deleting"} }

// webConfigurationFields map a Messenger configuration: its languages, the messenger's look
// and apps, co-browse, video and authentication.
func webConfigurationFields() []Field {
	return []Field{
		{Attr: "name", JSON: "name", Type: String, Mode: Required, Description: "Deployment name."},
		{Attr: "description", JSON: "description", Type: String, Mode: Optional, Description: "Deployment description."},
		{Attr: "languages", JSON: "languages", Type: StringList, Mode: Required,
			Description: "A list of languages supported on the configuration."},
		{Attr: "default_language", JSON: "defaultLanguage", Type: String, Mode: Required,
			Description: "The default language to use for the configuration."},
		{Attr: "headless_mode_enabled", JSON: "headlessMode.enabled", Type: Bool, Mode: Optional,
			Description: "Whether the messenger runs without its own user interface, driven by the page's own."},
		{Attr: "status", JSON: "status", Type: String, Mode: OptionalComputed, Enum: webStatuses(), OrgDefault: "Active",
			Description: "The current status of the deployment. The org sets it when it is not configured."},
		{Attr: "version", JSON: "version", Type: String, Mode: Computed, ChangesOnWrite: true,
			Description: "The version of the configuration: every apply that changes it publishes a new one."},
		{Attr: "custom_i18n_labels", JSON: "customI18nLabels", Type: Block, Mode: Optional,
			Description: "The texts the messenger shows, replaced per language.",
			Nested: []Field{
				{Attr: "language", JSON: "language", Type: String, Mode: Optional, Description: "Language of localized labels in homescreen app (eg. en-us, de-de)."},
				{Attr: "localized_labels", JSON: "localizedLabels", Type: Block, Mode: Optional,
					Description: "Contains localized labels used in messenger homescreen.",
					Nested: []Field{
						{Attr: "key", JSON: "key", Type: String, Mode: Required, Description: "Contains localized label key used in messenger homescreen."},
						{Attr: "value", JSON: "value", Type: String, Mode: Required, Description: "Contains localized label value used in messenger homescreen."},
					}},
			}},
		{Attr: "position", JSON: "position", Type: Object, Mode: Optional,
			Description: "Where the messenger sits on the page.",
			Nested: []Field{
				{Attr: "alignment", JSON: "alignment", Type: String, Mode: Optional, Description: "The side of the page: `Auto`, `Left` or `Right`."},
				{Attr: "side_space", JSON: "sideSpace", Type: Int, Mode: Optional, Description: "The space from the side of the page, in pixels."},
				{Attr: "bottom_space", JSON: "bottomSpace", Type: Int, Mode: Optional, Description: "The space from the bottom of the page, in pixels."},
			}},
		{Attr: "messenger", JSON: "messenger", Type: Object, Mode: Optional,
			Description: "Settings concerning messenger.",
			Nested:      webMessengerFields()},
		{Attr: "cobrowse", JSON: "cobrowse", Type: Object, Mode: Optional,
			Description: "Settings concerning cobrowse.",
			Nested: []Field{
				{Attr: "enabled", JSON: "enabled", Type: Bool, Mode: Optional, Description: "Whether or not cobrowse is enabled."},
				{Attr: "allow_agent_control", JSON: "allowAgentControl", Type: Bool, Mode: Optional, Description: "Whether agent can take control over customer's screen or not."},
				{Attr: "allow_agent_navigation", JSON: "allowAgentNavigation", Type: Bool, Mode: Optional, Description: "Whether agent can use navigation feature over customer's screen or not."},
				{Attr: "allow_draw", JSON: "allowDraw", Type: Bool, Mode: Optional, Description: "Whether agent can use the draw feature on the customer's screen or not."},
				{Attr: "channels", JSON: "channels", Type: StringList, Mode: Optional, Description: "List of channels through which cobrowse is available (for now only Webmessaging and Voice)."},
				{Attr: "mask_selectors", JSON: "maskSelectors", Type: StringList, Mode: Optional, Description: "List of CSS selectors which should be masked when screen sharing is active."},
				{Attr: "readonly_selectors", JSON: "readonlySelectors", Type: StringList, Mode: Optional, Description: "List of CSS selectors which should be read-only when screen sharing is active."},
				{Attr: "pause_criteria", JSON: "pauseCriteria", Type: Block, Mode: Optional,
					Description: "Pause criteria that will pause cobrowse if some of them are met in the user's URL.",
					Nested: []Field{
						{Attr: "url_fragment", JSON: "urlFragment", Type: String, Mode: Required, Description: "A string representing a part of the URL."},
						{Attr: "condition", JSON: "condition", Type: String, Mode: Required, Description: "How the URL fragment is compared: `includes`, `does_not_include`, `starts_with` or `ends_with`."},
					}},
			}},
		{Attr: "video", JSON: "video", Type: Object, Mode: Optional,
			Description: "Settings concerning video.",
			Nested: []Field{
				{Attr: "enabled", JSON: "enabled", Type: Bool, Mode: Optional, Description: "Whether or not video is enabled."},
				{Attr: "agent", JSON: "agent", Type: Object, Mode: Optional, Description: "What the agent may share.",
					Nested: append(videoPermissions("agent"),
						Field{Attr: "background", JSON: "background", Type: String, Mode: Optional, Enum: []string{"BLUR", "NONE", "IMAGE"},
							Description: "The agent's background."},
						Field{Attr: "background_image", JSON: "backgroundImage", Type: Object, Mode: Optional, Description: "The agent's background image.",
							Nested: []Field{{Attr: "url", JSON: "url", Type: String, Mode: Optional, Description: "The image's URL."}}})},
				{Attr: "user", JSON: "user", Type: Object, Mode: Optional, Description: "What the customer may share.",
					Nested: videoPermissions("customer")},
			}},
		{Attr: "journey_events", JSON: "journeyEvents", Type: Object, Mode: Optional,
			Description: "Settings concerning journey events.", Nested: webJourneyEventFields()},
		{Attr: "support_center", JSON: "supportCenter", Type: Object, Mode: Optional,
			Description: "Settings concerning support center.", Nested: webSupportCenterFields()},
		{Attr: "authentication_settings", JSON: "authenticationSettings", Type: Object, Mode: Optional,
			Description: "Settings for authenticated webdeployments.",
			Nested: []Field{
				{Attr: "enabled", JSON: "enabled", Type: Bool, Mode: Required,
					Description: "Indicate if these auth is required for this deployment. If, for example, this flag is set to true then webmessaging sessions can not send messages unless the end-user is authenticated."},
				{Attr: "integration_id", JSON: "integrationId", Type: String, Mode: Required, Description: "The integration identifier which contains the auth settings required on the deployment."},
				{Attr: "allow_session_upgrade", JSON: "allowSessionUpgrade", Type: Bool, Mode: Optional, Description: "Allow end-users to upgrade an anonymous session to authenticated conversation."},
			}},
	}
}

// webMessengerFields map the messenger's settings: its look, its launcher and home screen,
// file uploads and its apps.
func webMessengerFields() []Field {
	return []Field{
		{Attr: "enabled", JSON: "enabled", Type: Bool, Mode: Optional, Description: "Whether or not messenger is enabled."},
		{Attr: "session_persistence_type", JSON: "sessionPersistenceType", Type: String, Mode: Optional,
			Enum: []string{"AcrossSubdomains", "DomainOrSubdomainOnly"}, Description: "Whether a session persists across subdomains."},
		{Attr: "styles", JSON: "styles", Type: Object, Mode: Optional, Description: "The style settings for messenger.",
			Nested: []Field{{Attr: "primary_color", JSON: "primaryColor", Type: String, Mode: Optional, Description: "The primary color of messenger in hexadecimal."}}},
		{Attr: "launcher_button", JSON: "launcherButton", Type: Object, Mode: Optional, Description: "The settings for the launcher button.",
			Nested: []Field{
				{Attr: "visibility", JSON: "visibility", Type: String, Mode: Optional, Enum: []string{"On", "Off", "OnDemand"}, Description: "The visibility settings for the button."},
				{Attr: "display_type", JSON: "displayType", Type: String, Mode: Optional, Enum: []string{"Icon", "Text", "IconAndText"}, Description: "How the launcher button is shown."},
				{Attr: "icon", JSON: "icon", Type: Object, Mode: Optional, Description: "The launcher button's icon.",
					Nested: []Field{{Attr: "url", JSON: "url", Type: String, Mode: Optional, Description: "The icon's URL."}}},
			}},
		{Attr: "home_screen", JSON: "homeScreen", Type: Object, Mode: Optional, Description: "The settings for the home screen.",
			Nested: []Field{
				{Attr: "enabled", JSON: "enabled", Type: Bool, Mode: Optional, Description: "Whether or not home screen is enabled."},
				{Attr: "logo_url", JSON: "logoUrl", Type: String, Mode: Optional, Description: "URL for custom logo to appear in home screen."},
			}},
		{Attr: "file_upload", JSON: "fileUpload", Type: Object, Mode: Optional, Description: "File upload settings for messenger.",
			Nested: []Field{
				{Attr: "enable_attachments", JSON: "enableAttachments", Type: Bool, Mode: Optional, Description: "Whether or not attachments are enabled."},
				{Attr: "mode", JSON: "modes", Type: Block, Mode: Optional, Description: "The file upload modes.",
					Nested: []Field{
						{Attr: "file_types", JSON: "fileTypes", Type: StringList, Mode: Optional, Enum: []string{"image/jpeg", "image/gif", "image/png"},
							Description: "A list of supported content types for uploading files."},
						{Attr: "max_file_size_kb", JSON: "maxFileSizeKB", Type: Int, Mode: Optional, Default: int64(10240),
							Description: "The maximum file size for file uploads in kilobytes. Default is 10240 (10 MB)."},
					}},
			}},
		{Attr: "apps", JSON: "apps", Type: Object, Mode: Optional, Description: "The apps embedded in the messenger.",
			Nested: []Field{
				{Attr: "conversations", JSON: "conversations", Type: Object, Mode: Optional, Description: "The conversations app.",
					Nested: webConversationAppFields()},
				{Attr: "knowledge", JSON: "knowledge", Type: Object, Mode: Optional, Description: "The knowledge app.",
					Nested: []Field{
						{Attr: "enabled", JSON: "enabled", Type: Bool, Mode: Optional, Description: "Whether or not knowledge base is enabled."},
						{Attr: "knowledge_base_id", JSON: "knowledgeBase.id", Type: String, Mode: Optional, Ref: KnowledgeBase,
							Description: "The knowledge base the app searches."},
					}},
			}},
	}
}

// webConversationAppFields map the messenger's conversations app.
func webConversationAppFields() []Field {
	return []Field{
		{Attr: "enabled", JSON: "enabled", Type: Bool, Mode: Optional, Description: "The toggle to enable or disable conversations."},
		{Attr: "show_agent_typing_indicator", JSON: "showAgentTypingIndicator", Type: Bool, Mode: Optional, Description: "The toggle to enable or disable typing indicator for messenger."},
		{Attr: "show_user_typing_indicator", JSON: "showUserTypingIndicator", Type: Bool, Mode: Optional, Description: "The toggle to enable or disable typing indicator for messenger."},
		{Attr: "auto_start_enabled", JSON: "autoStart.enabled", Type: Bool, Mode: Optional, Description: "The auto start for the messenger conversation."},
		{Attr: "markdown_enabled", JSON: "markdown.enabled", Type: Bool, Mode: Optional, Description: "The markdown for the messenger app."},
		{Attr: "conversation_clear_enabled", JSON: "conversationClear.enabled", Type: Bool, Mode: Optional, Description: "The conversation clear settings for the messenger app."},
		{Attr: "session_duration_seconds", JSON: "sessionDurationSeconds", Type: Int, Mode: Optional, Description: "How long a session lasts, in seconds."},
		{Attr: "conversation_disconnect", JSON: "conversationDisconnect", Type: Object, Mode: Optional, Description: "The conversation disconnect for the messenger app.",
			Nested: []Field{
				{Attr: "enabled", JSON: "enabled", Type: Bool, Mode: Optional, Description: "Whether the messenger shows that the conversation was disconnected."},
				{Attr: "type", JSON: "type", Type: String, Mode: Optional, Description: "Conversation disconnect type: `Send` or `ReadOnly`."},
			}},
		{Attr: "humanize", JSON: "humanize", Type: Object, Mode: Optional, Description: "How the bot is presented to the customer.",
			Nested: []Field{
				{Attr: "enabled", JSON: "enabled", Type: Bool, Mode: Optional, Description: "Whether or not humanize conversations setting is enabled."},
				{Attr: "bot", JSON: "bot", Type: Object, Mode: Optional, Description: "The bot's profile.",
					Nested: []Field{
						{Attr: "name", JSON: "name", Type: String, Mode: Optional, Description: "The name of the bot."},
						{Attr: "avatar_url", JSON: "avatarUrl", Type: String, Mode: Optional, Description: "The avatar URL of the bot."},
					}},
			}},
		{Attr: "notifications", JSON: "notifications", Type: Object, Mode: Optional, Description: "The notification settings for messenger apps.",
			Nested: []Field{
				{Attr: "enabled", JSON: "enabled", Type: Bool, Mode: Optional, Description: "The toggle to enable or disable notifications."},
				{Attr: "notification_content_type", JSON: "notificationContentType", Type: String, Mode: Optional,
					Enum: []string{"IncludeMessagesContent", "ExcludeMessagesContent"}, Description: "The content type of notification."},
			}},
	}
}

// videoPermissions are what one side of a video call may turn on.
func videoPermissions(who string) []Field {
	return []Field{
		{Attr: "allow_camera", JSON: "allowCamera", Type: Bool, Mode: Optional, Description: "Whether the " + who + " may turn on the camera."},
		{Attr: "allow_microphone", JSON: "allowMicrophone", Type: Bool, Mode: Optional, Description: "Whether the " + who + " may turn on the microphone."},
		{Attr: "allow_screen_share", JSON: "allowScreenShare", Type: Bool, Mode: Optional, Description: "Whether the " + who + " may share the screen."},
	}
}
