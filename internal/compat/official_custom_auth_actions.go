package compat

// customAuthActionEntries covers genesyscloud_integration_custom_auth_action and its data
// source, written by hand because the org makes the action with its integration's
// configuration and the resource only patches it.
func customAuthActionEntries() []Entry {
	return []Entry{
		{Kind: Resource, Name: "genesyscloud_integration_custom_auth_action", Attributes: []Attribute{
			idAttr(),
			sup("integration_id", "string", "required; its configuration must hold a userDefinedOAuth credential"),
			sup("name", "string", "optional+computed, up to 256"),
			sup("config_request", "block list max1"),
			sup("config_request.request_type", "string", "required; GET, PUT, POST, PATCH, DELETE"),
			sup("config_request.request_url_template", "string", "required"),
			sup("config_request.request_template", "string", "Velocity"),
			sup("config_request.headers", "map(string)"),
			sup("config_response", "block list max1"),
			sup("config_response.success_template", "string", "Velocity"),
			sup("config_response.translation_map", "map(string)"),
			sup("config_response.translation_map_defaults", "map(string)"),
		}},
		{Kind: DataSource, Name: "genesyscloud_integration_custom_auth_action", Attributes: []Attribute{
			idAttr(),
			sup("parent_integration_id", "string", "required"),
		}},
	}
}
