package orgserver

import (
	"fmt"
	"net/http"
	"strings"

	"github.com/cxascode/cxascode/internal/console"
	"github.com/cxascode/cxascode/internal/orgserver/architect"
	"github.com/cxascode/cxascode/internal/orgserver/host"
	"github.com/cxascode/cxascode/internal/platform"
)

// mountConsole serves the browser console at /console. The console calls this server's own
// handler in process for every read and write, with the signed-in client's token, so its
// requests take the same authentication, permission checks, faults and audit log as any
// client's.
func (s *Server) mountConsole() error {
	c, err := console.New(console.Options{API: s, AdminKey: s.adminKey, FlowYAML: s.publishedFlowYAML})
	if err != nil {
		return fmt.Errorf("mount the console: %w", err)
	}
	s.mux.Handle(console.Prefix, c)
	s.mux.Handle(console.Prefix+"/", c)
	return nil
}

// publishedFlowYAML is the YAML of the published version of the live flow named name in an
// org, for the console's simulator view to show the lines a call passed.
func (s *Server) publishedFlowYAML(orgID, name string) (string, bool) {
	for _, o := range s.store.List(orgID, host.KindFlow, "") {
		if !strings.EqualFold(o.Name, name) {
			continue
		}
		var f platform.Flow
		if host.DecodeObject(o, &f) != nil || host.Deref(f.Deleted) || f.PublishedVersion == nil {
			continue
		}
		co := s.store.Get(orgID, host.KindFlowContent, o.ID+"/"+host.Deref(f.PublishedVersion.ID))
		var c architect.FlowContent
		if co == nil || host.DecodeObject(co, &c) != nil {
			continue
		}
		return c.YAML, true
	}
	return "", false
}

// consoleRedirect keeps a bare "/" useful in a browser: it leads to the console.
func consoleRedirect(w http.ResponseWriter, r *http.Request) {
	http.Redirect(w, r, console.Prefix+"/", http.StatusFound)
}
