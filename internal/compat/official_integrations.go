package compat

// architectAndIntegrationEntries covers the resources beyond the routing core: Architect
// schedules, schedule groups and IVRs, integrations and data actions (reference §2.8-2.14;
// DID pools are a regular kind now, read from the catalogue in official_regular.go).
func architectAndIntegrationEntries() []Entry {
	return []Entry{
		{Kind: Resource, Name: "genesyscloud_integration", Attributes: []Attribute{
			idAttr(),
			sup("integration_type", "string", "required, e.g. purecloud-data-actions"),
			sup("intended_state", "string", "DISABLED (default) or ENABLED"),
			sup("config", "block list max1", "optional+computed"),
			sup("config.name", "string", "optional+computed"),
			sup("config.notes", "string"),
			sup("config.properties", "string (JSON)", "optional+computed"),
			sup("config.advanced", "string (JSON)", "optional+computed"),
			sup("config.credentials", "map(string)", "credential type → genesyscloud_integration_credential id"),
		}},
		{Kind: Resource, Name: "genesyscloud_integration_action", Attributes: []Attribute{
			idAttr(),
			sup("name", "string", "required, 1-256"),
			sup("category", "string", "required"),
			sup("integration_id", "string", "required; changing it replaces the action"),
			sup("secure", "bool", "default false; changing it replaces the action"),
			sup("config_timeout_seconds", "int", "1-60"),
			sup("contract_input", "string (JSON)", "required; JSON Schema; changing it replaces the action"),
			sup("contract_output", "string (JSON)", "required; JSON Schema; changing it replaces the action"),
			sup("config_request", "block list max1"),
			sup("config_request.request_type", "string", "required; GET, PUT, POST, PATCH, DELETE"),
			sup("config_request.request_url_template", "string"),
			sup("config_request.request_template", "string", "Velocity"),
			sup("config_request.headers", "map(string)"),
			sup("config_response", "block list max1", "optional+computed"),
			sup("config_response.translation_map", "map(string)"),
			sup("config_response.translation_map_defaults", "map(string)"),
			sup("config_response.success_template", "string", "Velocity"),
			sup("function_config", "block list max1", "function data actions: created as a draft, given the function and its zip, published"),
			sup("function_config.file_path", "string", "required; a local zip, uploaded again when its SHA-256 changes"),
			sup("function_config.handler", "string", "optional+computed; the API requires it"),
			sup("function_config.runtime", "string", "optional+computed; the API requires it"),
			sup("function_config.timeout_seconds", "int", "optional+computed, 1-60"),
			sup("function_config.description", "string", "optional+computed; the API requires it"),
			sup("function_config.zip_id", "string", "optional+computed; known after apply when the zip changed"),
		}, Extensions: []Extension{
			{Path: "function_config.file_content_hash", Notes: "SHA-256 of the uploaded zip (newer official providers have it too)"},
		}},
	}
}

// architectAndIntegrationDataSources are the matching data sources.
func architectAndIntegrationDataSources() []Entry {
	byName := func(name, what string) Entry {
		return Entry{Kind: DataSource, Name: name, Attributes: []Attribute{
			idAttr(),
			sup("name", "string", "required; exact name of the "+what),
		}}
	}
	return []Entry{
		byName("genesyscloud_integration", "integration"),
		{Kind: DataSource, Name: "genesyscloud_integration_action", Attributes: []Attribute{
			idAttr(),
			sup("name", "string", "required"),
			sup("integration_id", "string", "disambiguates actions of the same name"),
		}},
		{Kind: DataSource, Name: "genesyscloud_telephony_providers_edges_did_pool", Attributes: []Attribute{
			idAttr(),
			sup("start_phone_number", "string", "required"),
			sup("end_phone_number", "string", "required"),
		}},
		{Kind: DataSource, Name: "genesyscloud_telephony_providers_edges_extension_pool", Attributes: []Attribute{
			idAttr(),
			sup("start_number", "string", "required"),
			sup("end_number", "string", "required"),
		}},
	}
}
