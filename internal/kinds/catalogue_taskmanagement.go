package kinds

// Catalogue names of the task management kinds.
const (
	Workbin        = "taskmanagement.workbin"
	WorkitemSchema = "taskmanagement.workitemschema"
	Worktype       = "taskmanagement.worktype"
	WorktypeStatus = "taskmanagement.worktypestatus"
)

// Task management lists its objects by query (POST …/query with filters and a cursor)
// rather than by GET on the collection, and writes references as plain ids ("divisionId")
// that its objects answer as nested references ("division.id").
const (
	workbins  = "/api/v2/taskmanagement/workbins"
	schemas   = "/api/v2/taskmanagement/workitems/schemas"
	worktypes = "/api/v2/taskmanagement/worktypes"
)

// taskManagementAreaKinds are the task management kinds: workbins, workitem schemas and
// work types.
func taskManagementAreaKinds() []*Kind {
	return []*Kind{
		{
			Name: Workbin, Resource: "genesyscloud_task_management_workbin", DataSource: "genesyscloud_task_management_workbin",
			Noun: "workbin",
			API: API{Collection: workbins, NoList: true, Query: workbins + "/query", Paging: Cursor, MaxPageSize: 200,
				Update: "PATCH"},
			Model: "Workbin", CreateModel: "WorkbinCreate", UpdateModel: "WorkbinUpdate",
			Audit: Audit{"TaskManagement", "Workbin"}, Permission: "workitems:workbin",
			DependsOn: []string{Division}, Unmanaged: true, IDAttributes: []string{"workbin_id", "*_workbin_id"},
			Fields: []Field{
				{Attr: "name", JSON: "name", Type: String, Mode: Required, Description: "Workbin name."},
				{Attr: "description", JSON: "description", Type: String, Mode: Optional, Description: "Workbin description."},
				{Attr: "division_id", JSON: "division.id", WriteJSON: "divisionId", Type: String, Mode: OptionalComputed, Ref: Division,
					// A workbin's update model has no division: it stays where it was made.
					ForceNew:    true,
					Description: "The division the workbin belongs to. When not set, the org puts it in the home division. Changing it replaces the workbin."},
			},
		},
		{
			// A workitem schema is a JSON schema document: the official provider's
			// description is the document's, its properties the document's properties as
			// JSON text. Schemas are listed unpaged by GET.
			Name: WorkitemSchema, Resource: "genesyscloud_task_management_workitem_schema",
			DataSource: "genesyscloud_task_management_workitem_schema", Noun: "workitem schema",
			API:   API{Collection: schemas, Paging: Unpaged, MaxPageSize: 200, Update: "PUT", Version: IntVersion},
			Model: "DataSchema", Audit: Audit{"TaskManagement", "WorkitemSchema"}, Permission: "workitems:workitemSchema",
			BulkRead: true, Unmanaged: true, IDAttributes: []string{"schema_id", "workitem_schema_id"},
			Fields: []Field{
				{Attr: "name", JSON: "name", Type: String, Mode: Required, Description: "The name of the workitem schema."},
				{Attr: "description", JSON: "jsonSchema.description", Type: String, Mode: Optional,
					Description: "The description of the workitem schema."},
				{Attr: "properties", JSON: "jsonSchema.properties", Type: String, Format: JSONText, Mode: Optional,
					Description: "The custom fields of the workitem schema, as the JSON text of the schema document's properties (use jsonencode())."},
				{Attr: "enabled", JSON: "enabled", Type: Bool, Mode: Optional, Default: true,
					Description: "Whether the schema is enabled. A disabled schema cannot be assigned to other objects, but the work items that use it keep it."},
				{Attr: "version", JSON: "version", Type: Int, Mode: Computed, ChangesOnWrite: true,
					Description: "The version of the workitem schema."},
			},
		},
		{
			// A work type's defaults for new work items. Its references are written as ids
			// ("defaultQueueId") and answered as references ("defaultQueue.id").
			Name: Worktype, Resource: "genesyscloud_task_management_worktype", DataSource: "genesyscloud_task_management_worktype",
			Noun: "work type",
			API: API{Collection: worktypes, NoList: true, Query: worktypes + "/query", Paging: Cursor, MaxPageSize: 200,
				Update: "PATCH"},
			Model: "Worktype", CreateModel: "WorktypeCreate", UpdateModel: "WorktypeUpdate",
			Audit: Audit{"TaskManagement", "Worktype"}, Permission: "workitems:worktype",
			DependsOn: []string{Division, Workbin, WorkitemSchema, Queue, Language, Skill},
			Unmanaged: true, IDAttributes: []string{"worktype_id", "*_worktype_id"},
			Fields: []Field{
				{Attr: "name", JSON: "name", Type: String, Mode: Required, Description: "The name of the work type."},
				{Attr: "description", JSON: "description", Type: String, Mode: Optional, Description: "The description of the work type."},
				{Attr: "division_id", JSON: "division.id", WriteJSON: "divisionId", Type: String, Mode: OptionalComputed, Ref: Division,
					// The update model has no division: a work type stays where it was made.
					ForceNew:    true,
					Description: "The division the work type belongs to. When not set, the org puts it in the home division. Changing it replaces the work type."},
				{Attr: "default_workbin_id", JSON: "defaultWorkbin.id", WriteJSON: "defaultWorkbinId", Type: String, Mode: Required, Ref: Workbin,
					Description: "The workbin new work items of this type go to."},
				{Attr: "schema_id", JSON: "schema.id", WriteJSON: "schemaId", Type: String, Mode: Optional, Ref: WorkitemSchema,
					Description: "The workitem schema of work items of this type."},
				{Attr: "schema_version", JSON: "schema.version", WriteJSON: "schemaVersion", Type: Int, Mode: OptionalComputed,
					Description: "The version of the workitem schema to use. When not set, the latest."},
				{Attr: "default_queue_id", JSON: "defaultQueue.id", WriteJSON: "defaultQueueId", Type: String, Mode: Optional, Ref: Queue,
					Description: "The queue new work items of this type are routed to."},
				{Attr: "default_language_id", JSON: "defaultLanguage.id", WriteJSON: "defaultLanguageId", Type: String, Mode: Optional, Ref: Language,
					Description: "The routing language of new work items of this type."},
				{Attr: "default_skills_ids", JSON: "defaultSkills[].id", WriteJSON: "defaultSkillIds", Type: StringList, Mode: Optional, Ref: Skill,
					Description: "The routing skills of new work items of this type."},
				{Attr: "default_script_id", JSON: "defaultScript.id", WriteJSON: "defaultScriptId", Type: String, Mode: Optional,
					Description: "The script agents see for work items of this type."},
				{Attr: "default_priority", JSON: "defaultPriority", Type: Int, Mode: Optional,
					Description: "The priority of new work items of this type. The valid range is between -25,000,000 and 25,000,000."},
				{Attr: "default_duration_seconds", JSON: "defaultDurationSeconds", Type: Int, Mode: Optional,
					Description: "How long a work item of this type takes to work on, in seconds."},
				{Attr: "default_due_duration_seconds", JSON: "defaultDueDurationSeconds", Type: Int, Mode: Optional,
					Description: "How long after its creation a work item of this type is due, in seconds."},
				{Attr: "default_expiration_seconds", JSON: "defaultExpirationSeconds", Type: Int, Mode: Optional,
					Description: "How long after its creation a work item of this type expires, in seconds."},
				{Attr: "default_ttl_seconds", JSON: "defaultTtlSeconds", Type: Int, Mode: Optional,
					Description: "How long a closed work item of this type is kept, in seconds."},
				{Attr: "assignment_enabled", JSON: "assignmentEnabled", Type: Bool, Mode: Optional,
					Description: "Whether work items of this type are assigned to agents automatically."},
				{Attr: "flow_rules_enabled", JSON: "ruleSettings.flowRulesEnabled", Type: Bool, Mode: Optional,
					Description: "Whether flow rules run for work items of this type."},
				// Only a create takes it, and the org never answers it.
				{Attr: "disable_default_status_creation", JSON: "disableDefaultStatusCreation", Type: Bool, Mode: Optional, WriteOnly: true,
					Description: "Whether the org leaves out the default statuses it otherwise creates with the work type."},
			},
		},
		worktypeStatusKind(),
	}
}
