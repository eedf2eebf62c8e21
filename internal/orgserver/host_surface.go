package orgserver

import (
	"net/http"
	"time"

	"github.com/cxascode/cxascode/internal/kinds"
	"github.com/cxascode/cxascode/internal/orgserver/apihttp"
	"github.com/cxascode/cxascode/internal/orgserver/host"
	"github.com/cxascode/cxascode/internal/orgserver/store"
)

// hostSurface is the server as host.Host stands on it: the API groups register routes and
// sign URLs through it without seeing the server.
type hostSurface struct{ s *Server }

func (h hostSurface) Route(pattern, perm string, handler host.Handler) {
	h.s.route(pattern, perm, handler)
}

func (h hostSurface) HandlePlain(pattern string, handler host.Handler) {
	h.s.mux.HandleFunc(pattern, h.s.plainHandler(handler))
}

func (h hostSurface) Hidden(created time.Time) bool { return h.s.faults.hidden(created) }

func (h hostSurface) Sign(payload string) string { return h.s.sign(payload) }

// PresignTTL is read on every use: tests shorten it after New.
func (h hostSurface) PresignTTL() time.Duration { return h.s.presignTTL }

func (h hostSurface) Authorize(p apihttp.Principal, perm string) (apihttp.Access, error) {
	return h.s.authorize(p, perm)
}

func (h hostSurface) EntityWrites(k *kinds.Kind, rules host.WriteRules) host.EntityWrites {
	e := entityHandler{s: h.s, kind: k, view: rules.View, check: rules.Check}
	return host.EntityWrites{Create: e.create, Update: e.update, Delete: e.delete, List: e.list, Get: e.get}
}

func (h hostSurface) PutClientCredential(tx *store.Tx, orgID, id, name string) string {
	secret := randomHex(24)
	ci := store.ClientInfo{ID: id, OrgID: orgID, Name: name, Role: store.RoleGranted, Salt: randomHex(8)}
	ci.SecretHash = hashSecret(ci.Salt, secret)
	tx.PutClient(ci)
	return secret
}

// plainHandler serves a signed-URL handler: no bearer token, errors as API error bodies.
func (s *Server) plainHandler(h host.Handler) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if err := h(w, r); err != nil {
			s.fail(w, r, err)
		}
	}
}
