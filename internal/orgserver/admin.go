package orgserver

import (
	"crypto/subtle"
	"net/http"

	"github.com/cxascode/cxascode/internal/orgserver/apihttp"
	"github.com/cxascode/cxascode/internal/orgserver/host"
)

// The admin surface lives outside /api/v2 and needs the server's admin key
// (X-Cx-Admin-Key), which only the person who started the server has.
const adminKeyHeader = "X-Cx-Admin-Key"

func (s *Server) admin(pattern string, h handlerFunc) {
	s.mux.HandleFunc(pattern, func(w http.ResponseWriter, r *http.Request) {
		if subtle.ConstantTimeCompare([]byte(r.Header.Get(adminKeyHeader)), []byte(s.adminKey)) != 1 {
			apihttp.WriteError(w, r, &apihttp.Error{Status: http.StatusUnauthorized, Code: "authentication.required", Message: "The admin surface needs the server's admin key in " + adminKeyHeader + "."})
			return
		}
		if err := h(w, r); err != nil {
			s.fail(w, r, err)
		}
	})
}

// adminOrg registers an admin route on one org: h gets the id of the org the path's {org}
// names (by name or id); a path naming none is 404.
func (s *Server) adminOrg(pattern string, h func(w http.ResponseWriter, r *http.Request, orgID string) error) {
	s.admin(pattern, func(w http.ResponseWriter, r *http.Request) error {
		id := s.orgIDByName(r.PathValue("org"))
		if id == "" {
			return apihttp.NotFound()
		}
		return h(w, r, id)
	})
}

func (s *Server) adminRoutes() {
	s.adminOrg("POST /admin/orgs/{org}/simulate", s.simulateCall)
	s.admin("GET /admin/faults", func(w http.ResponseWriter, r *http.Request) error {
		return apihttp.OK(w, s.faults.get())
	})
	s.admin("PUT /admin/faults", func(w http.ResponseWriter, r *http.Request) error {
		var f Faults
		if err := apihttp.DecodeAdminBody(r, &f); err != nil {
			return err
		}
		if err := f.validate(); err != nil {
			return err
		}
		s.faults.set(f)
		return apihttp.OK(w, s.faults.get())
	})
	s.admin("DELETE /admin/faults", func(w http.ResponseWriter, r *http.Request) error {
		s.faults.set(Faults{})
		return host.NoContent(w)
	})
	s.admin("GET /admin/orgs", func(w http.ResponseWriter, r *http.Request) error {
		type orgOut struct {
			ID      string   `json:"id"`
			Name    string   `json:"name"`
			Clients []string `json:"clients"`
		}
		var out []orgOut
		for _, o := range s.store.Orgs() {
			oo := orgOut{ID: o.ID, Name: o.Name, Clients: []string{}}
			for _, c := range s.store.Clients() {
				if c.OrgID == o.ID {
					oo.Clients = append(oo.Clients, c.Name+" ("+c.Role+")")
				}
			}
			out = append(out, oo)
		}
		return apihttp.OK(w, map[string]any{"orgs": out})
	})
	s.admin("POST /admin/orgs", func(w http.ResponseWriter, r *http.Request) error {
		var specs []OrgSpec
		if err := apihttp.DecodeAdminBody(r, &specs); err != nil {
			return err
		}
		creds, err := s.CreateOrgs(r.Context(), specs)
		if err != nil && len(creds) > 0 {
			// Orgs created before the failing spec exist; their secrets are shown only now
			// (only hashes are stored), so they go back with the error instead of being lost.
			apihttp.WriteJSON(w, http.StatusBadRequest, map[string]any{
				"message": err.Error(), "code": "bad.request", "status": http.StatusBadRequest,
				"contextId": w.Header().Get(apihttp.CorrelationHeader), "details": []string{}, "errors": []string{},
				"credentials": creds,
			})
			return nil
		}
		if err != nil {
			return apihttp.BadRequest("%s", err.Error())
		}
		return apihttp.OK(w, map[string]any{"credentials": creds})
	})
	s.adminOrg("POST /admin/orgs/{org}/clients", s.createClientRoute) // clients.go
	s.adminOrg("POST /admin/orgs/{org}/tokens", s.adminTokenRoute)    // clients.go
	s.adminOrg("POST /admin/orgs/{org}/clone", s.cloneOrgRoute)       // admin_clone.go
	s.adminOrg("DELETE /admin/orgs/{org}", s.deleteOrgRoute)
	s.adminOrg("POST /admin/orgs/{org}/reset", func(w http.ResponseWriter, r *http.Request, id string) error {
		if err := s.ResetOrg(r.Context(), id); err != nil {
			return err
		}
		return host.NoContent(w)
	})
}

// orgIDByName accepts an org's name or id.
func (s *Server) orgIDByName(nameOrID string) string {
	for _, o := range s.store.Orgs() {
		if o.Name == nameOrID || o.ID == nameOrID {
			return o.ID
		}
	}
	return ""
}
