package orgserver

import (
	"context"
	"fmt"
	"net/http"

	"github.com/cxascode/cxascode/internal/orgserver/apihttp"
	"github.com/cxascode/cxascode/internal/orgserver/entity"
	"github.com/cxascode/cxascode/internal/orgserver/host"
	"github.com/cxascode/cxascode/internal/orgserver/store"
	"github.com/cxascode/cxascode/internal/platform"
)

// Org clones on the admin surface: POST /admin/orgs/{org}/clone copies an org, objects and
// ids included, into a new org with clients of its own, and DELETE /admin/orgs/{org} drops
// an org. cx plans a project whose dependencies have unapplied changes against such a copy
// with those changes applied (a speculative plan), then drops it. Genesys Cloud has no such
// call, hence the admin surface.

// cloneRequest is the body of a clone: the new org's name and its clients.
type cloneRequest struct {
	Name    string       `json:"name"`
	Clients []ClientSpec `json:"clients"`
}

func (s *Server) cloneOrgRoute(w http.ResponseWriter, r *http.Request, id string) error {
	var in cloneRequest
	if err := apihttp.DecodeAdminBody(r, &in); err != nil {
		return err
	}
	creds, err := s.CloneOrg(r.Context(), id, OrgSpec(in))
	if err != nil {
		return apihttp.BadRequest("%s", err.Error())
	}
	return apihttp.OK(w, map[string]any{"credentials": creds})
}

func (s *Server) deleteOrgRoute(w http.ResponseWriter, r *http.Request, id string) error {
	if err := s.store.DeleteOrg(r.Context(), id); err != nil {
		return err
	}
	return host.NoContent(w)
}

// CloneOrg creates the org spec describes as a copy of org fromID: every object with the
// same id, so that state recorded against the source reads the copy the same way, and only
// the clients spec names (the source's clients and audit log stay behind). The copy is
// whole or not at all.
func (s *Server) CloneOrg(ctx context.Context, fromID string, spec OrgSpec) ([]Credential, error) {
	if spec.Name == "" {
		return nil, errOrgNameRequired
	}
	from, ok := s.store.Org(fromID)
	if !ok {
		return nil, fmt.Errorf("%w: %s", store.ErrNoOrg, fromID)
	}
	creds, err := s.newOrg(ctx, spec, func(tx *store.Tx, org store.OrgInfo) error {
		if err := tx.CopyObjectsFrom(fromID); err != nil {
			return err
		}
		return renameOrganization(tx, from, org)
	})
	if err != nil {
		return nil, fmt.Errorf("clone org %q as %q: %w", from.Name, spec.Name, err)
	}
	return creds, nil
}

// renameOrganization moves the copied organization object to the clone's id and name:
// /api/v2/organizations/me finds it by the caller's org id.
func renameOrganization(tx *store.Tx, from, to store.OrgInfo) error {
	o := tx.Get(host.KindOrganization, from.ID)
	if o == nil {
		return nil
	}
	var doc platform.Organization
	if err := host.DecodeObject(o, &doc); err != nil {
		return fmt.Errorf("read organization %s: %w", from.ID, err)
	}
	doc.ID, doc.Name = host.Ptr(to.ID), host.Ptr(to.Name)
	doc.SelfURI = host.Ptr("/api/v2/organizations/" + to.ID)
	tx.Delete(host.KindOrganization, from.ID)
	_, err := entity.Put(tx, host.KindOrganization, to.ID, "", to.Name, doc)
	return err
}
