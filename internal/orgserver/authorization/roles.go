package authorization

import (
	"encoding/json"
	"net/http"
	"slices"
	"sort"
	"strings"

	"github.com/cxascode/cxascode/internal/orgserver/apihttp"
	"github.com/cxascode/cxascode/internal/orgserver/audit"
	"github.com/cxascode/cxascode/internal/orgserver/entity"
	"github.com/cxascode/cxascode/internal/orgserver/host"
	"github.com/cxascode/cxascode/internal/orgserver/store"
	"github.com/cxascode/cxascode/internal/platform"
	"github.com/google/uuid"
)

// Roles: unique names, no version (last write wins), hard delete. Built-in roles are
// seeded with every org (default:true) and cannot be deleted, like a real org's default
// roles. A role still granted to someone cannot be deleted either (400), so no grant ever
// points at a missing role. userCount is kept current by every grant change (subjects.go).
func (s *api) roleRoutes() {
	s.Route("PATCH /api/v2/authorization/roles/{id}", "authorization:role:edit", s.patchRole)
	s.Route("GET /api/v2/authorization/roles/{id}/subjectgrants", "authorization:role:view", s.roleSubjectGrants)
	s.Route("GET /api/v2/authorization/roles/{id}/users", "authorization:role:view", s.roleUsers)
	s.subjectRoutes()              // subjects.go
	s.authorizationCatalogRoutes() // catalog.go
}

func roleSelfURI(id string) string { return "/api/v2/authorization/roles/" + id }

// builtinRole is a role every org starts with.
type builtinRole struct {
	defaultID, name, description string
	permissions                  []string
}

// builtinRoles are the default roles of a new Genesys Cloud org, by the names its admin UI
// and its exports show (configurations look them up by name: data "genesyscloud_auth_role"
// { name = "Supervisor" }). The API's name filter ignores case, so configurations written
// for older orgs ("employee", "admin") still find them. Permissions are a representative
// subset of each role's defaults, enough for the local org's own permission checks.
func builtinRoles() []builtinRole {
	return []builtinRole{
		{"admin", "Admin", "Full access to every feature of the org; given to whoever set the org up.", []string{"*:*:*"}},
		{"masterAdmin", "Master Admin", "Every permission of the org, kept current as features are added.", []string{"*:*:*"}},
		{"employee", "Employee", "Basic directory access every user gets; it cannot be removed from a user.", []string{
			"directory:user:view", "directory:group:view", "routing:skill:view", "routing:language:view",
			"routing:queue:view", "authorization:division:view"}},
		{"user", "User", "Handles interactions as an agent.", []string{
			"routing:queue:join", "routing:queue:view", "conversation:call:add", "conversation:communication:view",
			"directory:user:view", "analytics:conversationDetail:view"}},
		{"supervisor", "Supervisor", "Monitors queues and agents.", []string{
			"routing:queue:view", "routing:queueMember:manage", "directory:user:view", "directory:group:view",
			"audits:audit:view", "analytics:conversationDetail:view", "analytics:queueObservation:view"}},
		{"communicateAdmin", "Communicate - Admin", "Administers users, groups and phones.", []string{
			"directory:user:add", "directory:user:edit", "directory:user:delete", "directory:user:view",
			"directory:group:add", "directory:group:edit", "directory:group:delete", "directory:group:view",
			"telephony:plugin:all"}},
		{"communicateUser", "Communicate - User", "Places and takes calls outside the contact center.", []string{
			"conversation:call:add", "directory:user:view", "directory:group:view"}},
		{"contactCenterManager", "Contact Center Manager", "Configures routing and flows.", []string{
			"routing:*:*", "architect:*:*", "directory:user:view", "directory:group:view", "authorization:division:view"}},
		{"developer", "Developer", "Builds integrations and data actions.", []string{
			"integrations:*:*", "architect:flow:view", "oauth:client:view", "directory:user:view"}},
		{"qualityAdministrator", "Quality Administrator", "Oversees quality: evaluation forms, calibrations, recordings and policies.", []string{
			"conversation:communication:view", "quality:calibration:add", "quality:calibration:delete", "quality:calibration:edit",
			"quality:calibration:view", "quality:evaluation:add", "quality:evaluation:delete", "quality:evaluation:edit",
			"quality:evaluation:view", "quality:evaluationForm:add", "quality:evaluationForm:delete", "quality:evaluationForm:edit",
			"quality:evaluationForm:view", "quality:surveyForm:add", "quality:surveyForm:edit", "quality:surveyForm:view",
			"recording:encryptionKey:edit", "recording:encryptionKey:view", "recording:recording:view", "recording:recording:delete",
			"recording:annotation:add", "recording:annotation:edit", "recording:annotation:view", "recording:retentionPolicy:view"}},
		{"qualityEvaluator", "Quality Evaluator", "Scores agents' interactions.", []string{
			"conversation:communication:view", "quality:evaluation:editScore", "quality:evaluation:view",
			"quality:evaluationForm:view", "quality:survey:view", "quality:surveyForm:view", "recording:encryptionKey:view",
			"recording:recording:view", "recording:annotation:add", "recording:annotation:edit", "recording:annotation:view"}},
		{"outboundAdmin", "Outbound Admin", "Configures outbound campaigns and contact lists.", []string{
			"outbound:*:*", "routing:queue:view", "architect:flow:view"}},
		{"outboundAgent", "Outbound Agent", "Takes outbound campaign calls.", []string{
			"outbound:contact:view", "outbound:campaign:view"}},
		{"telephonyAdmin", "Telephony Admin", "Configures edges, sites, trunks, phones and numbers.", []string{
			"telephony:plugin:all", "telephony:phone:view", "telephony:sites:view"}},
	}
}

