package orgserver

import (
	"net/http"

	"github.com/cxascode/cxascode/internal/orgserver/apihttp"
	"github.com/cxascode/cxascode/internal/orgserver/audit"
	"github.com/cxascode/cxascode/internal/orgserver/entity"
	"github.com/cxascode/cxascode/internal/orgserver/host"
	"github.com/cxascode/cxascode/internal/orgserver/store"
)

// singletonRoutes serves a singleton kind (kinds.API.Singleton) at its one path: GET, its
// update method and, unless the API has none, DELETE (which puts the defaults back).
func (s *Server) singletonRoutes(h entityHandler) {
	k := h.kind
	s.route("GET "+k.API.Collection, k.PermissionFor("GET"), h.getSingleton)
	s.route(k.API.Update+" "+k.API.Collection, k.PermissionFor(k.API.Update), h.updateSingleton)
	if !k.API.NoDelete {
		s.route("DELETE "+k.API.Collection, k.PermissionFor("DELETE"), h.resetSingleton)
	}
}

func (h entityHandler) getSingleton(w http.ResponseWriter, r *http.Request) error {
	o := h.s.store.Get(apihttp.PrincipalOf(r.Context()).OrgID, h.s.entities.StoreKind(h.kind.Name), h.kind.SingletonID())
	apihttp.WriteRaw(w, http.StatusOK, entity.SingletonData(o, h.kind))
	return nil
}

func (h entityHandler) updateSingleton(w http.ResponseWriter, r *http.Request) error {
	out, err := h.write(r, func(tx *store.Tx, p apihttp.Principal, body map[string]any) ([]byte, audit.Event, error) {
		return h.s.entities.UpdateSingleton(tx, p, h.kind, r.Method, body)
	})
	return h.answerUpdate(w, r, out, err) // entity_routes.go
}

func (h entityHandler) resetSingleton(w http.ResponseWriter, r *http.Request) error {
	err := h.s.store.Update(r.Context(), apihttp.PrincipalOf(r.Context()).OrgID, func(tx *store.Tx) error {
		host.Record(tx, r, h.s.entities.ResetSingleton(tx, h.kind))
		return nil
	})
	if err != nil {
		return err
	}
	return host.NoContent(w)
}
