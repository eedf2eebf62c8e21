// Package architect is the local org's Architect API group where it is irregular: flows
// with their versions, locks, import jobs (Archy YAML uploaded to presigned URLs), exports,
// dependency tracking, log levels, data tables and their rows, and user prompts. (Schedules, schedule groups and IVRs are regular.)
package architect

import (
	"github.com/cxascode/cxascode/internal/kinds"
	"github.com/cxascode/cxascode/internal/orgserver/host"
)

// api is the Architect group's handlers on the server's host.
type api struct{ *host.Host }

// Register adds the flow routes to the server behind h.
func Register(h *host.Host) {
	s := &api{h}
	s.KindRoutes(kinds.Flow, host.KindHandlers{List: s.listFlows, Create: s.createFlow, Get: s.getFlow,
		Delete: s.deleteFlow})
	s.flowRoutes() // flows.go, flow_jobs.go, flow_export.go
	s.KindRoutes(kinds.FlowLogLevel, host.KindHandlers{List: s.listFlowLogLevels, Create: s.setFlowLogLevel(true),
		Get: s.getFlowLogLevel, Update: s.setFlowLogLevel(false), Delete: s.deleteFlowLogLevel}) // flow_loglevels.go
	s.dependencyTrackingRoutes() // dependencytracking.go
	s.dataTableRoutes()          // datatables.go, datatable_schema.go
	s.promptRoutes()             // prompts.go
	s.grammarFileRoutes()        // grammar_files.go
}
