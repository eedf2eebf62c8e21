// Package audits is the local org's audit API group (/api/v2/audits): the realtime query
// over an org's audit log and the service mapping. The recorder that writes the log is
// orgserver/audit.
package audits

import "github.com/cxascode/cxascode/internal/orgserver/host"

// api is the audit group's handlers on the server's host.
type api struct{ *host.Host }

// Register adds the audit query routes to the server behind h.
func Register(h *host.Host) {
	s := &api{h}
	s.auditRoutes() // query.go
}
