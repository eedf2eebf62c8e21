package authorization

import (
	"encoding/json"
	"net/http"
	"slices"
	"sort"

	"github.com/cxascode/cxascode/internal/orgserver/apihttp"
	"github.com/cxascode/cxascode/internal/orgserver/audit"
	"github.com/cxascode/cxascode/internal/orgserver/entity"
	"github.com/cxascode/cxascode/internal/orgserver/host"
	"github.com/cxascode/cxascode/internal/orgserver/store"
	"github.com/cxascode/cxascode/internal/platform"
)

// Subject grants: a subject (user, group or OAuth client) holds a role in a division, or
// in every division ("*"). Each grant is a child object (kind authorization.grant, Parent =
// subject id, ID = subject/role/division) holding the AuthzGrant JSON. Every change to a
// subject's grants is one audit message (PeoplePermissions, entity = the subject, action
// "Update", property "grants" listing the grants before and after), and the roles whose
// holders changed get their userCount rewritten in the same transaction.
func (s *api) subjectRoutes() {
	const base = "/api/v2/authorization/subjects/{subjectId}"
	s.Route("GET "+base, "authorization:grant:view", s.getSubject)
	s.Route("POST "+base+"/bulkadd", "authorization:grant:add", s.bulkGrants("add"))
	s.Route("POST "+base+"/bulkremove", "authorization:grant:delete", s.bulkGrants("remove"))
	s.Route("POST "+base+"/bulkreplace", "authorization:grant:add", s.bulkGrants("replace"))
	s.Route("POST "+base+"/divisions/{divisionId}/roles/{roleId}", "authorization:grant:add", s.grantOne)
	s.Route("DELETE "+base+"/divisions/{divisionId}/roles/{roleId}", "authorization:grant:delete", s.revokeOne)
	s.Route("GET /api/v2/users/{subjectId}/roles", "authorization:grant:view", s.getUserRoles)
	s.Route("PUT /api/v2/users/{subjectId}/roles", "authorization:grant:add", s.putUserRoles)
}

func GrantKey(roleID, divisionID string) string { return roleID + "/" + divisionID }

// subjectKind names a subject's type (PC_USER, PC_GROUP, PC_OAUTH_CLIENT) and its audit
// entity type, or "" when the org has no such subject.
func subjectKind(users, groups *store.Object, client *store.ClientInfo, org string) (typ, entityType, name string) {
	switch {
	case users != nil && !entity.IsDeleted(users.Data):
		return "PC_USER", "User", users.Name
	case groups != nil:
		return "PC_GROUP", "Group", groups.Name
	case client != nil && client.OrgID == org:
		return "PC_OAUTH_CLIENT", "OAuthClient", client.Name
	}
	return "", "", ""
}

// subjectInfo is subjectKind for readers (outside a transaction).
func (s *api) subjectInfo(org, id string) (typ, name string) {
	var client *store.ClientInfo
	if c, ok := s.Store.Client(id); ok {
		client = &c
	}
	typ, _, name = subjectKind(s.Store.Get(org, host.KindUser, id), s.Store.Get(org, host.KindGroup, id), client, org)
	if typ == "" {
		typ = "UNKNOWN"
	}
	return typ, name
}

// txSubject is subjectKind inside a write transaction (tx.Client reads the client table
// under the lock the transaction holds).
func txSubject(tx *store.Tx, id string) (typ, entityType, name string) {
	return subjectKind(tx.Get(host.KindUser, id), tx.Get(host.KindGroup, id), tx.Client(id), tx.OrgID())
}

// ResolveGrant builds a grant, or a 400 naming the unknown role or division.
func ResolveGrant(tx *store.Tx, subjectID, roleID, divisionID, field string) (platform.AuthzGrant, error) {
	if roleID == "" {
		return platform.AuthzGrant{}, apihttp.Required(field + "roleId")
	}
	if divisionID == "" {
		return platform.AuthzGrant{}, apihttp.Required(field + "divisionId")
	}
	ro, role, err := host.FindStored[platform.DomainOrganizationRole](tx.Get, host.KindRole, roleID)
	if err != nil {
		return platform.AuthzGrant{}, err
	}
	if ro == nil {
		return platform.AuthzGrant{}, apihttp.UnknownRef(field+"roleId", roleID)
	}
	div := &platform.AuthzDivision{ID: host.Ptr(host.AllDivisions), Name: host.Ptr("All divisions")}
	if divisionID != host.AllDivisions {
		do := tx.Get(entity.KindDivision, divisionID)
		if do == nil {
			return platform.AuthzGrant{}, apihttp.UnknownRef(field+"divisionId", divisionID)
		}
		div = &platform.AuthzDivision{ID: host.Ptr(divisionID), Name: host.Ptr(do.Name), SelfURI: host.Ptr(entity.DivisionSelfURI(divisionID))}
	}
	return platform.AuthzGrant{
		SubjectID: host.Ptr(subjectID), Division: div,
		Role:        &platform.AuthzGrantRole{ID: host.Ptr(roleID), Name: role.Name, Description: role.Description, Default: role.Default, SelfURI: host.Ptr(roleSelfURI(roleID))},
		GrantMadeAt: host.Ptr(apihttp.FormatTime(tx.Now())),
	}, nil
}

