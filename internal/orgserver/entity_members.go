package orgserver

import (
	"encoding/json"
	"net/http"
	"strconv"

	"github.com/cxascode/cxascode/internal/kinds"
	"github.com/cxascode/cxascode/internal/orgserver/apihttp"
	"github.com/cxascode/cxascode/internal/orgserver/audit"
	"github.com/cxascode/cxascode/internal/orgserver/entity"
	"github.com/cxascode/cxascode/internal/orgserver/host"
	"github.com/cxascode/cxascode/internal/orgserver/store"
	"github.com/cxascode/cxascode/internal/platform"
)

// The members sub-collection of a generic kind whose catalogue entry has a Members field
// (a team's member_ids): {item}/members lists the member users as a cursor listing of
// references, POST {"memberIds": […]} adds users, DELETE ?id=a,b removes them. Each member
// is a child object of the entity (Parent = the entity's id).

// maxMemberChange is how many members one request may add or remove, as the API documents.
const maxMemberChange = 25

// entityMemberRoutes registers the members sub-collection of h's kind when it has one.
func (s *Server) entityMemberRoutes(h entityHandler) {
	if !hasMembers(h.kind) {
		return
	}
	members := h.kind.API.Collection + "/{id}/members"
	s.route("GET "+members, h.kind.PermissionFor("GET"), h.listMembers)
	s.route("POST "+members, h.kind.Permission+":assign", h.addMembers)
	s.route("DELETE "+members, h.kind.Permission+":assign", h.removeMembers)
}

// hasMembers reports whether a kind has a members sub-collection.
func hasMembers(k *kinds.Kind) bool {
	for _, f := range k.Fields {
		if f.Members {
			return true
		}
	}
	return false
}

// memberKind is where the members of a kind's objects are stored.
func (h entityHandler) memberKind() store.Kind {
	return store.Kind(string(h.s.entities.StoreKind(h.kind.Name)) + ".member")
}

func (h entityHandler) listMembers(w http.ResponseWriter, r *http.Request) error {
	o, err := h.s.host.Lookup(r, h.s.entities.StoreKind(h.kind.Name), r.PathValue("id"))
	if err != nil {
		return err
	}
	var keys []apihttp.CursorKey
	var items [][]byte
	for _, m := range h.s.store.List(apihttp.PrincipalOf(r.Context()).OrgID, h.memberKind(), o.ID) {
		keys = append(keys, apihttp.ObjectCursorKey(m))
		items = append(items, m.Data)
	}
	l, err := apihttp.CursorPage(r, keys, items, 100)
	if err != nil {
		return err
	}
	return apihttp.OK(w, l)
}

func (h entityHandler) addMembers(w http.ResponseWriter, r *http.Request) error {
	var in struct {
		MemberIDs []string `json:"memberIds"`
	}
	if err := apihttp.DecodeBody(r, &in); err != nil {
		return err
	}
	added, err := h.changeMembers(r, "MemberAdd", in.MemberIDs, "memberIds")
	if err != nil {
		return err
	}
	return apihttp.OK(w, map[string]any{"entities": added, "failures": []any{}})
}

func (h entityHandler) removeMembers(w http.ResponseWriter, r *http.Request) error {
	if _, err := h.changeMembers(r, "MemberRemove", apihttp.MultiParam(r, "id"), "id"); err != nil {
		return err
	}
	return host.NoContent(w)
}

// changeMembers adds (action MemberAdd) or removes users in one transaction and records one
// audit event listing those that changed. Adding a user that is not in the org is refused,
// naming field; removing one that is not a member is no change.
func (h entityHandler) changeMembers(r *http.Request, action string, ids []string, field string) ([]host.MemberRef, error) {
	if len(ids) == 0 {
		return nil, apihttp.Required(field)
	}
	if len(ids) > maxMemberChange {
		return nil, apihttp.BadRequest("At most %d members may be changed at once, not %d.", maxMemberChange, len(ids))
	}
	p := apihttp.PrincipalOf(r.Context())
	var changed []host.MemberRef
	err := h.s.store.Update(r.Context(), p.OrgID, func(tx *store.Tx) error {
		o, err := entity.Lookup(tx, h.s.entities.StoreKind(h.kind.Name), r.PathValue("id"))
		if err != nil {
			return err
		}
		users := h.s.entities.StoreKind(kinds.User)
		for i, uid := range ids {
			key := o.ID + "/" + uid
			member := tx.Get(h.memberKind(), key)
			if action == "MemberRemove" {
				if member != nil {
					tx.Delete(h.memberKind(), key)
					changed = append(changed, host.MemberRef{ID: uid, Name: member.Name})
				}
				continue
			}
			u := entity.Live(tx, users, uid)
			if u == nil {
				return apihttp.UnknownRef(field+"["+strconv.Itoa(i)+"]", uid)
			}
			if member != nil {
				continue
			}
			ref := host.MemberRef{ID: uid, Name: u.Name}
			if _, err := entity.Put(tx, h.memberKind(), key, o.ID, u.Name, ref); err != nil {
				return err
			}
			changed = append(changed, ref)
		}
		if len(changed) == 0 {
			return nil
		}
		if err := h.countMembers(tx, o); err != nil {
			return err
		}
		members := platform.PropertyChange{Property: host.Ptr("members"), OldValues: []string{}, NewValues: host.MemberValues(changed)}
		if action == "MemberRemove" {
			members.OldValues, members.NewValues = members.NewValues, []string{}
		}
		host.Record(tx, r, audit.Event{Service: h.kind.Audit.Service, EntityType: h.kind.Audit.Entity, Action: action,
			ID: o.ID, Name: o.Name, Changes: []platform.PropertyChange{members}})
		return nil
	})
	return changed, err
}

// countMembers rewrites the object's memberCount, where its model has one, after a change.
func (h entityHandler) countMembers(tx *store.Tx, o *store.Object) error {
	if kinds.FieldOf(h.kind.Model, "memberCount") == nil {
		return nil
	}
	var doc map[string]any
	if err := json.Unmarshal(o.Data, &doc); err != nil {
		return err
	}
	doc["memberCount"] = len(tx.List(h.memberKind(), o.ID))
	_, err := entity.Put(tx, o.Kind, o.ID, o.Parent, o.Name, doc)
	return err
}

// dropMembers removes the members of a deleted object, so that none outlive it.
func (h entityHandler) dropMembers(tx *store.Tx, id string) {
	if !hasMembers(h.kind) || id == "" {
		return
	}
	for _, m := range tx.List(h.memberKind(), id) {
		tx.Delete(m.Kind, m.ID)
	}
}
