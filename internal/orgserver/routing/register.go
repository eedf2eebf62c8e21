// Package routing is the local org's routing API group where it is irregular: queues with
// their members and wrap-up codes, skill groups, a user's routing skills and languages,
// and a user's utilization. (Skills, languages and wrap-up codes are regular kinds.)
package routing

import (
	"github.com/cxascode/cxascode/internal/kinds"
	"github.com/cxascode/cxascode/internal/orgserver/host"
)

// api is the routing group's handlers on the server's host.
type api struct{ *host.Host }

// Register adds the routing routes to the server behind h.
func Register(h *host.Host) {
	s := &api{h}
	s.KindRoutes(kinds.SkillGroup, host.KindHandlers{List: s.listSkillGroups, Create: s.createSkillGroup,
		Update: s.patchSkillGroup, Delete: s.deleteSkillGroup})
	s.skillGroupRoutes() // skillgroups.go
	s.KindRoutes(kinds.Queue, host.KindHandlers{List: s.listQueues, Create: s.createQueue, Update: s.putQueue,
		Delete: s.deleteQueue})
	s.queueRoutes()           // queues.go, queue_members.go
	s.userRoutingRoutes()     // user_routing.go
	s.userUtilizationRoutes() // user_utilization.go
	s.emailRouteRoutes()      // email_routes.go
}
