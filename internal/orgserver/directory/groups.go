package directory

import (
	"net/http"
	"strconv"
	"strings"

	"github.com/cxascode/cxascode/internal/orgserver/apihttp"
	"github.com/cxascode/cxascode/internal/orgserver/audit"
	"github.com/cxascode/cxascode/internal/orgserver/entity"
	"github.com/cxascode/cxascode/internal/orgserver/host"
	"github.com/cxascode/cxascode/internal/orgserver/store"
	"github.com/cxascode/cxascode/internal/platform"
	"github.com/google/uuid"
)

// Groups: unique names, integer version checked on PUT (and on member changes when sent),
// members as child objects (Parent = group id) with memberCount kept current.
// DELETE is a hard delete: the group, its memberships and its role grants go, and GET
// answers 404 afterwards (the official provider accepts 404 or state "deleted").
// PUT replaces description, email, addresses, images and owners (absent = cleared) and
// keeps the name, visibility and flags when they are absent.
func (s *api) groupRoutes() {
	s.Route("POST /api/v2/groups/search", "directory:group:view", s.searchGroups)
	s.Route("GET /api/v2/groups/search", "directory:group:view", s.searchGroups)
	s.Route("GET /api/v2/groups/{id}/members", "directory:group:view", s.listGroupMembers)
	s.Route("GET /api/v2/groups/{id}/individuals", "directory:group:view", s.listGroupMembers)
	s.Route("POST /api/v2/groups/{id}/members", "directory:group:edit", s.addGroupMembers)
	s.Route("DELETE /api/v2/groups/{id}/members", "directory:group:edit", s.removeGroupMembers)
	s.voicemailGroupPolicyRoutes() // voicemail_policies.go
}

// groupVisibilities are the values of a group's visibility.
func groupVisibilities() []string { return []string{"public", "owners", "members"} }

func groupSelfURI(id string) string { return "/api/v2/groups/" + id }

// maxGroupMemberChange is the real API's limit of ids per member add or remove.
const maxGroupMemberChange = 50

func (s *api) listGroups(w http.ResponseWriter, r *http.Request) error {
	p, desc, err := apihttp.ParseSortedPage(r, "ASC", "DESC")
	if err != nil {
		return err
	}
	ids := host.SetOf(apihttp.MultiParam(r, "id"))
	var items [][]byte
	for _, o := range s.ListVisible(r, host.KindGroup) {
		if len(ids) == 0 || ids[o.ID] {
			items = append(items, o.Data)
		}
	}
	return apihttp.WriteSortedListing(w, r, p, items, desc)
}

func checkGroupContacts(cs []platform.GroupContact) error {
	for _, c := range cs {
		if host.Deref(c.Address) == "" {
			return apihttp.Required("addresses.address")
		}
		if c.Type == nil {
			return apihttp.Required("addresses.type")
		}
		if err := host.CheckEnum("addresses.type", c.Type, "GROUPRING", "GROUPPHONE"); err != nil {
			return err
		}
		if c.MediaType == nil {
			return apihttp.Required("addresses.mediaType")
		}
		if err := host.CheckEnum("addresses.mediaType", c.MediaType, "PHONE"); err != nil {
			return err
		}
	}
	return nil
}

// groupOwners resolves ownerIds to user references.
func groupOwners(tx *store.Tx, ids []string) ([]platform.User, error) {
	var out []platform.User
	for _, id := range ids {
		o := entity.Live(tx, host.KindUser, id)
		if o == nil {
			return nil, apihttp.UnknownRef("ownerIds", id)
		}
		out = append(out, platform.User{ID: host.Ptr(id), Name: host.Ptr(o.Name), SelfURI: host.Ptr(host.UserSelfURI(id))})
	}
	return out, nil
}

