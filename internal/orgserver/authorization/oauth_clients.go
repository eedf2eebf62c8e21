package authorization

import (
	"encoding/json"
	"fmt"
	"net/http"

	"github.com/cxascode/cxascode/internal/kinds"
	"github.com/cxascode/cxascode/internal/orgserver/apihttp"
	"github.com/cxascode/cxascode/internal/orgserver/audit"
	"github.com/cxascode/cxascode/internal/orgserver/entity"
	"github.com/cxascode/cxascode/internal/orgserver/host"
	"github.com/cxascode/cxascode/internal/orgserver/store"
	"github.com/cxascode/cxascode/internal/platform"
)

// OAuth clients made through /api/v2/oauth/clients are real clients of the org: the OAuthClient
// object is a generic entity, and beside it the org keeps a client credential (the server's
// client store, reached through host.PutClientCredential) under the same id, whose secret the
// create answers once, and the client's roleDivisions as its subject grants (subjects.go),
// which decide its permissions as on a real org. An inactive client, or one whose grant type
// is not CLIENT-CREDENTIALS, gets no token; a deleted client's secret is revoked and its
// grants removed.

// KindOAuthClient holds the OAuthClient JSON of clients made through the API.
const KindOAuthClient store.Kind = "oauth.client"

// revokedSecret is the secret hash of a deleted client: no secret hashes to it.
const revokedSecret = "revoked"

func (s *api) oauthClientRoutes() {
	s.EntityKindRoutes(kinds.OAuthClient, host.KindHandlers{Create: s.createOAuthClient, Update: s.updateOAuthClient,
		Delete: s.deleteOAuthClient}, host.WriteRules{})
}

// oauthClientWrite is what a create or an update does with the client in its transaction,
// after the generic entity has stored out: the credential and the grants.
type oauthClientWrite func(tx *store.Tx, p apihttp.Principal, id string, out map[string]any) error

// writeOAuthClient runs a create or update of a client in one transaction: the roles'
// default division and the requested state, the generic entity's write (apply), the
// client's own part (then), the audit record; it answers the client as stored.
func (s *api) writeOAuthClient(w http.ResponseWriter, r *http.Request,
	apply func(tx *store.Tx, p apihttp.Principal, body map[string]any) ([]byte, audit.Event, error), then oauthClientWrite) error {
	body, err := host.DecodeEntityBody(r)
	if err != nil {
		return err
	}
	return host.CommitValue(s.Host, w, r, func(tx *store.Tx, p apihttp.Principal) (map[string]any, error) {
		state, err := defaultRoleDivisions(tx, body)
		if err != nil {
			return nil, err
		}
		stored, ev, err := apply(tx, p, body)
		if err != nil {
			return nil, err
		}
		out, err := withState(tx, stored, state)
		if err != nil {
			return nil, err
		}
		id, _ := out["id"].(string)
		// The record holds the client as stored: the secret a create answers is added after.
		ev.New, _ = json.Marshal(out)
		if err := then(tx, p, id, out); err != nil {
			return nil, err
		}
		audit.Record(tx, p, ev)
		return out, nil
	})
}

func (s *api) createOAuthClient(w http.ResponseWriter, r *http.Request) error {
	k := kinds.Genesys().Named(kinds.OAuthClient)
	return s.writeOAuthClient(w, r, func(tx *store.Tx, p apihttp.Principal, body map[string]any) ([]byte, audit.Event, error) {
		return s.Entities.Create(tx, p, k, body)
	}, func(tx *store.Tx, p apihttp.Principal, id string, out map[string]any) error {
		name, _ := out["name"].(string)
		secret := s.PutClientCredential(tx, p.OrgID, id, name)
		// The client is new in tx, so its grants are written directly (ApplyGrants finds
		// subjects among committed clients only).
		for _, rd := range roleDivisionsOf(out) {
			grant, err := ResolveGrant(tx, id, rd.roleID, rd.divisionID, "roleDivisions.")
			if err != nil {
				return err
			}
			if _, err := entity.Put(tx, host.KindSubjectGrant, id+"/"+GrantKey(rd.roleID, rd.divisionID), id, host.Deref(grant.Role.Name), grant); err != nil {
				return err
			}
		}
		// Answered once, never stored: the org keeps only its hash.
		out["secret"] = secret
		return nil
	})
}

