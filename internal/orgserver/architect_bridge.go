package orgserver

import (
	"github.com/cxascode/cxascode/internal/orgserver/apihttp"
	"github.com/cxascode/cxascode/internal/orgserver/architect"
	"github.com/cxascode/cxascode/internal/orgserver/host"
	"github.com/cxascode/cxascode/internal/platform"
)

// Spellings of the Architect group's rules for the hand-written handlers still in this
// package (dependency tracking in architect_schedules.go, the generic entity's audit
// action), until those move.

func (s *Server) flowConsumedResources(orgID, id, version string, resourceTypes []string) ([][]byte, bool) {
	return architect.ConsumedResources(s.store, orgID, id, version, resourceTypes)
}

func clientRef(p apihttp.Principal) *platform.DomainEntityRef { return host.ClientRef(p) }