func (s *api) createGroup(w http.ResponseWriter, r *http.Request) error {
	var in platform.GroupCreate
	if err := apihttp.DecodeBody(r, &in); err != nil {
		return err
	}
	name := strings.TrimSpace(host.Deref(in.Name))
	switch {
	case name == "":
		return apihttp.Required("name")
	case in.Type == nil:
		return apihttp.Required("type")
	case in.Visibility == nil:
		return apihttp.Required("visibility")
	case in.RulesVisible == nil:
		return apihttp.Required("rulesVisible")
	}
	if err := host.FirstError(
		host.CheckEnum("type", in.Type, "official", "social"),
		host.CheckEnum("visibility", in.Visibility, groupVisibilities()...),
		checkGroupContacts(in.Addresses),
	); err != nil {
		return err
	}
	return s.CommitJSON(w, r, func(tx *store.Tx, p apihttp.Principal) ([]byte, error) {
		if err := host.CheckUniqueName(tx, host.KindGroup, "group", name, ""); err != nil {
			return nil, err
		}
		owners, err := groupOwners(tx, in.OwnerIds)
		if err != nil {
			return nil, err
		}
		id := uuid.NewString()
		g := platform.Group{
			ID: host.Ptr(id), Name: host.Ptr(name), Description: in.Description, DateModified: host.Ptr(apihttp.FormatTime(tx.Now())),
			MemberCount: host.Ptr(0), State: host.Ptr("active"), Version: host.Ptr(1), Type: in.Type, Images: in.Images,
			Addresses: in.Addresses, RulesVisible: in.RulesVisible, Visibility: in.Visibility,
			RolesEnabled: host.Ptr(host.Deref(in.RolesEnabled)), IncludeOwners: host.Ptr(host.Deref(in.IncludeOwners)),
			CallsEnabled: host.Ptr(host.Deref(in.CallsEnabled)), Email: in.Email, Owners: owners, SelfURI: host.Ptr(groupSelfURI(id)),
		}
		return host.PutAudited(tx, p, host.KindGroup, g, audit.Event{Service: "Directory", EntityType: "Group", Action: "Create", ID: id, Name: name})
	})
}

func (s *api) putGroup(w http.ResponseWriter, r *http.Request) error {
	var in platform.GroupUpdate
	if err := host.DecodeRenamed(r, &in, func() *string { return in.Name }); err != nil {
		return err
	}
	if err := host.FirstError(
		host.CheckEnum("visibility", in.Visibility, groupVisibilities()...),
		host.CheckEnum("state", in.State, "active", "inactive", "deleted"),
		checkGroupContacts(in.Addresses),
	); err != nil {
		return err
	}
	return s.CommitJSON(w, r, func(tx *store.Tx, p apihttp.Principal) ([]byte, error) {
		o, g, err := host.LoadVersioned(tx, host.KindGroup, r.PathValue("id"), in.Version, func(v platform.Group) *int { return v.Version })
		if err != nil {
			return nil, err
		}
		if err := host.Rename(tx, host.KindGroup, "group", o.ID, &g.Name, in.Name); err != nil {
			return nil, err
		}
		owners, err := groupOwners(tx, in.OwnerIds)
		if err != nil {
			return nil, err
		}
		g.Owners, g.Description, g.Email, g.Addresses, g.Images = owners, in.Description, in.Email, in.Addresses, in.Images
		host.SetPtr(&g.State, in.State)
		host.SetPtr(&g.Visibility, in.Visibility)
		host.SetPtr(&g.RulesVisible, in.RulesVisible)
		host.SetPtr(&g.RolesEnabled, in.RolesEnabled)
		host.SetPtr(&g.IncludeOwners, in.IncludeOwners)
		host.SetPtr(&g.CallsEnabled, in.CallsEnabled)
		g.Version = host.Ptr(host.Deref(g.Version) + 1)
		g.DateModified = host.Ptr(apihttp.FormatTime(tx.Now()))
		return host.PutAudited(tx, p, host.KindGroup, g, audit.Event{Service: "Directory", EntityType: "Group", Action: "Update", ID: o.ID, Name: host.Deref(g.Name), Old: o.Data})
	})
}

func (s *api) deleteGroup(w http.ResponseWriter, r *http.Request) error {
	return s.DeleteStored(w, r, host.KindGroup, "Directory", "Group", func(tx *store.Tx, o *store.Object) error {
		for _, m := range tx.List(host.KindGroupMember, o.ID) {
			tx.Delete(host.KindGroupMember, m.ID)
		}
		// The group's own role grants go with it; roles' user counts do not change (they count users).
		for _, g := range tx.List(host.KindSubjectGrant, o.ID) {
			tx.Delete(host.KindSubjectGrant, g.ID)
		}
		return nil
	})
}

// listGroupMembers is /members and /individuals: the member users (UserEntityListing).
// Groups have no dynamic rules here, so both are the same list.
func (s *api) listGroupMembers(w http.ResponseWriter, r *http.Request) error {
	p, desc, err := apihttp.ParseSortedPage(r, "ASC", "DESC")
	if err != nil {
		return err
	}
	g, err := s.Lookup(r, host.KindGroup, r.PathValue("id"))
	if err != nil {
		return err
	}
	org := apihttp.PrincipalOf(r.Context()).OrgID
	var items [][]byte
	for _, m := range s.Store.List(org, host.KindGroupMember, g.ID) {
		if u := s.Store.Get(org, host.KindUser, strings.TrimPrefix(m.ID, g.ID+"/")); u != nil {
			items = append(items, u.Data)
		}
	}
	return apihttp.WriteSortedListing(w, r, p, items, desc)
}

