package kinds

// The parts of a Messenger configuration that track the visitor's journey on the page and
// make up the support center (knowledge articles in the messenger).

// webJourneyEventFields map which page events reach the visitor's journey.
func webJourneyEventFields() []Field {
	return []Field{
		{Attr: "enabled", JSON: "enabled", Type: Bool, Mode: Optional, Default: true, Description: "Whether or not journey event collection is enabled."},
		{Attr: "excluded_query_parameters", JSON: "excludedQueryParameters", Type: StringList, Mode: Optional,
			Description: "List of parameters to be excluded from the query string."},
		{Attr: "should_keep_url_fragment", JSON: "shouldKeepUrlFragment", Type: Bool, Mode: Optional,
			Description: "Whether or not to keep the URL fragment."},
		{Attr: "search_query_parameters", JSON: "searchQueryParameters", Type: StringList, Mode: Optional,
			Description: "List of query parameters used for search (e.g. 'q')."},
		{Attr: "pageview_config", JSON: "pageviewConfig", Type: String, Mode: Optional, Enum: []string{"Auto", "Once", "Off"},
			Description: "Controls how the pageview events are tracked."},
		pageEvents("click_event", "clickEvents", "Click events that trigger a journey event."),
		{Attr: "form_track_event", JSON: "formsTrackEvents", Type: Block, Mode: Optional,
			Description: "Forms whose submission or abandonment triggers a journey event.",
			Nested: []Field{
				{Attr: "selector", JSON: "selector", Type: String, Mode: Required, Description: "Form element to track (a CSS selector)."},
				{Attr: "form_name", JSON: "formName", Type: String, Mode: Required, Description: "Prefix for the form-field key-value pair of the journey event."},
				{Attr: "capture_data_on_form_abandon", JSON: "captureDataOnFormAbandon", Type: Bool, Mode: Required, Description: "Whether to capture the form data when the form is abandoned."},
				{Attr: "capture_data_on_form_submit", JSON: "captureDataOnFormSubmit", Type: Bool, Mode: Required, Description: "Whether to capture the form data when the form is submitted."},
			}},
		{Attr: "idle_event", JSON: "idleEvents", Type: Block, Mode: Optional,
			Description: "Journey events sent when the visitor is idle.",
			Nested: []Field{
				{Attr: "event_name", JSON: "eventName", Type: String, Mode: Required, Description: "Name of the idle event."},
				{Attr: "idle_after_seconds", JSON: "idleAfterSeconds", Type: Int, Mode: Optional, Description: "How long the visitor is idle before the event is sent, in seconds."},
			}},
		pageEvents("in_viewport_event", "inViewportEvents", "Elements whose showing in the viewport triggers a journey event."),
		{Attr: "scroll_depth_event", JSON: "scrollDepthEvents", Type: Block, Mode: Optional,
			Description: "Scroll depths that trigger a journey event.",
			Nested: []Field{
				{Attr: "event_name", JSON: "eventName", Type: String, Mode: Required, Description: "Name of the event."},
				{Attr: "percentage", JSON: "percentage", Type: Int, Mode: Required, Description: "The percentage of the page scrolled that triggers the event."},
			}},
		{Attr: "tracking_settings", JSON: "trackingSettings", Type: Object, Mode: Optional,
			Description: "Settings of the visitor's page tracking.",
			Nested: []Field{
				{Attr: "excluded_query_parameters", JSON: "excludedQueryParameters", Type: StringList, Mode: Optional,
					Description: "List of parameters to be excluded from the query string."},
				{Attr: "should_keep_url_fragment", JSON: "shouldKeepUrlFragment", Type: Bool, Mode: Optional, Default: false,
					Description: "Whether or not to keep the URL fragment."},
				{Attr: "search_query_parameters", JSON: "searchQueryParameters", Type: StringList, Mode: Optional,
					Description: "List of query parameters used for search (e.g. 'q')."},
				{Attr: "ip_filters", JSON: "ipFilters", Type: Block, Mode: Optional,
					Description: "The visitors' addresses whose pages are not tracked (at most 10).",
					Nested: []Field{
						{Attr: "ip_address", JSON: "ipAddress", Type: String, Mode: Required, Description: "IP address or CIDR range to filter e.g. 192.168.1.0/24."},
						{Attr: "name", JSON: "name", Type: String, Mode: Required, Description: "Name of the filter."},
					}},
			}},
	}
}

// pageEvents are journey events triggered by a page element, named by a CSS selector.
func pageEvents(attr, json, description string) Field {
	return Field{Attr: attr, JSON: json, Type: Block, Mode: Optional, Description: description,
		Nested: []Field{
			{Attr: "selector", JSON: "selector", Type: String, Mode: Required, Description: "The element (a CSS selector)."},
			{Attr: "event_name", JSON: "eventName", Type: String, Mode: Required, Description: "Name of the journey event."},
		}}
}

