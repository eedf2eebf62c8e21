// Package scripts is the local org's scripter API group: the scripts agents follow during
// interactions. A script is uploaded as a file (multipart, to the upload service the
// official provider posts to) and changed by uploading it again; it is found by name, read
// and exported through /api/v2/scripts, and published for agents through
// /api/v2/scripts/published.
package scripts

import (
	"github.com/cxascode/cxascode/internal/kinds"
	"github.com/cxascode/cxascode/internal/orgserver/host"
)

// api is the scripter group's handlers on the server's host.
type api struct{ *host.Host }

// Register adds the scripter routes to the server behind h.
func Register(h *host.Host) {
	s := &api{h}
	s.KindRoutes(kinds.Script, host.KindHandlers{List: s.listScripts(false), Create: s.uploadScript, Get: s.getScript(false),
		Delete: s.deleteScript})
	s.scriptRoutes() // scripts.go
}