// changeMembers adds or removes users and keeps the group's memberCount and version current;
// it answers 202 with an empty JSON object (the SDKs' return type is "object").
func (s *api) changeMembers(w http.ResponseWriter, r *http.Request, add bool, ids []string, version *int) error {
	if len(ids) == 0 {
		if add {
			return apihttp.Required("memberIds")
		}
		return apihttp.Required("ids")
	}
	if len(ids) > maxGroupMemberChange {
		return apihttp.BadRequest("At most %d members may be changed at once, not %d.", maxGroupMemberChange, len(ids))
	}
	p := apihttp.CallerOf(r)
	err := s.Store.Update(r.Context(), p.OrgID, func(tx *store.Tx) error {
		o, g, err := host.LoadStored[platform.Group](tx, host.KindGroup, r.PathValue("id"))
		if err != nil {
			return err
		}
		if version != nil {
			if err := entity.CheckVersion(version, host.Deref(g.Version)); err != nil {
				return err
			}
		}
		var changed []host.MemberRef
		for _, uid := range ids {
			key := o.ID + "/" + uid
			exists := tx.Get(host.KindGroupMember, key) != nil
			if add {
				u := entity.Live(tx, host.KindUser, uid)
				if u == nil {
					return apihttp.UnknownRef("memberIds", uid)
				}
				if exists {
					continue
				}
				ref := host.MemberRef{ID: uid, Name: u.Name}
				if _, err := entity.Put(tx, host.KindGroupMember, key, o.ID, u.Name, ref); err != nil {
					return err
				}
				changed = append(changed, ref)
			} else if m := tx.Get(host.KindGroupMember, key); m != nil {
				tx.Delete(host.KindGroupMember, key)
				changed = append(changed, host.MemberRef{ID: uid, Name: m.Name})
			}
		}
		if len(changed) == 0 {
			return nil
		}
		oldCount := host.Deref(g.MemberCount)
		g.MemberCount = host.Ptr(len(tx.List(host.KindGroupMember, o.ID)))
		g.Version = host.Ptr(host.Deref(g.Version) + 1)
		g.DateModified = host.Ptr(apihttp.FormatTime(tx.Now()))
		if _, err := entity.Put(tx, host.KindGroup, o.ID, "", o.Name, g); err != nil {
			return err
		}
		ev := audit.Event{Service: "Directory", EntityType: "Group", Action: "MemberAdd", ID: o.ID, Name: o.Name}
		members := platform.PropertyChange{Property: host.Ptr("members"), OldValues: []string{}, NewValues: host.MemberValues(changed)}
		if !add {
			ev.Action = "MemberRemove"
			members.OldValues, members.NewValues = members.NewValues, []string{}
		}
		ev.Changes = []platform.PropertyChange{members, {Property: host.Ptr("memberCount"),
			OldValues: []string{strconv.Itoa(oldCount)}, NewValues: []string{strconv.Itoa(host.Deref(g.MemberCount))}}}
		audit.Record(tx, p, ev)
		return nil
	})
	if err != nil {
		return err
	}
	apihttp.WriteRaw(w, http.StatusAccepted, []byte("{}"))
	return nil
}

func (s *api) addGroupMembers(w http.ResponseWriter, r *http.Request) error {
	var in platform.GroupMembersUpdate
	if err := apihttp.DecodeBody(r, &in); err != nil {
		return err
	}
	return s.changeMembers(w, r, true, in.MemberIds, in.Version)
}

func (s *api) removeGroupMembers(w http.ResponseWriter, r *http.Request) error {
	return s.changeMembers(w, r, false, apihttp.MultiParam(r, "ids"), nil)
}

func groupSearchFields(g *platform.Group) host.SearchFields {
	scalars := map[string]*string{"id": g.ID, "name": g.Name, "description": g.Description, "state": g.State,
		"type": g.Type, "visibility": g.Visibility, "email": g.Email}
	return host.ScalarFields(scalars, nil)
}

func (s *api) searchGroups(w http.ResponseWriter, r *http.Request) error {
	req, items, err := host.SearchDecoded(s.Host, r, host.KindGroup, groupSearchFields, nil)
	if err != nil {
		return err
	}
	return apihttp.OK(w, host.SearchPage("/api/v2/groups/search", "groups", req, items))
}