// subjectGrants reads a subject's grants keyed by role/division.
func subjectGrants(tx *store.Tx, subjectID string) (map[string]platform.AuthzGrant, error) {
	out := map[string]platform.AuthzGrant{}
	for _, o := range tx.List(host.KindSubjectGrant, subjectID) {
		var g platform.AuthzGrant
		if err := host.DecodeObject(o, &g); err != nil {
			return nil, err
		}
		out[GrantKey(host.Deref(g.Role.ID), host.Deref(g.Division.ID))] = g
	}
	return out, nil
}

// ApplyGrants runs edit on a subject's grants inside tx: writes the difference, audits it
// and refreshes the userCount of every role whose grants changed.
func ApplyGrants(tx *store.Tx, r *http.Request, subjectID string, edit func(cur map[string]platform.AuthzGrant) (map[string]platform.AuthzGrant, error)) error {
	_, entityType, name := txSubject(tx, subjectID)
	if entityType == "" {
		return apihttp.NotFound()
	}
	cur, err := subjectGrants(tx, subjectID)
	if err != nil {
		return err
	}
	next, err := edit(cur)
	if err != nil {
		return err
	}
	touched := map[string]bool{}
	for k, g := range cur {
		if _, ok := next[k]; !ok {
			tx.Delete(host.KindSubjectGrant, subjectID+"/"+k)
			touched[host.Deref(g.Role.ID)] = true
		}
	}
	for k, g := range next {
		if _, ok := cur[k]; ok {
			continue // an existing grant keeps its grantMadeAt
		}
		if _, err := entity.Put(tx, host.KindSubjectGrant, subjectID+"/"+k, subjectID, host.Deref(g.Role.Name), g); err != nil {
			return err
		}
		touched[host.Deref(g.Role.ID)] = true
	}
	if len(touched) == 0 {
		return nil
	}
	for roleID := range touched {
		if err := refreshUserCount(tx, roleID); err != nil {
			return err
		}
	}
	host.Record(tx, r, audit.Event{Service: "PeoplePermissions", EntityType: entityType, Action: "Update", ID: subjectID, Name: name,
		Changes: []platform.PropertyChange{{Property: host.Ptr("grants"), OldValues: grantValues(cur), NewValues: grantValues(next)}}})
	return nil
}

// DropSubjectGrants removes every grant a subject holds, as a real org does when it deletes
// a user: a deleted user holds no grants, so it keeps no role and no division in use. The
// change is audited like any other change of the subject's grants.
func DropSubjectGrants(tx *store.Tx, p apihttp.Principal, subjectID, entityType, name string) error {
	cur, err := subjectGrants(tx, subjectID)
	if err != nil || len(cur) == 0 {
		return err
	}
	touched := map[string]bool{}
	for k, g := range cur {
		tx.Delete(host.KindSubjectGrant, subjectID+"/"+k)
		touched[host.Deref(g.Role.ID)] = true
	}
	for roleID := range touched {
		if err := refreshUserCount(tx, roleID); err != nil {
			return err
		}
	}
	audit.Record(tx, p, audit.Event{Service: "PeoplePermissions", EntityType: entityType, Action: "Update", ID: subjectID, Name: name,
		Changes: []platform.PropertyChange{{Property: host.Ptr("grants"), OldValues: grantValues(cur), NewValues: []string{}}}})
	return nil
}

