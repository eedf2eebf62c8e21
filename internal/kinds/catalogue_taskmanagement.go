package kinds

// Catalogue names of the task management kinds.
const (
	Workbin = "taskmanagement.workbin"
)

// Task management lists its objects by query (POST …/query with filters and a cursor)
// rather than by GET on the collection, and writes references as plain ids ("divisionId")
// that its objects answer as nested references ("division.id").
const (
	workbins = "/api/v2/taskmanagement/workbins"
)

// taskManagementAreaKinds are the task management kinds: workbins.
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
	}
}
