package kinds

// Catalogue names of the task management kinds.
const (
	Workbin        = "taskmanagement.workbin"
	WorkitemSchema = "taskmanagement.workitemschema"
)

// Task management lists its objects by query (POST …/query with filters and a cursor)
// rather than by GET on the collection, and writes references as plain ids ("divisionId")
// that its objects answer as nested references ("division.id").
const (
	workbins = "/api/v2/taskmanagement/workbins"
	schemas  = "/api/v2/taskmanagement/workitems/schemas"
)

// taskManagementAreaKinds are the task management kinds: workbins and workitem schemas.
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
	}
}