// refreshUserCount keeps a role's userCount equal to the number of users holding it.
func refreshUserCount(tx *store.Tx, roleID string) error {
	o, role, err := host.FindStored[platform.DomainOrganizationRole](tx.Get, host.KindRole, roleID)
	if o == nil || err != nil {
		return err
	}
	n := 0
	for _, sid := range roleSubjects(tx, roleID) {
		if entity.Live(tx, host.KindUser, sid) != nil {
			n++
		}
	}
	if host.Deref(role.UserCount) == n {
		return nil
	}
	role.UserCount = host.Ptr(n)
	_, err = entity.Put(tx, host.KindRole, o.ID, "", o.Name, role)
	return err
}

// grantValues are the audit values of a subject's grants: one compact JSON object per grant.
func grantValues(m map[string]platform.AuthzGrant) []string {
	type value struct {
		RoleID       string `json:"roleId"`
		RoleName     string `json:"roleName"`
		DivisionID   string `json:"divisionId"`
		DivisionName string `json:"divisionName"`
	}
	vs := make([]value, 0, len(m))
	for _, g := range m {
		vs = append(vs, value{host.Deref(g.Role.ID), host.Deref(g.Role.Name), host.Deref(g.Division.ID), host.Deref(g.Division.Name)})
	}
	sort.Slice(vs, func(i, j int) bool {
		if vs[i].RoleName != vs[j].RoleName {
			return vs[i].RoleName < vs[j].RoleName
		}
		return vs[i].DivisionName < vs[j].DivisionName
	})
	out := []string{}
	for _, v := range vs {
		b, _ := json.Marshal(v)
		out = append(out, string(b))
	}
	return out
}

func copyGrants(m map[string]platform.AuthzGrant) map[string]platform.AuthzGrant {
	out := make(map[string]platform.AuthzGrant, len(m))
	for k, v := range m {
		out[k] = v
	}
	return out
}

func (s *api) getSubject(w http.ResponseWriter, r *http.Request) error {
	org := apihttp.PrincipalOf(r.Context()).OrgID
	id := r.PathValue("subjectId")
	typ, name := s.subjectInfo(org, id)
	if typ == "UNKNOWN" {
		return apihttp.NotFound()
	}
	subject := platform.AuthzSubject{ID: host.Ptr(id), Name: host.Ptr(name), Grants: []platform.AuthzGrant{}, Version: host.Ptr(1),
		SelfURI: host.Ptr("/api/v2/authorization/subjects/" + id)}
	for _, o := range s.Store.List(org, host.KindSubjectGrant, id) {
		var g platform.AuthzGrant
		if err := host.DecodeObject(o, &g); err != nil {
			return err
		}
		subject.Grants = append(subject.Grants, g)
	}
	return apihttp.OK(w, subject)
}

// bulkGrants is bulkadd, bulkremove and bulkreplace (RoleDivisionGrants → void).
func (s *api) bulkGrants(mode string) host.Handler {
	return func(w http.ResponseWriter, r *http.Request) error {
		var in platform.RoleDivisionGrants
		if err := apihttp.DecodeBody(r, &in); err != nil {
			return err
		}
		if in.Grants == nil {
			return apihttp.Required("grants")
		}
		subjectID := r.PathValue("subjectId")
		return s.CommitNoContent(w, r, func(tx *store.Tx, _ apihttp.Principal) error {
			return ApplyGrants(tx, r, subjectID, func(cur map[string]platform.AuthzGrant) (map[string]platform.AuthzGrant, error) {
				next := copyGrants(cur)
				if mode == "replace" {
					next = map[string]platform.AuthzGrant{}
				}
				for _, p := range in.Grants {
					g, err := ResolveGrant(tx, subjectID, host.Deref(p.RoleID), host.Deref(p.DivisionID), "grants.")
					if err != nil {
						return nil, err
					}
					k := GrantKey(host.Deref(p.RoleID), host.Deref(p.DivisionID))
					if mode == "remove" {
						delete(next, k)
					} else if old, ok := cur[k]; ok {
						next[k] = old
					} else {
						next[k] = g
					}
				}
				return next, nil
			})
		})
	}
}

func (s *api) grantOne(w http.ResponseWriter, r *http.Request) error {
	return s.changeOneGrant(w, r, true)
}

// revokeOne removes a grant; removing one the subject does not hold is a no-op (204).
func (s *api) revokeOne(w http.ResponseWriter, r *http.Request) error {
	return s.changeOneGrant(w, r, false)
}