// SeedRoles adds the built-in roles every org has.
func SeedRoles(tx *store.Tx) error {
	for _, b := range builtinRoles() {
		id := uuid.NewString()
		role := platform.DomainOrganizationRole{
			ID: host.Ptr(id), Name: host.Ptr(b.name), Description: host.Ptr(b.description), DefaultRoleID: host.Ptr(b.defaultID),
			Permissions: b.permissions, PermissionPolicies: policiesFor(b.permissions), UserCount: host.Ptr(0),
			RoleNeedsUpdate: host.Ptr(false), Default: host.Ptr(true), Base: host.Ptr(false), SelfURI: host.Ptr(roleSelfURI(id)),
		}
		if _, err := entity.Put(tx, host.KindRole, id, "", b.name, role); err != nil {
			return err
		}
	}
	return nil
}

// policiesFor groups permission strings (domain:entity:action) into permission policies.
func policiesFor(perms []string) []platform.DomainPermissionPolicy {
	var out []platform.DomainPermissionPolicy
	index := map[string]int{}
	for _, p := range perms {
		parts := strings.Split(p, ":")
		if len(parts) != 3 {
			continue
		}
		key := parts[0] + ":" + parts[1]
		i, ok := index[key]
		if !ok {
			i = len(out)
			index[key] = i
			out = append(out, platform.DomainPermissionPolicy{Domain: host.Ptr(parts[0]), EntityName: host.Ptr(parts[1]),
				PolicyName: host.Ptr(key), AllowConditions: host.Ptr(false)})
		}
		if !slices.Contains(out[i].ActionSet, parts[2]) {
			out[i].ActionSet = append(out[i].ActionSet, parts[2])
		}
	}
	return out
}

func checkPermissions(perms []string, policies []platform.DomainPermissionPolicy) error {
	for _, p := range perms {
		// Besides domain:entity:action, orgs have general permissions named by one word
		// (e.g. "group_creation").
		parts := strings.Split(p, ":")
		if (len(parts) != 3 && len(parts) != 1) || slices.Contains(parts, "") || strings.ContainsAny(p, " \t") {
			return apihttp.BadRequest("The field [permissions] holds [%s], which is neither domain:entity:action nor a general permission name.", p)
		}
	}
	for _, p := range policies {
		switch {
		case host.Deref(p.Domain) == "":
			return apihttp.Required("permissionPolicies.domain")
		case host.Deref(p.EntityName) == "":
			return apihttp.Required("permissionPolicies.entityName")
		case len(p.ActionSet) == 0:
			return apihttp.Required("permissionPolicies.actionSet")
		}
	}
	return nil
}

