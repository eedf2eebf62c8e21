// Package telephony is the local org's telephony API group: DID pools (E.164 ranges that
// may not overlap, whose numbers IVRs use), the DID listing derived from them, and extension
// pools (served empty, as in a new org).
package telephony

import (
	"github.com/cxascode/cxascode/internal/kinds"
	"github.com/cxascode/cxascode/internal/orgserver/host"
)

// api is the telephony group's handlers on the server's host.
type api struct{ *host.Host }

// Register adds the telephony routes to the server behind h.
func Register(h *host.Host) {
	s := &api{h}
	s.KindRoutes(kinds.DIDPool, host.KindHandlers{List: s.listDIDPools, Create: s.createDIDPool, Get: s.getDIDPool,
		Update: s.putDIDPool, Delete: s.deleteDIDPool})
	s.didPoolRoutes()       // didpools.go
	s.extensionPoolRoutes() // extensionpools.go
}
