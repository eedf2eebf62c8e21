// Package integrations is the local org's integrations API group: integrations and their
// configuration, the integration types' config schemas, and data actions with their
// drafts and function code.
package integrations

import (
	"github.com/cxascode/cxascode/internal/kinds"
	"github.com/cxascode/cxascode/internal/orgserver/host"
)

// api is the integrations group's handlers on the server's host.
type api struct{ *host.Host }

// Register adds the integrations routes to the server behind h.
func Register(h *host.Host) {
	s := &api{h}
	s.KindRoutes(kinds.Integration, host.KindHandlers{List: s.listIntegrations, Create: s.createIntegration,
		Update: s.patchIntegration, Delete: s.deleteIntegration})
	s.integrationRoutes() // integrations.go, configschemas.go
	s.KindRoutes(kinds.IntegrationAction, host.KindHandlers{List: s.listActions, Create: s.createAction,
		Get: s.getAction, Update: s.patchAction, Delete: s.deleteAction})
	s.integrationActionRoutes() // actions.go, action_functions.go
}