// webSupportCenterFields map the support center: the knowledge base it shows, its screens,
// categories and look.
func webSupportCenterFields() []Field {
	return []Field{
		{Attr: "enabled", JSON: "enabled", Type: Bool, Mode: Required, Description: "Whether or not support center is enabled."},
		{Attr: "knowledge_base_id", JSON: "knowledgeBase.id", Type: String, Mode: Optional, Ref: KnowledgeBase,
			Description: "The knowledge base for the support center."},
		{Attr: "router_type", JSON: "routerType", Type: String, Mode: Optional, Description: "Router type for the support center: `Hash` or `Browser`."},
		{Attr: "feedback_enabled", JSON: "feedback.enabled", Type: Bool, Mode: Optional, Description: "Whether customer feedback is collected."},
		{Attr: "custom_messages", JSON: "customMessages", Type: Block, Mode: Optional, Description: "Customizable display texts for the support center.",
			Nested: []Field{
				{Attr: "default_value", JSON: "defaultValue", Type: String, Mode: Required, Description: "Custom message's default value."},
				{Attr: "type", JSON: "type", Type: String, Mode: Required, Description: "Custom message's type: `Welcome` or `Fallback`."},
			}},
		{Attr: "enabled_categories", JSON: "enabledCategories", Type: Block, Mode: Optional, Description: "The knowledge categories the support center shows.",
			Nested: []Field{
				{Attr: "category_id", JSON: "id", Type: String, Mode: Required, Description: "The knowledge base category id."},
				{Attr: "image_uri", JSON: "image.source.defaultUrl", Type: String, Mode: Optional, Description: "The category's image URL."},
			}},
		{Attr: "label_filter", JSON: "labelFilter", Type: Object, Mode: Optional,
			Description: "When set, only documents having at least one of the specified labels will be shown.",
			Nested:      []Field{{Attr: "label_ids", JSON: "labels[].id", Type: StringList, Mode: Required, Description: "The ids of the knowledge labels."}}},
		{Attr: "screens", JSON: "screens", Type: Block, Mode: Optional, Description: "The support center's screens.",
			Nested: []Field{
				{Attr: "type", JSON: "type", Type: String, Mode: Required, Description: "The type of the screen: `Home`, `Category`, `SearchResults` or `Article`."},
				{Attr: "module_settings", JSON: "moduleSettings", Type: Block, Mode: Required, MinItems: 1, Description: "The modules the screen shows.",
					Nested: []Field{
						{Attr: "type", JSON: "type", Type: String, Mode: Required, Description: "The module's type: `Search`, `Categories`, `FAQ`, `Popular`, `Prompts`, `ContactUs` …"},
						{Attr: "enabled", JSON: "enabled", Type: Bool, Mode: Required, Description: "Whether the module is shown."},
						{Attr: "compact_category_module_template_active", JSON: "compactCategoryModuleTemplate.active", Type: Bool, Mode: Optional,
							Description: "Whether the compact category module template is active."},
						{Attr: "detailed_category_module_template", JSON: "detailedCategoryModuleTemplate", Type: Object, Mode: Optional,
							Description: "The detailed category module template.",
							Nested: []Field{
								{Attr: "active", JSON: "active", Type: Bool, Mode: Required, Description: "Whether the template is active."},
								{Attr: "sidebar_enabled", JSON: "sidebar.enabled", Type: Bool, Mode: Required, Description: "Whether the category sidebar is shown."},
							}},
					}},
			}},
		{Attr: "style_setting", JSON: "styleSetting", Type: Object, Mode: Optional, Description: "The support center's look.",
			Nested: []Field{
				{Attr: "global_style_setting", JSON: "globalStyle", Type: Object, Mode: Optional, Description: "The colors and font of every screen.",
					Nested: []Field{
						hexColor("background_color", "backgroundColor", "Global background color"),
						{Attr: "font_family", JSON: "fontFamily", Type: String, Mode: Required, Description: "Global font family."},
						hexColor("primary_color", "primaryColor", "Global primary color"),
						hexColor("primary_color_dark", "primaryColorDark", "Global dark primary color"),
						hexColor("primary_color_light", "primaryColorLight", "Global light primary color"),
						hexColor("text_color", "textColor", "Global text color"),
					}},
				{Attr: "hero_style_setting", JSON: "heroStyle", Type: Object, Mode: Optional, Description: "The hero section's look.",
					Nested: []Field{
						hexColor("background_color", "backgroundColor", "Background color for hero section"),
						{Attr: "image_uri", JSON: "image.source.defaultUrl", Type: String, Mode: Required, Description: "The hero section's image URL."},
						hexColor("text_color", "textColor", "Text color for hero section"),
					}},
			}},
	}
}

// hexColor is a required color of the support center's style, written like #ffffff.
func hexColor(attr, json, what string) Field {
	return Field{Attr: attr, JSON: json, Type: String, Mode: Required, Description: what + ", in hexadecimal format, eg #ffffff."}
}