func (s *api) listRoles(w http.ResponseWriter, r *http.Request) error {
	p, err := apihttp.ParsePage(r, apihttp.MaxPageSize)
	if err != nil {
		return err
	}
	name := r.URL.Query().Get("name")
	ids := host.SetOf(apihttp.MultiParam(r, "id"))
	defaults := host.SetOf(apihttp.MultiParam(r, "defaultRoleId"))
	perms := apihttp.MultiParam(r, "permission")
	var items [][]byte
	for _, o := range s.Store.List(apihttp.PrincipalOf(r.Context()).OrgID, host.KindRole, "") {
		if (len(ids) > 0 && !ids[o.ID]) || !apihttp.NameMatches(name, o.Name, false) {
			continue
		}
		var role platform.DomainOrganizationRole
		if err := host.DecodeObject(o, &role); err != nil {
			return err
		}
		if len(defaults) > 0 && !defaults[host.Deref(role.DefaultRoleID)] {
			continue
		}
		if len(perms) > 0 && !slices.ContainsFunc(perms, func(p string) bool { return slices.Contains(role.Permissions, p) }) {
			continue
		}
		items = append(items, o.Data)
	}
	return apihttp.WritePage(w, r, p, items)
}

func (s *api) createRole(w http.ResponseWriter, r *http.Request) error {
	var in platform.DomainOrganizationRoleCreate
	name, err := host.DecodeNamed(r, &in, func() *string { return in.Name })
	if err != nil {
		return err
	}
	if err := checkPermissions(in.Permissions, in.PermissionPolicies); err != nil {
		return err
	}
	return s.CommitJSON(w, r, func(tx *store.Tx, p apihttp.Principal) ([]byte, error) {
		if err := host.CheckUniqueName(tx, host.KindRole, "role", name, ""); err != nil {
			return nil, err
		}
		id := uuid.NewString()
		role := platform.DomainOrganizationRole{
			ID: host.Ptr(id), Name: host.Ptr(name), Description: in.Description, Permissions: in.Permissions,
			PermissionPolicies: in.PermissionPolicies, UserCount: host.Ptr(0), RoleNeedsUpdate: host.Ptr(false),
			Default: host.Ptr(false), Base: host.Ptr(false), SelfURI: host.Ptr(roleSelfURI(id)),
		}
		return host.PutAudited(tx, p, host.KindRole, role, audit.Event{Service: "PeoplePermissions", EntityType: "Role", Action: "Create", ID: id, Name: name})
	})
}

// putRole replaces name, description, permissions and policies (DomainOrganizationRoleUpdate).
func (s *api) putRole(w http.ResponseWriter, r *http.Request) error {
	var in platform.DomainOrganizationRoleUpdate
	if err := apihttp.DecodeBody(r, &in); err != nil {
		return err
	}
	if strings.TrimSpace(host.Deref(in.Name)) == "" {
		return apihttp.Required("name")
	}
	return s.updateRole(w, r, in, false)
}

// patchRole changes only the fields present.
func (s *api) patchRole(w http.ResponseWriter, r *http.Request) error {
	var in platform.DomainOrganizationRole
	if err := host.DecodeRenamed(r, &in, func() *string { return in.Name }); err != nil {
		return err
	}
	return s.updateRole(w, r, platform.DomainOrganizationRoleUpdate{Name: in.Name, Description: in.Description,
		Permissions: in.Permissions, PermissionPolicies: in.PermissionPolicies}, true)
}

func (s *api) updateRole(w http.ResponseWriter, r *http.Request, in platform.DomainOrganizationRoleUpdate, partial bool) error {
	if err := checkPermissions(in.Permissions, in.PermissionPolicies); err != nil {
		return err
	}
	return host.CommitStored(s.Host, w, r, host.KindRole, func(tx *store.Tx, p apihttp.Principal, o *store.Object, role platform.DomainOrganizationRole) ([]byte, error) {
		if err := host.Rename(tx, host.KindRole, "role", o.ID, &role.Name, in.Name); err != nil {
			return nil, err
		}
		if partial {
			host.SetPtr(&role.Description, in.Description)
			host.SetIf(&role.Permissions, in.Permissions)
			host.SetIf(&role.PermissionPolicies, in.PermissionPolicies)
		} else {
			role.Description, role.Permissions, role.PermissionPolicies = in.Description, in.Permissions, in.PermissionPolicies
		}
		return host.PutAuditedIfChanged(tx, p, host.KindRole, role, audit.Event{Service: "PeoplePermissions", EntityType: "Role", Action: "Update", ID: o.ID, Name: host.Deref(role.Name), Old: o.Data})
	})
}

