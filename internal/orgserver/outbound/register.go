// Package outbound is the local org's outbound API group where it is irregular: the data of
// contact lists and DNC lists. (The lists themselves, their filters and the outbound
// settings are regular kinds the generic entity serves.)
package outbound

import "github.com/cxascode/cxascode/internal/orgserver/host"

// api is the outbound group's handlers on the server's host.
type api struct{ *host.Host }

// Register adds the outbound list data routes to the server behind h.
func Register(h *host.Host) {
	s := &api{h}
	s.listDataRoutes() // list_data.go
}
