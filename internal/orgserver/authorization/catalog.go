package authorization

import (
	"encoding/json"
	"net/http"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/cxascode/cxascode/internal/kinds"
	"github.com/cxascode/cxascode/internal/orgserver/apihttp"
	"github.com/cxascode/cxascode/internal/orgserver/audit"
	"github.com/cxascode/cxascode/internal/orgserver/host"
	"github.com/cxascode/cxascode/internal/orgserver/store"
	"github.com/cxascode/cxascode/internal/platform"
)

// What the org offers to authorize with: the products it is licensed for, the permissions
// roles can hold, and the restore of default roles to their defaults. The official provider
// reads the products while it configures itself and the permissions when it checks a role's
// policies; neither may be missing.
func (s *api) authorizationCatalogRoutes() {
	s.Route("GET /api/v2/authorization/products", "authorization:product:view", s.listProducts)
	s.Route("GET /api/v2/authorization/permissions", "authorization:role:view", s.listPermissions)
	s.Route("PUT /api/v2/authorization/roles/default", "authorization:role:edit", s.restoreDefaultRoles(false))
	s.Route("POST /api/v2/authorization/roles/default", "authorization:role:edit", s.restoreDefaultRoles(true))
}

// listProducts is OrganizationProductEntityListing. A local org is licensed for no extra
// product, so the listing is empty, but complete: callers read its total.
func (s *api) listProducts(w http.ResponseWriter, r *http.Request) error {
	return apihttp.OK(w, map[string]any{"entities": []any{}, "pageSize": 0, "pageNumber": 1, "total": 0, "pageCount": 0})
}

// domainPermission is the API model DomainPermission.
type domainPermission struct {
	Domain           string `json:"domain"`
	EntityType       string `json:"entityType"`
	Action           string `json:"action"`
	Label            string `json:"label"`
	AllowsConditions bool   `json:"allowsConditions"`
	DivisionAware    bool   `json:"divisionAware"`
}

// permissionCollection is the API model DomainPermissionCollection: one domain's permissions
// by entity type.
type permissionCollection struct {
	ID            string                        `json:"id"`
	Name          string                        `json:"name"`
	Domain        string                        `json:"domain"`
	PermissionMap map[string][]domainPermission `json:"permissionMap"`
	SelfURI       string                        `json:"selfUri"`
}

// knownPermissions are the permissions of this org: view/add/edit/delete of every kind of
// the catalogue (division-aware when the kind has a division), and every concrete
// permission a default role holds. Wildcards ("routing:*:*") are grants, not permissions.
func knownPermissions() map[string]domainPermission {
	out := map[string]domainPermission{}
	add := func(perm string, divisionAware bool) {
		parts := strings.Split(perm, ":")
		if len(parts) != 3 || slices.Contains(parts, "*") {
			return
		}
		if old, ok := out[perm]; ok {
			divisionAware = divisionAware || old.DivisionAware
		}
		out[perm] = domainPermission{Domain: parts[0], EntityType: parts[1], Action: parts[2], Label: parts[2], DivisionAware: divisionAware}
	}
	for _, k := range kinds.Genesys().All() {
		if k.Permission == "" {
			continue
		}
		divisionAware := slices.ContainsFunc(k.Fields, func(f kinds.Field) bool { return f.Ref == kinds.Division })
		for _, m := range []string{"GET", "POST", "PUT", "DELETE"} {
			if m == "DELETE" && k.API.NoDelete {
				continue // no API deletes the kind, so no permission does (flow outcomes)
			}
			add(k.PermissionFor(m), divisionAware)
		}
	}
	for _, b := range builtinRoles() {
		for _, p := range b.permissions {
			add(p, false)
		}
	}
	return out
}

