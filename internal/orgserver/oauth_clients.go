package orgserver

import (
	"encoding/json"
	"fmt"
	"net/http"

	"github.com/cxascode/cxascode/internal/kinds"
	"github.com/cxascode/cxascode/internal/orgserver/apihttp"
	"github.com/cxascode/cxascode/internal/orgserver/authorization"
	"github.com/cxascode/cxascode/internal/orgserver/entity"
	"github.com/cxascode/cxascode/internal/orgserver/host"
	"github.com/cxascode/cxascode/internal/orgserver/store"
	"github.com/cxascode/cxascode/internal/platform"
)

// OAuth clients made through /api/v2/oauth/clients are real clients of the org: the OAuthClient
// object is a generic entity, and beside it the org keeps a client credential (clients.go)
// under the same id, whose secret the create answers once, and the client's roleDivisions as
// its subject grants (subjects.go), which decide its permissions as on a real org. An
// inactive client, or one whose grant type is not CLIENT-CREDENTIALS, gets no token; a
// deleted client's secret is revoked and its grants removed.

// kindOAuthClient holds the OAuthClient JSON of clients made through the API.
const kindOAuthClient store.Kind = "oauth.client"

// revokedSecret is the secret hash of a deleted client: no secret hashes to it.
const revokedSecret = "revoked"

func (s *Server) oauthClientRoutes() {
	k := kinds.Genesys().Named(kinds.OAuthClient)
	h := entityHandler{s: s, kind: k}
	s.route("GET "+k.API.Collection, k.PermissionFor("GET"), h.list)
	s.route("GET "+k.API.Collection+"/{id}", k.PermissionFor("GET"), h.get)
	s.route("POST "+k.API.Collection, k.PermissionFor("POST"), s.createOAuthClient)
	s.route("PUT "+k.API.Collection+"/{id}", k.PermissionFor("PUT"), s.updateOAuthClient)
	s.route("DELETE "+k.API.Collection+"/{id}", k.PermissionFor("DELETE"), s.deleteOAuthClient)
}

func (s *Server) createOAuthClient(w http.ResponseWriter, r *http.Request) error {
	k := kinds.Genesys().Named(kinds.OAuthClient)
	body, err := host.DecodeEntityBody(r)
	if err != nil {
		return err
	}
	p := apihttp.PrincipalOf(r.Context())
	var out map[string]any
	err = s.store.Update(r.Context(), p.OrgID, func(tx *store.Tx) error {
		state, err := defaultRoleDivisions(tx, body)
		if err != nil {
			return err
		}
		stored, ev, err := s.entities.Create(tx, p, k, body)
		if err != nil {
			return err
		}
		if out, err = withState(tx, stored, state); err != nil {
			return err
		}
		id, _ := out["id"].(string)
		name, _ := out["name"].(string)
		secret := randomHex(24)
		ci := store.ClientInfo{ID: id, OrgID: p.OrgID, Name: name, Role: store.RoleGranted, Salt: randomHex(8)}
		ci.SecretHash = hashSecret(ci.Salt, secret)
		tx.PutClient(ci)
		// The client is new in tx, so its grants are written directly (applyGrants finds
		// subjects among committed clients only).
		for _, rd := range roleDivisionsOf(out) {
			grant, err := authorization.ResolveGrant(tx, id, rd.roleID, rd.divisionID, "roleDivisions.")
			if err != nil {
				return err
			}
			if _, err := entity.Put(tx, host.KindSubjectGrant, id+"/"+authorization.GrantKey(rd.roleID, rd.divisionID), id, host.Deref(grant.Role.Name), grant); err != nil {
				return err
			}
		}
		ev.New, _ = json.Marshal(out)
		host.Record(tx, r, ev)
		// Answered once, never stored: the org keeps only its hash.
		out["secret"] = secret
		return nil
	})
	if err != nil {
		return err
	}
	apihttp.WriteJSON(w, http.StatusOK, out)
	return nil
}

func (s *Server) updateOAuthClient(w http.ResponseWriter, r *http.Request) error {
	k := kinds.Genesys().Named(kinds.OAuthClient)
	body, err := host.DecodeEntityBody(r)
	if err != nil {
		return err
	}
	p := apihttp.PrincipalOf(r.Context())
	id := r.PathValue("id")
	var out map[string]any
	err = s.store.Update(r.Context(), p.OrgID, func(tx *store.Tx) error {
		state, err := defaultRoleDivisions(tx, body)
		if err != nil {
			return err
		}
		stored, ev, err := s.entities.Update(tx, p, k, id, http.MethodPut, body)
		if err != nil {
			return err
		}
		if out, err = withState(tx, stored, state); err != nil {
			return err
		}
		if ci := tx.Client(id); ci != nil {
			renamed := *ci
			renamed.Name, _ = out["name"].(string)
			tx.PutClient(renamed)
		}
		err = authorization.ApplyGrants(tx, r, id, func(map[string]platform.AuthzGrant) (map[string]platform.AuthzGrant, error) {
			next := map[string]platform.AuthzGrant{}
			for _, rd := range roleDivisionsOf(out) {
				g, err := authorization.ResolveGrant(tx, id, rd.roleID, rd.divisionID, "roleDivisions.")
				if err != nil {
					return nil, err
				}
				next[authorization.GrantKey(rd.roleID, rd.divisionID)] = g
			}
			return next, nil
		})
		if err != nil {
			return err
		}
		ev.New, _ = json.Marshal(out)
		host.Record(tx, r, ev)
		return nil
	})
	if err != nil {
		return err
	}
	apihttp.WriteJSON(w, http.StatusOK, out)
	return nil
}

func (s *Server) deleteOAuthClient(w http.ResponseWriter, r *http.Request) error {
	k := kinds.Genesys().Named(kinds.OAuthClient)
	id := r.PathValue("id")
	err := s.store.Update(r.Context(), apihttp.PrincipalOf(r.Context()).OrgID, func(tx *store.Tx) error {
		ev, err := s.entities.Delete(tx, k, id)
		if err != nil {
			return err
		}
		if ci := tx.Client(id); ci != nil {
			revoked := *ci
			revoked.SecretHash = revokedSecret
			tx.PutClient(revoked)
		}
		for _, g := range tx.List(host.KindSubjectGrant, id) {
			tx.Delete(g.Kind, g.ID)
		}
		host.Record(tx, r, ev)
		return nil
	})
	if err != nil {
		return err
	}
	return host.NoContent(w)
}

// oauthClientMayIssue reports whether a client may get a token: every client but one made
// through the API that is inactive or not a client-credentials client.
func (s *Server) oauthClientMayIssue(c store.ClientInfo) bool {
	o := s.store.Get(c.OrgID, kindOAuthClient, c.ID)
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
	if _, err := entity.Put(tx, kindOAuthClient, id, "", name, doc); err != nil {
		return nil, err
	}
	return doc, nil
}
