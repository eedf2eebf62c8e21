package compat

// flowLogLevelEntries covers genesyscloud_flow_loglevel, a setting of a flow written by hand.
func flowLogLevelEntries() []Entry {
	return []Entry{
		{Kind: Resource, Name: "genesyscloud_flow_loglevel", Attributes: []Attribute{
			sup("id", "string", "computed; the flow's id, also the import id"),
			sup("flow_id", "string", "required; changing it moves the setting to the other flow"),
			sup("flow_log_level", "string", "required; Disabled, Base, Notes, VerboseNotes or All (the org refuses others, naming the field)"),
		}},
	}
}
