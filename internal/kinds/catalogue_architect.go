package kinds

// Catalogue names of the Architect kinds added for breadth.
const (
	FlowMilestone   = "architect.flowmilestone"
	FlowOutcome     = "architect.flowoutcome"
	DataTableRow    = "architect.datatablerow"
	FlowLogLevel    = "architect.flowloglevel"
	GrammarLanguage = "architect.grammarlanguage"
)

// architectAreaKinds are Architect kinds beyond the first ones in catalogue.go: the
// milestones and outcomes flows report for analytics (Archy flow YAML names neither as a
// reference the archy package reads, so they carry no Archy names), and data tables.
func architectAreaKinds() []*Kind {
	return []*Kind{
		{
			Name: FlowMilestone, Resource: "genesyscloud_flow_milestone", DataSource: "genesyscloud_flow_milestone",
			Noun:  "flow milestone",
			API:   API{Collection: "/api/v2/flows/milestones", NameFilter: "name", Update: "PUT"},
			Model: "FlowMilestone", Audit: Audit{"Architect", "FlowMilestone"}, Permission: "architect:flowMilestone",
			BulkRead: true, Unmanaged: true, IDAttributes: []string{"flow_milestone_id"},
			DependsOn: []string{Division},
			Fields: []Field{
				{Attr: "name", JSON: "name", Type: String, Mode: Required, Description: "Name of the flow milestone."},
				{Attr: "description", JSON: "description", Type: String, Mode: Optional, Description: "Description of the flow milestone."},
				divisionField("flow milestone"),
			},
		},
		{
			Name: DataTable, Resource: "genesyscloud_architect_datatable", DataSource: "genesyscloud_architect_datatable",
			Noun: "data table",
			// The columns come only with expand=schema, on reads of one table and on listings.
			API: API{Collection: "/api/v2/flows/datatables", NameFilter: "name", Update: "PUT",
				ReadQuery: "expand=schema"},
			Model: "DataTable", Audit: Audit{"Architect", "DataTable"}, Permission: "architect:datatable",
			Archy: []string{"dataTable"}, BulkRead: true, Unmanaged: true,
			IDAttributes: []string{"datatable_id"}, DependsOn: []string{Division},
			Shape: dataTableShape(),
			Fields: []Field{
				{Attr: "name", JSON: "name", Type: String, Mode: Required, MaxLength: 256, Description: "Name of the datatable."},
				{Attr: "properties", JSON: "properties", Type: Block, Mode: Required, MinItems: 1,
					Description: "Schema properties for fields. This must at a minimum contain a string property 'key' that " +
						"will be assigned to the 'key' field in a row.",
					Nested: []Field{
						{Attr: "name", JSON: "name", Type: String, Mode: Required, Description: "Name of the property."},
						{Attr: "type", JSON: "type", Type: String, Mode: Required, Enum: []string{"boolean", "string", "integer", "number"},
							Description: "Type of the property (boolean | string | integer | number)."},
						{Attr: "title", JSON: "title", Type: String, Mode: Optional, Description: "Display title of the property."},
						{Attr: "default", JSON: "default", Type: String, Mode: Optional,
							Description: "Default value of this property, written as a string whatever the property's type."},
					}},
				{Attr: "description", JSON: "description", Type: String, Mode: Optional, Description: "Description of the datatable."},
				divisionField("datatable"),
			},
		},
		{
			// A row is a JSON object of the table's columns, keyed by its "key" column, which is
			// also its id in the table's collection. The official schema holds the other columns
			// as one JSON string, so the kind is hand-written in the provider and the local org.
			Name: DataTableRow, Resource: "genesyscloud_architect_datatable_row", Noun: "data table row",
			API: API{Collection: "/api/v2/flows/datatables/" + ParentID + "/rows", Parent: DataTable,
				MaxPageSize: 500, Update: "PUT", ReadQuery: "showbrief=false"},
			Audit: Audit{"Architect", "DataTableRow"}, Permission: "architect:datatableRow",
			Names: SharedName, NameKey: DataTableKeyColumn, IDKey: DataTableKeyColumn,
			ParentAttr: "datatable_id", KeyAttr: "key_value",
			// The listing with showbrief=false answers whole rows, as GET of one row does.
			BulkRead: true, Unmanaged: true, DependsOn: []string{DataTable},
		},
		{
			// A flow's log level is a setting of the flow, made and removed like an object at a
			// path under the flow; its id is the flow's. The org lists every flow's setting at
			// one collection.
			Name: FlowLogLevel, Resource: "genesyscloud_flow_loglevel", Noun: "flow log level", Names: SharedName,
			FoundBy: "flow_id",
			API: API{Collection: "/api/v2/flows/instances/settings/loglevels", MaxPageSize: 200, Update: "PUT",
				ItemPath: "/api/v2/flows/{id}/instances/settings/loglevels"},
			Model: "FlowSettingsResponse", CreateModel: "FlowLogLevelRequest", UpdateModel: "FlowLogLevelRequest",
			Audit: Audit{"Architect", "FlowLogLevel"}, Permission: "architect:flowLogLevel",
			Unmanaged: true, DependsOn: []string{Flow},
			Summary: "Genesys Cloud flow log level: how much of a flow's executions the org logs. " +
				"Its id, and import id, is the flow's.",
			Fields: []Field{
				{Attr: "flow_id", JSON: "id", Type: String, Mode: Required, ForceNew: true, Ref: Flow,
					Description: "The flow whose log level this is. Changing it moves the setting to the other flow."},
				// No Enum: the org names the field when it refuses a level, as a real one does.
				{Attr: "flow_log_level", JSON: "logLevelCharacteristics.level", Type: String, Mode: Required,
					Description: "The log level: Disabled, Base, Notes, VerboseNotes or All."},
			},
		},
		{
			// A prompt's resources (one per language) are changed through their own paths,
			// so the kind is hand-written in the provider and the local org.
			Name: UserPrompt, Resource: "genesyscloud_architect_user_prompt", DataSource: "genesyscloud_architect_user_prompt",
			HasDescription: true,
			Noun:           "user prompt",
			API:            API{Collection: "/api/v2/architect/prompts", NameFilter: "name", Update: "PUT"},
			Model:          "Prompt", Audit: Audit{"Architect", "Prompt"}, Permission: "architect:userPrompt",
			Archy: []string{"prompt"}, Unmanaged: true, DependsOn: []string{Division},
		},
		grammarLanguageKind(),
		{
			Name: FlowOutcome, Resource: "genesyscloud_flow_outcome", DataSource: "genesyscloud_flow_outcome",
			Noun: "flow outcome",
			// The API cannot delete an outcome, and its PUT answers an Operation rather than the
			// outcome.
			API: API{Collection: "/api/v2/flows/outcomes", NameFilter: "name", Update: "PUT", NoDelete: true,
				UpdateAnswersOperation: true},
			Model: "FlowOutcome", Audit: Audit{"Architect", "FlowOutcome"}, Permission: "architect:flowOutcome",
			BulkRead: true, Unmanaged: true, IDAttributes: []string{"flow_outcome_id"},
			DependsOn: []string{Division},
			Fields: []Field{
				{Attr: "name", JSON: "name", Type: String, Mode: Required, Description: "Name of the flow outcome."},
				{Attr: "description", JSON: "description", Type: String, Mode: Optional, Description: "Description of the flow outcome."},
				divisionField("flow outcome"),
			},
		},
	}
}
