package compat

// regularKindResources covers the kinds the provider serves with its generic resource
// (catalogue entries with a field mapping): utilization labels, emergency groups and response
// libraries. Attribute lists are the official schemas'.
func regularKindResources() []Entry {
	return []Entry{
		{Kind: Resource, Name: "genesyscloud_routing_utilization_label", Attributes: []Attribute{
			idAttr(),
			sup("name", "string", "required; at most 100 characters"),
		}},
		{Kind: Resource, Name: "genesyscloud_architect_emergencygroup", Attributes: []Attribute{
			idAttr(),
			sup("name", "string", "required"),
			sup("description", "string"),
			sup("division_id", "string", "optional+computed"),
			sup("enabled", "bool", "default false"),
			sup("emergency_call_flows", "block list"),
			sup("emergency_call_flows.emergency_flow_id", "string", "required"),
			sup("emergency_call_flows.ivr_ids", "set(string)", "required"),
		}},
		{Kind: Resource, Name: "genesyscloud_responsemanagement_library", Attributes: []Attribute{
			idAttr(),
			sup("name", "string", "required"),
		}},
	}
}

// regularKindDataSources are the generic by-name data sources of the same kinds.
func regularKindDataSources() []Entry {
	return []Entry{
		nameLookupEntry("genesyscloud_routing_utilization_label", "utilization label"),
		nameLookupEntry("genesyscloud_architect_emergencygroup", "emergency group"),
		nameLookupEntry("genesyscloud_responsemanagement_library", "response library"),
	}
}

// nameLookupEntry is the entry of an official by-name data source: name in, id out.
func nameLookupEntry(name, what string) Entry {
	return Entry{Kind: DataSource, Name: name, Attributes: []Attribute{
		idAttr(),
		sup("name", "string", "required; exact name of the "+what),
	}}
}
