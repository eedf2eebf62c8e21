package orgserver

import (
	"fmt"
	"slices"
	"strings"

	"github.com/cxascode/cxascode/internal/orgserver/apihttp"
	"github.com/cxascode/cxascode/internal/orgserver/host"
	"github.com/cxascode/cxascode/internal/orgserver/store"
	"github.com/cxascode/cxascode/internal/platform"
)

// Permissions, as a real org enforces them: every API route needs one permission
// (domain:entity:action, from the endpoint's documentation); a caller holds permissions
// through the roles granted to it, each grant in one division or in all of them ("*").
// A route answers only callers holding its permission in at least one division
// (else 403 missing.permissions naming it), and then only shows and changes objects of
// the divisions the caller holds it in:
//
//   - reads: host.Host.Lookup answers 404 for an object of another division, as for one that does
//     not exist; lists leave such objects out (host.VisibleObjects), so totals count only what
//     the caller sees;
//   - writes: every object a transaction creates, changes or deletes must lie in such a
//     division before and after (host.DivisionChangeCheck, run by the store on commit), so no
//     handler can forget it.
//
// An OAuth client's roles are its subject grants (authorization/subjects.go, subject = the client id),
// besides what its client role gives: RoleAdmin holds *:*:* and RoleReadOnly *:*:view, both
// in every division, as the admin role and a view-only role granted over all divisions.

// heldPermission is one permission a caller holds: a pattern (each of domain, entity and
// action may be "*", as real roles use it, e.g. the admin role's *:*:*) in one division
// ("*" = every division).
type heldPermission struct {
	pattern  [3]string
	division string
}

// splitPermission splits domain:entity:action; ok is false for anything else.
func splitPermission(perm string) (parts [3]string, ok bool) {
	ps := strings.Split(perm, ":")
	if len(ps) != 3 || slices.Contains(ps, "") {
		return parts, false
	}
	return [3]string{ps[0], ps[1], ps[2]}, true
}

// covers reports whether the held pattern grants perm.
func (h heldPermission) covers(perm [3]string) bool {
	for i := range perm {
		if h.pattern[i] != "*" && h.pattern[i] != perm[i] {
			return false
		}
	}
	return true
}

// clientRolePermissions are what a client's own role gives it, before any grant.
func clientRolePermissions(role string) []heldPermission {
	switch role {
	case store.RoleAdmin:
		return []heldPermission{{pattern: [3]string{"*", "*", "*"}, division: host.AllDivisions}}
	case store.RoleReadOnly:
		return []heldPermission{{pattern: [3]string{"*", "*", "view"}, division: host.AllDivisions}}
	}
	return nil
}

// rolePatterns are the permissions a role holds: its permission strings and the actions of
// its permission policies (one-word general permissions name no API route and are skipped).
func rolePatterns(role platform.DomainOrganizationRole) [][3]string {
	var out [][3]string
	for _, p := range role.Permissions {
		if parts, ok := splitPermission(p); ok {
			out = append(out, parts)
		}
	}
	for _, pol := range role.PermissionPolicies {
		for _, action := range pol.ActionSet {
			if parts, ok := splitPermission(host.Deref(pol.Domain) + ":" + host.Deref(pol.EntityName) + ":" + action); ok {
				out = append(out, parts)
			}
		}
	}
	return out
}

// permissionsOf is everything the caller holds: its client role's permissions and those of
// the roles granted to it, each in the grant's division.
func (s *Server) permissionsOf(p apihttp.Principal) ([]heldPermission, error) {
	held := clientRolePermissions(p.Role)
	if p.Role == store.RoleAdmin {
		return held, nil // no grant adds to *:*:* in every division
	}
	for _, o := range s.store.List(p.OrgID, host.KindSubjectGrant, p.ClientID) {
		var g platform.AuthzGrant
		if err := host.DecodeObject(o, &g); err != nil {
			return nil, fmt.Errorf("read grant %s of client %s: %w", o.ID, p.ClientID, err)
		}
		if g.Role == nil || g.Division == nil {
			continue
		}
		ro := s.store.Get(p.OrgID, host.KindRole, host.Deref(g.Role.ID))
		if ro == nil {
			continue // a role is never deleted while granted; nothing to hold if it were
		}
		var role platform.DomainOrganizationRole
		if err := host.DecodeObject(ro, &role); err != nil {
			return nil, fmt.Errorf("read role %s: %w", ro.ID, err)
		}
		for _, pattern := range rolePatterns(role) {
			held = append(held, heldPermission{pattern: pattern, division: host.Deref(g.Division.ID)})
		}
	}
	return held, nil
}

// accessTo is the caller's hold on perm: unrestricted when some grant covers it in every
// division, else restricted to the divisions of the grants that cover it; ok is false when
// none does.
func accessTo(held []heldPermission, perm string) (a apihttp.Access, ok bool) {
	want, valid := splitPermission(perm)
	if !valid {
		return a, false
	}
	a = apihttp.Access{Permission: perm, Divisions: map[string]bool{}}
	for _, h := range held {
		if !h.covers(want) {
			continue
		}
		if h.division == host.AllDivisions {
			return apihttp.Access{Permission: perm}, true
		}
		a.Restricted = true
		a.Divisions[h.division] = true
	}
	return a, a.Restricted
}

// authorize is the route wrapper's permission check: the caller's Access for perm, or the
// 403 naming perm when it holds perm in no division.
func (s *Server) authorize(p apihttp.Principal, perm string) (apihttp.Access, error) {
	if perm == host.AnyCaller {
		return apihttp.Access{}, nil
	}
	held, err := s.permissionsOf(p)
	if err != nil {
		return apihttp.Access{}, err
	}
	a, ok := accessTo(held, perm)
	if !ok {
		return apihttp.Access{}, apihttp.MissingPermission(perm)
	}
	return a, nil
}
