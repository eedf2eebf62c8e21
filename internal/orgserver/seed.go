package orgserver

import (
	"context"
	"errors"
	"fmt"

	"github.com/cxascode/cxascode/internal/orgserver/authorization"
	"github.com/cxascode/cxascode/internal/orgserver/directory"
	"github.com/cxascode/cxascode/internal/orgserver/entity"
	"github.com/cxascode/cxascode/internal/orgserver/host"
	"github.com/cxascode/cxascode/internal/orgserver/scripts"
	"github.com/cxascode/cxascode/internal/orgserver/store"
	"github.com/cxascode/cxascode/internal/platform"
	"github.com/google/uuid"
)

// Credential is one OAuth client as handed to users: the only place its secret appears.
type Credential struct {
	Org          string `json:"org"`
	OrgID        string `json:"orgId"`
	Name         string `json:"name"`
	Role         string `json:"role"`
	ClientID     string `json:"client_id"`
	ClientSecret string `json:"client_secret"`
}

// OrgSpec describes an org to create: its name and clients.
type OrgSpec struct {
	Name    string       `json:"name"`
	Clients []ClientSpec `json:"clients"`
}

// ClientSpec is a client to create in an org: its client role (RoleAdmin, RoleReadOnly,
// or RoleGranted — the default when Grants are given) and the roles it holds (clients.go).
type ClientSpec struct {
	Name   string        `json:"name"`
	Role   string        `json:"role"`
	Grants []ClientGrant `json:"grants,omitempty"`
}

// DefaultOrgs is the embedded default: dev, test and prod, each with an admin client
// "deploy" and a read-only client "readonly".
func DefaultOrgs() []OrgSpec {
	var out []OrgSpec
	for _, n := range []string{"dev", "test", "prod"} {
		out = append(out, OrgSpec{Name: n, Clients: []ClientSpec{{Name: "deploy", Role: store.RoleAdmin}, {Name: "readonly", Role: store.RoleReadOnly}}})
	}
	return out
}

// CreateOrgs creates orgs with their home division, seed objects and clients, and returns
// the new clients' credentials. An org whose name exists already is an error. Each org is
// created whole or not at all; when a spec fails, the credentials of the orgs created
// before it are returned with the error, since their secrets exist nowhere else.
func (s *Server) CreateOrgs(ctx context.Context, specs []OrgSpec) ([]Credential, error) {
	var creds []Credential
	for _, spec := range specs {
		these, err := s.createOrg(ctx, spec)
		if err != nil {
			return creds, err
		}
		creds = append(creds, these...)
	}
	return creds, nil
}

// createOrg creates one org, its clients and its seed objects in one transaction.
func (s *Server) createOrg(ctx context.Context, spec OrgSpec) ([]Credential, error) {
	creds, err := s.newOrg(ctx, spec, func(tx *store.Tx, org store.OrgInfo) error {
		// Seed objects first: client grants name the built-in roles and the home division.
		if err := seedOrgObjects(tx, org); err != nil {
			return fmt.Errorf("seed: %w", err)
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("create org %q: %w", spec.Name, err)
	}
	return creds, nil
}

// newOrg creates the org spec names, under a new id, and its clients in one transaction;
// fill writes the org's objects before the clients are made. A spec without a name is
// refused before anything is written.
func (s *Server) newOrg(ctx context.Context, spec OrgSpec, fill func(tx *store.Tx, org store.OrgInfo) error) ([]Credential, error) {
	if spec.Name == "" {
		return nil, errOrgNameRequired
	}
	org := store.OrgInfo{ID: uuid.NewString(), Name: spec.Name}
	var creds []Credential
	err := s.store.Update(ctx, "", func(tx *store.Tx) error {
		// Checked inside the transaction, so two concurrent creators cannot both pass it.
		if tx.OrgNameTaken(spec.Name) {
			return errors.New("an org of that name exists already")
		}
		tx.CreateOrg(org)
		if err := fill(tx, org); err != nil {
			return err
		}
		var err error
		creds, err = newClients(tx, org, spec.Clients)
		return err
	})
	return creds, err
}

// errOrgNameRequired refuses an org spec without a name.
var errOrgNameRequired = errors.New("org name is required")

// ResetOrg deletes every object and audit record of an org and seeds it anew; clients stay.
func (s *Server) ResetOrg(ctx context.Context, orgID string) error {
	org, ok := s.store.Org(orgID)
	if !ok {
		return fmt.Errorf("%w: %s", store.ErrNoOrg, orgID)
	}
	return s.store.Update(ctx, orgID, func(tx *store.Tx) error {
		for _, kind := range tx.Kinds() {
			for _, o := range tx.List(kind, "*") {
				tx.Delete(kind, o.ID)
			}
		}
		tx.ClearAudit()
		return seedOrgObjects(tx, org)
	})
}

// seedOrgObjects writes what every new org has: the organization, its home division, the
// default roles and the system presence definitions.
func seedOrgObjects(tx *store.Tx, org store.OrgInfo) error {
	orgDoc := platform.Organization{
		ID: host.Ptr(org.ID), Name: host.Ptr(org.Name), DefaultLanguage: host.Ptr("en"), DefaultCountryCode: host.Ptr("US"),
		ThirdPartyOrgName: host.Ptr("cx-" + org.Name), Domain: host.Ptr("local"), Version: host.Ptr(1), State: host.Ptr("active"),
		VoicemailEnabled: host.Ptr(true), ProductPlatform: host.Ptr("GenesysCloud"), SelfURI: host.Ptr("/api/v2/organizations/" + org.ID),
		Features: map[string]bool{},
	}
	if _, err := entity.Put(tx, host.KindOrganization, org.ID, "", org.Name, orgDoc); err != nil {
		return err
	}
	home := uuid.NewString()
	div := platform.AuthzDivision{ID: host.Ptr(home), Name: host.Ptr("Home"), Description: host.Ptr("The home division"), HomeDivision: host.Ptr(true), SelfURI: host.Ptr(entity.DivisionSelfURI(home))}
	if _, err := entity.Put(tx, entity.KindDivision, home, "", "Home", div); err != nil {
		return err
	}
	// Per-API-group seed objects; each group owns its seed function.
	for _, seed := range []func(tx *store.Tx) error{authorization.SeedRoles, directory.SeedPresenceDefinitions, scripts.SeedDefaultScripts} {
		if err := seed(tx); err != nil {
			return err
		}
	}
	return nil
}
