package kinds

// worktypeStatusKind is a status work items of one work type pass through: a child of the
// work type (its statuses collection), named uniquely within it. Its transitions name sibling
// statuses, written as ids ("destinationStatusIds") and answered as references.
func worktypeStatusKind() *Kind {
	return &Kind{
		Name: WorktypeStatus, Resource: "genesyscloud_task_management_worktype_status",
		DataSource: "genesyscloud_task_management_worktype_status", Noun: "work type status",
		API: API{Collection: worktypes + "/" + ParentID + "/statuses", Parent: Worktype, Paging: Unpaged,
			Update: "PATCH"},
		Model: "WorkitemStatus", CreateModel: "WorkitemStatusCreate", UpdateModel: "WorkitemStatusUpdate",
		Audit: Audit{"TaskManagement", "WorkitemStatus"}, Permission: "workitems:status",
		Unmanaged: true, DependsOn: []string{Worktype},
		LookupBy: []LookupParam{{Attr: "worktype_id", Param: ParentID,
			Description: "The id of the work type the status belongs to."}},
		Fields: []Field{
			{Attr: "worktype_id", JSON: "worktype.id", Type: String, Mode: Required, Ref: Worktype, ForceNew: true,
				Description: "The id of the work type the status belongs to. Changing it replaces the status."},
			{Attr: "name", JSON: "name", Type: String, Mode: Required, Description: "The name of the status."},
			{Attr: "category", JSON: "category", Type: String, Mode: Required, ForceNew: true,
				Enum:        []string{"Open", "InProgress", "Waiting", "Closed"},
				Description: "The category of the status (Open | InProgress | Waiting | Closed). Changing it replaces the status."},
			{Attr: "description", JSON: "description", Type: String, Mode: Optional, Description: "The description of the status."},
			{Attr: "destination_status_ids", JSON: "destinationStatuses[].id", WriteJSON: "destinationStatusIds", Type: StringList,
				Mode: Optional, Ref: WorktypeStatus,
				Description: "The statuses of the same work type a work item in this status may move to (at most 24)."},
			{Attr: "default_destination_status_id", JSON: "defaultDestinationStatus.id", WriteJSON: "defaultDestinationStatusId",
				Type: String, Mode: Optional, Ref: WorktypeStatus,
				Description: "The status of the same work type a work item in this status moves to after the transition delay or time."},
			{Attr: "status_transition_delay_seconds", JSON: "statusTransitionDelaySeconds", Type: Int, Mode: Optional,
				Description: "How long a work item stays in this status before it moves to the default destination status, in seconds."},
			{Attr: "status_transition_time", JSON: "statusTransitionTime", Type: String, Mode: Optional,
				Description: "The time of day (ISO-8601 without a time zone, HH:mm:ss) a work item in this status moves to the default destination status."},
			{Attr: "auto_terminate_workitem", JSON: "autoTerminateWorkitem", Type: Bool, Mode: Optional,
				Description: "Whether a work item moved to this status is terminated."},
		},
		NotYet: []Unmapped{{Attr: "default", Type: "bool",
			Why: "the default status is the work type's (its defaultStatusId), not part of the status's JSON"}},
	}
}
