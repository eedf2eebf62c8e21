// Package directory is the local org's directory API group: users (with their passwords,
// searches and profile skills), groups and their members, and the voicemail policies of
// users and groups, and presence definitions.
package directory

import (
	"github.com/cxascode/cxascode/internal/kinds"
	"github.com/cxascode/cxascode/internal/orgserver/host"
)

// api is the directory group's handlers on the server's host.
type api struct{ *host.Host }

// Register adds the directory routes to the server behind h.
func Register(h *host.Host) {
	s := &api{h}
	s.KindRoutes(kinds.Group, host.KindHandlers{List: s.listGroups, Create: s.createGroup, Update: s.putGroup,
		Delete: s.deleteGroup})
	s.groupRoutes() // groups.go, voicemail_policies.go
	s.KindRoutes(kinds.User, host.KindHandlers{List: s.listUsers, Create: s.createUser, Get: s.getUser,
		Update: s.patchUser, Delete: s.deleteUser})
	s.userRoutes()     // users.go, voicemail_policies.go
	s.presenceRoutes() // presence_definitions.go
}
