package orgserver

import (
	"net/http"

	"github.com/cxascode/cxascode/internal/orgserver/apihttp"
	"github.com/cxascode/cxascode/internal/orgserver/host"
)

// organizationRoutes: the caller's org, read and changed.
func (s *Server) organizationRoutes() {
	s.route("GET /api/v2/organizations/me", "organization:organization:view", func(w http.ResponseWriter, r *http.Request) error {
		o, err := s.host.Lookup(r, host.KindOrganization, apihttp.PrincipalOf(r.Context()).OrgID)
		if err != nil {
			return err
		}
		return apihttp.OKRaw(w, o.Data)
	})
	s.route("PUT /api/v2/organizations/me", "directory:organization:admin", s.putOrganization) // organization_update.go
}