func (s *api) deleteRole(w http.ResponseWriter, r *http.Request) error {
	return s.DeleteStored(w, r, host.KindRole, "PeoplePermissions", "Role", func(tx *store.Tx, o *store.Object) error {
		var role platform.DomainOrganizationRole
		if err := host.DecodeObject(o, &role); err != nil {
			return err
		}
		if host.Deref(role.Default) {
			return apihttp.BadRequest("The role [%s] is a default role and cannot be deleted.", o.Name)
		}
		// Grants held by deleted users do not keep the role alive; they go with it.
		live := 0
		for _, sid := range roleSubjects(tx, o.ID) {
			if u := tx.Get(host.KindUser, sid); u != nil && entity.IsDeleted(u.Data) {
				for _, g := range tx.List(host.KindSubjectGrant, sid) {
					if strings.HasPrefix(g.ID, sid+"/"+o.ID+"/") {
						tx.Delete(host.KindSubjectGrant, g.ID)
					}
				}
				continue
			}
			live++
		}
		if live > 0 {
			return apihttp.BadRequest("The role [%s] is still granted to %d subject(s); remove the grants first.", o.Name, live)
		}
		return nil
	})
}

// roleGrants returns a role's grants grouped by subject id, subjects in id order.
func roleGrants(list []*store.Object, roleID string) (ids []string, bySubject map[string][]platform.AuthzGrant) {
	bySubject = map[string][]platform.AuthzGrant{}
	for _, o := range list {
		var g platform.AuthzGrant
		if json.Unmarshal(o.Data, &g) != nil || g.Role == nil || host.Deref(g.Role.ID) != roleID {
			continue
		}
		sid := host.Deref(g.SubjectID)
		if _, ok := bySubject[sid]; !ok {
			ids = append(ids, sid)
		}
		bySubject[sid] = append(bySubject[sid], g)
	}
	sort.Strings(ids)
	return ids, bySubject
}

func roleSubjects(tx *store.Tx, roleID string) []string {
	ids, _ := roleGrants(tx.List(host.KindSubjectGrant, "*"), roleID)
	return ids
}

// roleHolderPage is the page of a listing of the role {id}'s holders (see roleGrants), each
// subject as item renders it from the caller's org and its grants of the role (nil leaves
// the subject out).
func (s *api) roleHolderPage(r *http.Request, item func(org, subjectID string, grants []platform.AuthzGrant) []byte) (apihttp.Listing, error) {
	p, role, err := s.PageUnder(r, host.KindRole)
	if err != nil {
		return apihttp.Listing{}, err
	}
	org := apihttp.PrincipalOf(r.Context()).OrgID
	ids, bySubject := roleGrants(s.Store.List(org, host.KindSubjectGrant, "*"), role.ID)
	var items [][]byte
	for _, sid := range ids {
		if b := item(org, sid, bySubject[sid]); b != nil {
			items = append(items, b)
		}
	}
	return apihttp.NewListing(r, p, items), nil
}

// roleSubjectGrants lists who holds the role and in which divisions (SubjectDivisionGrantsEntityListing).
func (s *api) roleSubjectGrants(w http.ResponseWriter, r *http.Request) error {
	l, err := s.roleHolderPage(r, func(org, sid string, grants []platform.AuthzGrant) []byte {
		typ, name := s.subjectInfo(org, sid)
		sg := platform.SubjectDivisionGrants{ID: host.Ptr(sid), Name: host.Ptr(name), Type: host.Ptr(typ)}
		for _, g := range grants {
			sg.Divisions = append(sg.Divisions, platform.Division{ID: g.Division.ID, Name: g.Division.Name, SelfURI: g.Division.SelfURI})
		}
		b, _ := json.Marshal(sg)
		return b
	})
	if err != nil {
		return err
	}
	return apihttp.OK(w, l)
}

// roleUsers is the count-only UserReferenceEntityListing of users holding the role.
func (s *api) roleUsers(w http.ResponseWriter, r *http.Request) error {
	l, err := s.roleHolderPage(r, func(org, sid string, _ []platform.AuthzGrant) []byte {
		u := s.Store.Get(org, host.KindUser, sid)
		if u == nil {
			return nil
		}
		b, _ := json.Marshal(platform.UserReferenceWithName{ID: host.Ptr(sid), Name: host.Ptr(u.Name), SelfURI: host.Ptr(host.UserSelfURI(sid))})
		return b
	})
	if err != nil {
		return err
	}
	return apihttp.OK(w, map[string]any{"entities": l.Entities, "pageSize": l.PageSize, "pageNumber": l.PageNumber,
		"total": l.Total, "pageCount": l.PageCount})
}
