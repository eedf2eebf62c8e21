package orgserver

import (
	"context"
	"fmt"
	"net/http"
	"slices"
	"time"

	"github.com/cxascode/cxascode/internal/orgserver/apihttp"
	"github.com/cxascode/cxascode/internal/orgserver/authorization"
	"github.com/cxascode/cxascode/internal/orgserver/entity"
	"github.com/cxascode/cxascode/internal/orgserver/host"
	"github.com/cxascode/cxascode/internal/orgserver/store"
	"github.com/google/uuid"
)

// OAuth clients. A client has a client role (RoleAdmin, RoleReadOnly, or RoleGranted for
// one that holds only what is granted to it) and role grants, as a real org's
// client-credentials clients have their roles set on the client, each in divisions.
// Grants are subject grants whose subject is the client (authorization/subjects.go), so they can also be
// changed through /api/v2/authorization/subjects/{clientId}; permissions.go reads them.

// ClientGrant is a role a new client holds, in some divisions.
type ClientGrant struct {
	// Role is the role's name or id (it must exist: a built-in role, or one made through the API).
	Role string `json:"role"`
	// Divisions are division names or ids; "*" is every division, present and future.
	Divisions []string `json:"divisions"`
}

// newClient writes a client of org and its grants in tx and returns its credential, the
// only place its secret appears.
func newClient(tx *store.Tx, org store.OrgInfo, spec ClientSpec) (Credential, error) {
	role := spec.Role
	if role == "" && len(spec.Grants) > 0 {
		role = store.RoleGranted
	}
	if spec.Name == "" {
		return Credential{}, fmt.Errorf("a client needs a name")
	}
	if !slices.Contains([]string{store.RoleAdmin, store.RoleReadOnly, store.RoleGranted}, role) {
		return Credential{}, fmt.Errorf("client %q: role must be %q, %q or %q (or empty with grants)", spec.Name, store.RoleAdmin, store.RoleReadOnly, store.RoleGranted)
	}
	secret := randomHex(24)
	ci := store.ClientInfo{ID: uuid.NewString(), OrgID: org.ID, Name: spec.Name, Role: role, Salt: randomHex(8)}
	ci.SecretHash = hashSecret(ci.Salt, secret)
	tx.PutClient(ci)
	for _, g := range spec.Grants {
		if err := putClientGrant(tx, ci.ID, g); err != nil {
			return Credential{}, fmt.Errorf("client %q: %w", spec.Name, err)
		}
	}
	return Credential{Org: org.Name, OrgID: org.ID, Name: spec.Name, Role: role, ClientID: ci.ID, ClientSecret: secret}, nil
}

// newClients writes the clients of a new org (newClient) and returns their credentials.
func newClients(tx *store.Tx, org store.OrgInfo, specs []ClientSpec) ([]Credential, error) {
	var creds []Credential
	for _, c := range specs {
		cred, err := newClient(tx, org, c)
		if err != nil {
			return nil, err
		}
		creds = append(creds, cred)
	}
	return creds, nil
}

// putClientGrant stores the subject grants of one ClientGrant. The client is new in tx, so
// the grants are written directly rather than through applyGrants (which audits a change
// of an existing subject).
func putClientGrant(tx *store.Tx, clientID string, g ClientGrant) error {
	ro := tx.Get(host.KindRole, g.Role)
	if ro == nil {
		ro = tx.FindByName(host.KindRole, "", g.Role)
	}
	if ro == nil {
		return fmt.Errorf("no role %q", g.Role)
	}
	if len(g.Divisions) == 0 {
		return fmt.Errorf("the grant of role %q names no division (use \"*\" for all)", g.Role)
	}
	for _, d := range g.Divisions {
		divID := d
		if d != host.AllDivisions {
			do := tx.Get(entity.KindDivision, d)
			if do == nil {
				do = tx.FindByName(entity.KindDivision, "", d)
			}
			if do == nil {
				return fmt.Errorf("no division %q", d)
			}
			divID = do.ID
		}
		grant, err := authorization.ResolveGrant(tx, clientID, ro.ID, divID, "")
		if err != nil {
			return fmt.Errorf("grant role %q in division %q: %w", g.Role, d, err)
		}
		if _, err := entity.Put(tx, host.KindSubjectGrant, clientID+"/"+authorization.GrantKey(ro.ID, divID), clientID, ro.Name, grant); err != nil {
			return err
		}
	}
	return nil
}

// CreateClient adds an OAuth client to the org named (or with id) org, with the role grants
// spec asks for, and returns its credential. Names are unique within an org.
func (s *Server) CreateClient(ctx context.Context, org string, spec ClientSpec) (Credential, error) {
	id := s.orgIDByName(org)
	info, ok := s.store.Org(id)
	if !ok {
		return Credential{}, fmt.Errorf("%w: %s", store.ErrNoOrg, org)
	}
	for _, c := range s.store.Clients() {
		if c.OrgID == id && c.Name == spec.Name {
			return Credential{}, fmt.Errorf("org %q has a client named %q already", info.Name, spec.Name)
		}
	}
	var cred Credential
	err := s.store.Update(ctx, id, func(tx *store.Tx) error {
		var err error
		cred, err = newClient(tx, info, spec)
		return err
	})
	if err != nil {
		return Credential{}, fmt.Errorf("create client in org %q: %w", info.Name, err)
	}
	return cred, nil
}

// createClientRoute is POST /admin/orgs/{org}/clients: body ClientSpec, answer {credential}.
func (s *Server) createClientRoute(w http.ResponseWriter, r *http.Request, orgID string) error {
	var spec ClientSpec
	if err := apihttp.DecodeBody(r, &spec); err != nil {
		return err
	}
	cred, err := s.CreateClient(r.Context(), orgID, spec)
	if err != nil {
		return apihttp.BadRequest("%s", err.Error())
	}
	return apihttp.OK(w, map[string]any{"credential": cred})
}

// AdminClientName is the client an admin-key sign-in acts as (the console's): an admin of the
// org, made the first time, so that what such a person changes is recorded in the audit log
// under a name of its own.
const AdminClientName = "Console (admin key)"

// adminTokenRoute is POST /admin/orgs/{org}/tokens: a token of the org's AdminClientName
// client, for someone holding the server's admin key (the console's sign-in with the admin
// key). Answer: access_token, token_type, expires_in and the client's id and name, as the
// client credentials grant answers them.
func (s *Server) adminTokenRoute(w http.ResponseWriter, r *http.Request, id string) error {
	var client store.ClientInfo
	for _, c := range s.store.Clients() {
		if c.OrgID == id && c.Name == AdminClientName {
			client = c
		}
	}
	if client.ID == "" {
		cred, err := s.CreateClient(r.Context(), id, ClientSpec{Name: AdminClientName, Role: store.RoleAdmin})
		if err != nil {
			return err
		}
		var ok bool
		if client, ok = s.store.Client(cred.ClientID); !ok {
			return fmt.Errorf("the client %q just made is gone", AdminClientName)
		}
	}
	ttl := s.cfg.TokenTTL
	if ttl <= 0 {
		ttl = 24 * time.Hour
	}
	return apihttp.OK(w, map[string]any{"access_token": s.issueToken(client, ttl), "token_type": "bearer",
		"expires_in": int(ttl / time.Second), "client_id": client.ID, "client_name": client.Name})
}
