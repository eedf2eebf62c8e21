// Package authorization is the local org's authorization API group: roles, divisions and
// the objects in them, subjects and their grants, and the permission catalog.
package authorization

import "github.com/cxascode/cxascode/internal/orgserver/host"

// api is the authorization group's handlers on the server's host.
type api struct{ *host.Host }

// Register adds the authorization routes to the server behind h.
func Register(h *host.Host) {
	s := &api{h}
	s.divisionRoutes()       // divisions.go
	s.divisionObjectRoutes() // division_objects.go
	s.roleRoutes()           // roles.go, subjects.go, catalog.go
}
