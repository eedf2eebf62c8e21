// Package telephony is the local org's telephony API group: DID pools (E.164 ranges that
// may not overlap, whose numbers IVRs use), the DID listing derived from them, and extension
// pools (ranges of extensions that may not overlap), and what sites keep beside them (number
// plans, outbound routes; the sites themselves are the generic entity's).
package telephony

import "github.com/cxascode/cxascode/internal/orgserver/host"

// api is the telephony group's handlers on the server's host.
type api struct{ *host.Host }

// Register adds the telephony routes to the server behind h.
func Register(h *host.Host) {
	s := &api{h}
	s.didPoolRoutes()       // didpools.go
	s.extensionPoolRoutes() // extensionpools.go
	s.siteRoutes()          // sites.go
}
