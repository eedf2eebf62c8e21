package orgserver

import "net/http"

// organizationRoutes: the caller's org and its home division.
func (s *Server) organizationRoutes() {
	s.route("GET /api/v2/organizations/me", "organization:organization:view", func(w http.ResponseWriter, r *http.Request) error {
		o, err := s.lookup(r, kindOrganization, principalOf(r.Context()).OrgID)
		if err != nil {
			return err
		}
		writeRaw(w, http.StatusOK, o.Data)
		return nil
	})
}
