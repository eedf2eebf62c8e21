package kinds

// Catalogue names of the employee performance kinds.
const (
	ExternalMetric = "employeeperformance.externalmetric"
)

// performanceAreaKinds are the kinds of the employee performance API.
func performanceAreaKinds() []*Kind {
	return []*Kind{
		{
			Name:       ExternalMetric,
			Resource:   "genesyscloud_employeeperformance_externalmetrics_definitions",
			DataSource: "genesyscloud_employeeperformance_externalmetrics_definitions",
			Noun:       "external metric definition",
			API:        API{Collection: "/api/v2/employeeperformance/externalmetrics/definitions", Update: "PATCH"},
			Model:      "ExternalMetricDefinition", CreateModel: "ExternalMetricDefinitionCreateRequest",
			UpdateModel: "ExternalMetricDefinitionUpdateRequest",
			Audit:       Audit{"EmployeePerformance", "ExternalMetricDefinition"},
			Permission:  "employeePerformance:externalMetricDefinition",
			BulkRead:    true, Unmanaged: true, IDAttributes: []string{"metric_id", "external_metric_id"},
			Fields: []Field{
				{Attr: "name", JSON: "name", Type: String, Mode: Required, Description: "The name of the external metric definition."},
				{Attr: "default_objective_type", JSON: "defaultObjectiveType", Type: String, Mode: Required,
					Description: "The default objective type of the external metric definition."},
				{Attr: "enabled", JSON: "enabled", Type: Bool, Mode: Required, Description: "True if the external metric definition is enabled."},
				{Attr: "precision", JSON: "precision", Type: Int, Mode: Required,
					Description: "The decimal precision of the external metric definition, from 0 to 5."},
				// The update model has no unit: a new unit is a new definition.
				{Attr: "unit", JSON: "unit", Type: String, Mode: Required, ForceNew: true,
					Description: "The unit of the external metric definition. Changing it replaces the definition."},
				{Attr: "unit_definition", JSON: "unitDefinition", Type: String, Mode: Optional, ForceNew: true,
					Description: "The unit definition of the external metric definition. Changing it replaces the definition."},
			},
		},
	}
}
