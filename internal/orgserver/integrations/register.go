// Package integrations is the local org's integrations API group: integrations and their
// configuration, the integration types' config schemas, and data actions with their
// drafts and function code.
package integrations

import "github.com/cxascode/cxascode/internal/orgserver/host"

// api is the integrations group's handlers on the server's host.
type api struct{ *host.Host }

// Register adds the integrations routes to the server behind h.
func Register(h *host.Host) {
	s := &api{h}
	s.integrationRoutes()       // integrations.go, configschemas.go
	s.integrationActionRoutes() // actions.go, action_functions.go
}
