// Package authorization is the local org's authorization API group: roles, divisions and
// the objects in them, subjects and their grants, the permission catalog, and the
// OAuth clients made through the API, whose permissions are their grants.
package authorization

import (
	"github.com/cxascode/cxascode/internal/kinds"
	"github.com/cxascode/cxascode/internal/orgserver/host"
)

// api is the authorization group's handlers on the server's host.
type api struct{ *host.Host }

// Register adds the authorization routes to the server behind h.
func Register(h *host.Host) {
	s := &api{h}
	s.KindRoutes(kinds.Division, host.KindHandlers{List: s.listDivisions, Create: s.createDivision,
		Update: s.putDivision, Delete: s.deleteDivision})
	s.divisionRoutes() // divisions.go
	s.KindRoutes(kinds.Role, host.KindHandlers{List: s.listRoles, Create: s.createRole, Update: s.putRole,
		Delete: s.deleteRole})
	s.roleRoutes()        // roles.go, subjects.go, catalog.go
	s.oauthClientRoutes() // oauth_clients.go
}