// listPermissions is GET /authorization/permissions: PermissionCollectionEntityListing, one
// entity per domain, page-number paging. query narrows it to domains (queryType=domain) or
// to permissions starting with one of its comma-separated values (queryType=permission).
func (s *api) listPermissions(w http.ResponseWriter, r *http.Request) error {
	p, err := apihttp.ParsePage(r, apihttp.MaxPageSize)
	if err != nil {
		return err
	}
	queryType := r.URL.Query().Get("queryType")
	if queryType == "" {
		queryType = "domain"
	}
	if err := host.CheckEnum("queryType", &queryType, "domain", "permission"); err != nil {
		return err
	}
	var terms []string
	for _, t := range strings.Split(r.URL.Query().Get("query"), ",") {
		if t = strings.TrimSpace(t); t != "" {
			terms = append(terms, strings.ToLower(t))
		}
	}
	matches := func(perm string, d domainPermission) bool {
		if len(terms) == 0 {
			return true
		}
		return slices.ContainsFunc(terms, func(t string) bool {
			if queryType == "domain" {
				return strings.ToLower(d.Domain) == t
			}
			return strings.HasPrefix(strings.ToLower(perm), t)
		})
	}
	byDomain := map[string]*permissionCollection{}
	for perm, d := range knownPermissions() {
		if !matches(perm, d) {
			continue
		}
		c := byDomain[d.Domain]
		if c == nil {
			c = &permissionCollection{ID: d.Domain, Name: d.Domain, Domain: d.Domain, PermissionMap: map[string][]domainPermission{},
				SelfURI: "/api/v2/authorization/permissions/" + d.Domain}
			byDomain[d.Domain] = c
		}
		c.PermissionMap[d.EntityType] = append(c.PermissionMap[d.EntityType], d)
	}
	domains := make([]string, 0, len(byDomain))
	for d := range byDomain {
		domains = append(domains, d)
	}
	sort.Strings(domains)
	items := make([][]byte, 0, len(domains))
	for _, d := range domains {
		c := byDomain[d]
		for _, ps := range c.PermissionMap {
			sort.Slice(ps, func(i, j int) bool { return ps[i].Action < ps[j].Action })
		}
		b, err := json.Marshal(c)
		if err != nil {
			return err
		}
		items = append(items, b)
	}
	return apihttp.WritePage(w, r, p, items)
}

// restoreDefaultRoles is PUT /authorization/roles/default (the default roles named in the
// body, by id) and POST (every default role): each gets back its default name, description
// and permissions. The answer is OrganizationRoleEntityListing of the restored roles.
func (s *api) restoreDefaultRoles(all bool) host.Handler {
	return func(w http.ResponseWriter, r *http.Request) error {
		var want []platform.DomainOrganizationRole
		if !all {
			if err := apihttp.DecodeBody(r, &want); err != nil {
				return err
			}
		}
		defaults := map[string]builtinRole{}
		for _, b := range builtinRoles() {
			defaults[b.defaultID] = b
		}
		var restored [][]byte
		err := s.Store.Update(r.Context(), apihttp.PrincipalOf(r.Context()).OrgID, func(tx *store.Tx) error {
			p := apihttp.CallerOf(r)
			targets := tx.List(host.KindRole, "")
			if !all {
				targets = nil
				for i, in := range want {
					o := tx.Get(host.KindRole, host.Deref(in.ID))
					if host.Deref(in.ID) == "" || o == nil {
						return apihttp.UnknownRef("["+strconv.Itoa(i)+"].id", host.Deref(in.ID))
					}
					targets = append(targets, o)
				}
			}
			for _, o := range targets {
				var role platform.DomainOrganizationRole
				if err := host.DecodeObject(o, &role); err != nil {
					return err
				}
				b, ok := defaults[host.Deref(role.DefaultRoleID)]
				if !host.Deref(role.Default) || !ok {
					if all {
						continue
					}
					return apihttp.BadRequest("The role [%s] is not a default role; only default roles can be restored.", o.Name)
				}
				if clash := tx.FindByName(host.KindRole, "", b.name); clash != nil && clash.ID != o.ID {
					return apihttp.Conflict("A role named [%s] exists already (id %s); rename it before restoring the default role.", b.name, clash.ID)
				}
				role.Name, role.Description = host.Ptr(b.name), host.Ptr(b.description)
				role.Permissions, role.PermissionPolicies = b.permissions, policiesFor(b.permissions)
				data, err := host.PutAudited(tx, p, host.KindRole, role,
					audit.Event{Service: "PeoplePermissions", EntityType: "Role", Action: "Update", ID: o.ID, Name: b.name, Old: o.Data})
				if err != nil {
					return err
				}
				restored = append(restored, data)
			}
			return nil
		})
		if err != nil {
			return err
		}
		return apihttp.WritePage(w, r, apihttp.Page{Size: max(len(restored), 1), Number: 1}, restored)
	}
}
