// Package telephony is the local org's telephony API group: DID pools (E.164 ranges that
// may not overlap, whose numbers IVRs use), the DID listing derived from them, and extension
// pools (served empty, as in a new org).
package telephony

import "github.com/cxascode/cxascode/internal/orgserver/host"

// api is the telephony group's handlers on the server's host.
type api struct{ *host.Host }

// Register adds the telephony routes to the server behind h.
func Register(h *host.Host) {
	s := &api{h}
	s.didPoolRoutes()       // didpools.go, dids.go
	s.extensionPoolRoutes() // extensionpools.go
}
