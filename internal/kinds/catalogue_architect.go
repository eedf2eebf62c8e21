package kinds

// Catalogue names of the Architect kinds added for breadth.
const (
	FlowMilestone = "architect.flowmilestone"
	FlowOutcome   = "architect.flowoutcome"
)

// architectAreaKinds are Architect kinds beyond the first ones in catalogue.go: the
// milestones and outcomes flows report for analytics. Archy flow YAML names neither as a
// reference the archy package reads, so they carry no Archy names.
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
