// Package directory is the local org's directory API group: users (with their passwords,
// searches and profile skills), groups and their members, and the voicemail policies of
// users and groups, and presence definitions.
package directory

import "github.com/cxascode/cxascode/internal/orgserver/host"

// api is the directory group's handlers on the server's host.
type api struct{ *host.Host }

// Register adds the directory routes to the server behind h.
func Register(h *host.Host) {
	s := &api{h}
	s.groupRoutes()    // groups.go, voicemail_policies.go
	s.userRoutes()     // users.go, voicemail_policies.go, profileskills.go
	s.presenceRoutes() // presence_definitions.go
}
