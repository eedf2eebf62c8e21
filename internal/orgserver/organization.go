package orgserver

import (
	"net/http"
	"strings"

	"github.com/cxascode/cxascode/internal/kinds"
	"github.com/cxascode/cxascode/internal/orgserver/apihttp"
	"github.com/cxascode/cxascode/internal/orgserver/audit"
	"github.com/cxascode/cxascode/internal/orgserver/host"
	"github.com/cxascode/cxascode/internal/orgserver/store"
	"github.com/cxascode/cxascode/internal/platform"
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
	s.route("PUT /api/v2/organizations/me", "directory:organization:admin", s.putOrganization)
}

// putOrganization is PUT /api/v2/organizations/me: the org's settings with the current
// version (the model requires it), of which a client may change the name, default language
// and country code, support URI, voicemail and the default site (which must exist: the
// official site resource's set_as_default_site writes it). The org's id, domain, state and
// platform stay as they are.
func (s *Server) putOrganization(w http.ResponseWriter, r *http.Request) error {
	var in platform.Organization
	if err := apihttp.DecodeBody(r, &in); err != nil {
		return err
	}
	return s.host.CommitJSON(w, r, func(tx *store.Tx, p apihttp.Principal) ([]byte, error) {
		o, org, err := host.LoadVersioned(tx, host.KindOrganization, p.OrgID, in.Version,
			func(org platform.Organization) *int { return org.Version })
		if err != nil {
			return nil, err
		}
		if in.Name != nil {
			if strings.TrimSpace(*in.Name) == "" {
				return nil, apihttp.Required("name")
			}
			org.Name = in.Name
		}
		if in.DefaultSiteID != nil && *in.DefaultSiteID != "" {
			if s.entities.Live(tx, kinds.Site, *in.DefaultSiteID) == nil {
				return nil, apihttp.BadRequest("The field [defaultSiteId] refers to [%s], which does not exist.", *in.DefaultSiteID)
			}
		}
		for _, f := range []struct{ in, out **string }{{&in.DefaultLanguage, &org.DefaultLanguage},
			{&in.DefaultCountryCode, &org.DefaultCountryCode}, {&in.SupportURI, &org.SupportURI}, {&in.DefaultSiteID, &org.DefaultSiteID}} {
			if *f.in != nil {
				*f.out = *f.in
			}
		}
		if in.VoicemailEnabled != nil {
			org.VoicemailEnabled = in.VoicemailEnabled
		}
		org.Version = host.Ptr(host.Deref(org.Version) + 1)
		return host.PutAudited(tx, p, host.KindOrganization, org, audit.Event{Service: "Directory", EntityType: "AuthOrganization",
			Action: "Update", ID: o.ID, Name: host.Deref(org.Name), Old: o.Data})
	})
}
