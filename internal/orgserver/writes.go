package orgserver

import (
	"net/http"

	"github.com/cxascode/cxascode/internal/orgserver/apihttp"
	"github.com/cxascode/cxascode/internal/orgserver/audit"
	"github.com/cxascode/cxascode/internal/orgserver/host"
	"github.com/cxascode/cxascode/internal/orgserver/store"
)

// The write skeleton lives in host (host/writes.go), where every API group reaches it;
// these are its spellings for the handlers still in this package.

func (s *Server) commitJSON(w http.ResponseWriter, r *http.Request, fn func(tx *store.Tx, p apihttp.Principal) ([]byte, error)) error {
	return s.host.CommitJSON(w, r, fn)
}

func (s *Server) commitNoContent(w http.ResponseWriter, r *http.Request, fn func(tx *store.Tx, p apihttp.Principal) error) error {
	return s.host.CommitNoContent(w, r, fn)
}

func (s *Server) serveStored(w http.ResponseWriter, r *http.Request, kind store.Kind) error {
	return s.host.ServeStored(w, r, kind)
}

func loadStored[T any](tx *store.Tx, kind store.Kind, id string) (*store.Object, T, error) {
	return host.LoadStored[T](tx, kind, id)
}

func (s *Server) putAudited(tx *store.Tx, p apihttp.Principal, kind store.Kind, v any, ev audit.Event) ([]byte, error) {
	return host.PutAudited(tx, p, kind, v, ev)
}

func (s *Server) deleteAudited(tx *store.Tx, p apihttp.Principal, o *store.Object, service, entityType string) {
	host.DeleteAudited(tx, p, o, service, entityType)
}

func record(tx *store.Tx, r *http.Request, ev audit.Event) { host.Record(tx, r, ev) }