func (s *api) changeOneGrant(w http.ResponseWriter, r *http.Request, add bool) error {
	subjectID, roleID, divisionID := r.PathValue("subjectId"), r.PathValue("roleId"), r.PathValue("divisionId")
	err := s.Store.Update(r.Context(), apihttp.PrincipalOf(r.Context()).OrgID, func(tx *store.Tx) error {
		return ApplyGrants(tx, r, subjectID, func(cur map[string]platform.AuthzGrant) (map[string]platform.AuthzGrant, error) {
			g, err := ResolveGrant(tx, subjectID, roleID, divisionID, "")
			if err != nil {
				return nil, err
			}
			next := copyGrants(cur)
			k := GrantKey(roleID, divisionID)
			if !add {
				delete(next, k)
			} else if _, ok := cur[k]; !ok {
				next[k] = g
			}
			return next, nil
		})
	})
	if err != nil {
		return err
	}
	return host.NoContent(w)
}

// userAuthorization is UserAuthorization for a user: the roles held in any division and
// the union of their permissions.
func userAuthorization(grants []platform.AuthzGrant, roleDoc func(id string) *store.Object) platform.UserAuthorization {
	ua := platform.UserAuthorization{Roles: []platform.DomainRole{}, UnusedRoles: []platform.DomainRole{}, Permissions: []string{}}
	seen := map[string]bool{}
	for _, g := range grants {
		id := host.Deref(g.Role.ID)
		if seen[id] {
			continue
		}
		seen[id] = true
		ua.Roles = append(ua.Roles, platform.DomainRole{ID: host.Ptr(id), Name: g.Role.Name})
		if o := roleDoc(id); o != nil {
			var role platform.DomainOrganizationRole
			if host.DecodeObject(o, &role) == nil {
				for _, p := range role.Permissions {
					if !slices.Contains(ua.Permissions, p) {
						ua.Permissions = append(ua.Permissions, p)
					}
				}
			}
		}
	}
	sort.Slice(ua.Roles, func(i, j int) bool { return host.Deref(ua.Roles[i].Name) < host.Deref(ua.Roles[j].Name) })
	sort.Strings(ua.Permissions)
	return ua
}

func (s *api) getUserRoles(w http.ResponseWriter, r *http.Request) error {
	org := apihttp.PrincipalOf(r.Context()).OrgID
	u, err := s.Lookup(r, host.KindUser, r.PathValue("subjectId"))
	if err != nil {
		return err
	}
	var grants []platform.AuthzGrant
	for _, o := range s.Store.List(org, host.KindSubjectGrant, u.ID) {
		var g platform.AuthzGrant
		if err := host.DecodeObject(o, &g); err != nil {
			return err
		}
		grants = append(grants, g)
	}
	return apihttp.OK(w, userAuthorization(grants, func(id string) *store.Object { return s.Store.Get(org, host.KindRole, id) }))
}

// putUserRoles sets the roles a user holds: roles not listed lose all their grants, listed
// roles the user does not hold yet are granted in the home division, grants of listed roles
// the user holds already stay as they are.
func (s *api) putUserRoles(w http.ResponseWriter, r *http.Request) error {
	var roleIDs []string
	if err := apihttp.DecodeBody(r, &roleIDs); err != nil {
		return err
	}
	userID := r.PathValue("subjectId")
	return host.CommitValue(s.Host, w, r, func(tx *store.Tx, _ apihttp.Principal) (platform.UserAuthorization, error) {
		var ua platform.UserAuthorization
		if entity.Live(tx, host.KindUser, userID) == nil {
			return ua, apihttp.NotFound()
		}
		home, _, err := entity.DivisionRef(tx, "", "divisionId")
		if err != nil {
			return ua, err
		}
		var next map[string]platform.AuthzGrant
		err = ApplyGrants(tx, r, userID, func(cur map[string]platform.AuthzGrant) (map[string]platform.AuthzGrant, error) {
			next = map[string]platform.AuthzGrant{}
			for k, g := range cur {
				if slices.Contains(roleIDs, host.Deref(g.Role.ID)) {
					next[k] = g
				}
			}
			for _, id := range roleIDs {
				held := false
				for _, g := range next {
					held = held || host.Deref(g.Role.ID) == id
				}
				if held {
					continue
				}
				g, err := ResolveGrant(tx, userID, id, home, "")
				if err != nil {
					return nil, err
				}
				next[GrantKey(id, home)] = g
			}
			return next, nil
		})
		if err != nil {
			return ua, err
		}
		grants := make([]platform.AuthzGrant, 0, len(next))
		for _, g := range next {
			grants = append(grants, g)
		}
		return userAuthorization(grants, func(id string) *store.Object { return tx.Get(host.KindRole, id) }), nil
	})
}
