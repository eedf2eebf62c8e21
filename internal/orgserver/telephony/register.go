// Package telephony is the local org's telephony API group: DID pools (E.164 ranges that
// may not overlap, whose numbers IVRs use), the DID listing derived from them, and extension
// pools (ranges of extensions that may not overlap), and what sites keep beside them (number
// plans, outbound routes; the sites themselves are the generic entity's).
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
	s.KindRoutes(kinds.ExtensionPool, host.KindHandlers{List: s.listExtensionPools, Create: s.createExtensionPool,
		Get: s.getExtensionPool, Update: s.putExtensionPool, Delete: s.deleteExtensionPool})
	s.didPoolRoutes() // didpools.go
	s.siteRoutes()    // sites.go
}