func (s *api) updateOAuthClient(w http.ResponseWriter, r *http.Request) error {
	k := kinds.Genesys().Named(kinds.OAuthClient)
	return s.writeOAuthClient(w, r, func(tx *store.Tx, p apihttp.Principal, body map[string]any) ([]byte, audit.Event, error) {
		return s.Entities.Update(tx, p, k, r.PathValue("id"), http.MethodPut, body)
	}, func(tx *store.Tx, _ apihttp.Principal, id string, out map[string]any) error {
		if ci := tx.Client(id); ci != nil {
			renamed := *ci
			renamed.Name, _ = out["name"].(string)
			tx.PutClient(renamed)
		}
		return ApplyGrants(tx, r, id, func(map[string]platform.AuthzGrant) (map[string]platform.AuthzGrant, error) {
			next := map[string]platform.AuthzGrant{}
			for _, rd := range roleDivisionsOf(out) {
				g, err := ResolveGrant(tx, id, rd.roleID, rd.divisionID, "roleDivisions.")
				if err != nil {
					return nil, err
				}
				next[GrantKey(rd.roleID, rd.divisionID)] = g
			}
			return next, nil
		})
	})
}

func (s *api) deleteOAuthClient(w http.ResponseWriter, r *http.Request) error {
	return s.DeleteEntity(w, r, kinds.Genesys().Named(kinds.OAuthClient), func(tx *store.Tx, id string) {
		if ci := tx.Client(id); ci != nil {
			revoked := *ci
			revoked.SecretHash = revokedSecret
			tx.PutClient(revoked)
		}
		for _, g := range tx.List(host.KindSubjectGrant, id) {
			tx.Delete(g.Kind, g.ID)
		}
	})
}

// OAuthClientMayIssue reports whether a client may get a token: every client but one made
// through the API that is inactive or not a client-credentials client.
func OAuthClientMayIssue(st *store.Store, c store.ClientInfo) bool {
	o := st.Get(c.OrgID, KindOAuthClient, c.ID)
	if o == nil {
		return true
	}
	var doc struct {
		State               string `json:"state"`
		AuthorizedGrantType string `json:"authorizedGrantType"`
	}
	return json.Unmarshal(o.Data, &doc) == nil && doc.State == "active" && doc.AuthorizedGrantType == "CLIENT-CREDENTIALS"
}

// roleDivision is one entry of an OAuthClient's roleDivisions.
type roleDivision struct{ roleID, divisionID string }

func roleDivisionsOf(doc map[string]any) []roleDivision {
	var out []roleDivision
	list, _ := doc["roleDivisions"].([]any)
	for _, el := range list {
		m, _ := el.(map[string]any)
		roleID, _ := m["roleId"].(string)
		divisionID, _ := m["divisionId"].(string)
		out = append(out, roleDivision{roleID, divisionID})
	}
	return out
}

// defaultRoleDivisions puts a role sent without a division in the home division, and reads
// the state the request asks for ("active" when it asks none); the generic entity owns the
// state field, so it is set afterwards by withState.
func defaultRoleDivisions(tx *store.Tx, body map[string]any) (string, error) {
	if list, ok := body["roleDivisions"].([]any); ok {
		for _, el := range list {
			m, ok := el.(map[string]any)
			if !ok || m["divisionId"] != nil {
				continue
			}
			home, _, err := entity.DivisionRef(tx, "", "roleDivisions.divisionId")
			if err != nil {
				return "", err
			}
			m["divisionId"] = home
		}
	}
	switch st := body["state"].(type) {
	case nil:
		return "active", nil
	case string:
		if st == "active" || st == "inactive" {
			return st, nil
		}
		return "", apihttp.InvalidValue("state", st, []string{"active", "inactive"})
	default:
		return "", apihttp.BadRequest("The field [state] must be a string, not [%v].", fmt.Sprint(st))
	}
}

// withState sets the client's state in its stored JSON and returns the JSON decoded.
func withState(tx *store.Tx, stored []byte, state string) (map[string]any, error) {
	var doc map[string]any
	if err := json.Unmarshal(stored, &doc); err != nil {
		return nil, err
	}
	doc["state"] = state
	id, _ := doc["id"].(string)
	name, _ := doc["name"].(string)
	if _, err := entity.Put(tx, KindOAuthClient, id, "", name, doc); err != nil {
		return nil, err
	}
	return doc, nil
}
