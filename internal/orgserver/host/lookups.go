package host

import (
	"encoding/json"
	"net/http"
	"strings"

	"github.com/cxascode/cxascode/internal/kinds"
	"github.com/cxascode/cxascode/internal/orgserver/apihttp"
	"github.com/cxascode/cxascode/internal/orgserver/entity"
	"github.com/cxascode/cxascode/internal/orgserver/store"
	"github.com/cxascode/cxascode/internal/platform"
)

// Lookup returns an object visible to the caller's org, or a 404 API error. Objects
// still inside the injected read-after-write lag are not visible yet. An object of a
// division the caller does not hold the route's permission in is not found to a read, as
// on a real org, and refused (403 naming the permission) to a write.
func (h *Host) Lookup(r *http.Request, kind store.Kind, id string) (*store.Object, error) {
	o := h.Store.Get(apihttp.PrincipalOf(r.Context()).OrgID, kind, id)
	if o == nil || h.surface.Hidden(o.Created) {
		return nil, apihttp.NotFound()
	}
	if !CanSee(r, o) {
		if r.Method == http.MethodGet {
			return nil, apihttp.NotFound()
		}
		return nil, apihttp.MissingPermission(apihttp.PrincipalOf(r.Context()).Access.Permission)
	}
	return o, nil
}

// PageUnder reads the page (apihttp.ParsePage, up to apihttp.MaxPageSize) of a listing of
// what the object of kind in the path ({id}) holds, and that object as Lookup finds it: a
// bad page is refused before a missing object.
func (h *Host) PageUnder(r *http.Request, kind store.Kind) (apihttp.Page, *store.Object, error) {
	p, err := apihttp.ParsePage(r, apihttp.MaxPageSize)
	if err != nil {
		return p, nil, err
	}
	o, err := h.Lookup(r, kind, r.PathValue("id"))
	return p, o, err
}

// LookupParent is the live object a child's path names as its parent (an email route's
// domain, a grammar language's files' language), or 404 whatever keeps it from the caller:
// absent, soft-deleted, or in a division the caller cannot see, even for a write (the
// child's own write is what the division check judges).
func (h *Host) LookupParent(r *http.Request, kind store.Kind, id string) (*store.Object, error) {
	o, err := h.Lookup(r, kind, id)
	if err != nil || entity.IsDeleted(o.Data) {
		return nil, apihttp.NotFound()
	}
	return o, nil
}

// ListVisible is the caller's org's top-level objects of kind that the caller may see.
func (h *Host) ListVisible(r *http.Request, kind store.Kind) []*store.Object {
	return h.ListVisibleIn(r, kind, "")
}

// ListVisibleIn is ListVisible of the objects under one parent ("" top-level ones).
func (h *Host) ListVisibleIn(r *http.Request, kind store.Kind, parent string) []*store.Object {
	return VisibleObjects(r, h.Store.List(apihttp.PrincipalOf(r.Context()).OrgID, kind, parent))
}

// PathObjectID is the id of the object a request's path names for the entity layer: its
// {id}, or for a child kind (kinds.API.Parent) the kinds.ChildID of {parentId} and {id}.
func PathObjectID(r *http.Request, k *kinds.Kind) string {
	if k.API.Parent == "" {
		return r.PathValue("id")
	}
	return kinds.ChildID(r.PathValue("parentId"), r.PathValue("id"))
}

// ObjectDivision is the id of the division a stored object lies in ("division.id" of its
// JSON), or "" for objects that lie in none (roles, divisions, child records).
func ObjectDivision(o *store.Object) string {
	var doc struct {
		Division *struct {
			ID string `json:"id"`
		} `json:"division"`
	}
	if json.Unmarshal(o.Data, &doc) != nil || doc.Division == nil {
		return ""
	}
	return doc.Division.ID
}

// DivisionChangeCheck refuses a write that creates, changes or deletes an object of a
// division the caller does not hold the route's permission in (either where the object
// was or where it goes).
func DivisionChangeCheck(a apihttp.Access) store.ChangeCheck {
	return func(before, after *store.Object) error {
		for _, o := range []*store.Object{before, after} {
			if o == nil {
				continue
			}
			if err := a.Check(ObjectDivision(o)); err != nil {
				return err
			}
		}
		return nil
	}
}

// ClientRef is the reference to the caller's OAuth client that flows and jobs carry
// (lockedClient, createdByClient, the client of an audit action).
func ClientRef(p apihttp.Principal) *platform.DomainEntityRef {
	return &platform.DomainEntityRef{ID: Ptr(p.ClientID), Name: Ptr(p.ClientName), SelfURI: Ptr("/api/v2/oauth/clients/" + p.ClientID)}
}

// CanSee reports whether the caller of r may see o under the route's permission.
func CanSee(r *http.Request, o *store.Object) bool {
	a := apihttp.PrincipalOf(r.Context()).Access
	return !a.Restricted || a.Allows(ObjectDivision(o))
}

// VisibleObjects keeps the objects the caller of r may see, in order: the filter every
// list of objects with divisions goes through.
func VisibleObjects(r *http.Request, objs []*store.Object) []*store.Object {
	if !apihttp.PrincipalOf(r.Context()).Access.Restricted {
		return objs
	}
	out := make([]*store.Object, 0, len(objs))
	for _, o := range objs {
		if CanSee(r, o) {
			out = append(out, o)
		}
	}
	return out
}

// ObjectGetter reads one stored object of the caller's org (nil when absent), so that the
// rules of per-owner settings (a user's utilization, voicemail policies) read the store
// without a request.
type ObjectGetter func(kind store.Kind, id string) *store.Object

// ReaderOf reads objects of the org of r's caller.
func (h *Host) ReaderOf(r *http.Request) ObjectGetter {
	org := apihttp.PrincipalOf(r.Context()).OrgID
	return func(kind store.Kind, id string) *store.Object { return h.Store.Get(org, kind, id) }
}

// LiveOwner finds a user or group that exists and is not deleted, else 404.
func LiveOwner(get ObjectGetter, kind store.Kind, id string) (*store.Object, error) {
	o := get(kind, id)
	if o == nil || entity.IsDeleted(o.Data) {
		return nil, apihttp.NotFound()
	}
	return o, nil
}

// ChildOf is the object of kind with id kept under parentID (a route of an email domain, an
// outbound route of a site), or 404: also when it lies under another parent, so a path
// cannot reach a child through the wrong parent.
func ChildOf(get ObjectGetter, kind store.Kind, parentID, id string) (*store.Object, error) {
	o := get(kind, id)
	if o == nil || o.Parent != parentID {
		return nil, apihttp.NotFound()
	}
	return o, nil
}

// StoredPolicy decodes the stored setting of owner into v, leaving v as is when none is stored.
func StoredPolicy(get ObjectGetter, kind store.Kind, owner string, v any) error {
	if o := get(kind, owner); o != nil {
		return DecodeObject(o, v)
	}
	return nil
}

// OwnerSetting reads the setting of kind that the live user or group (ownerKind) of the
// path's {id} holds into v, leaving v (the defaults) as is when none is stored; 404 when
// the owner does not exist or is deleted.
func OwnerSetting(get ObjectGetter, ownerKind store.Kind, r *http.Request, kind store.Kind, v any) error {
	owner, err := LiveOwner(get, ownerKind, r.PathValue("id"))
	if err != nil {
		return err
	}
	return StoredPolicy(get, kind, owner.ID, v)
}

// FindUserByEmail finds a user by case-insensitive email among the users that are not
// deleted, or (deleted) among the soft-deleted ones: real orgs keep a deleted user's email
// taken, so creating another user with it is a conflict. Flows name users by email too.
func FindUserByEmail(tx *store.Tx, email string, deleted bool) *store.Object {
	for _, o := range tx.List(KindUser, "") {
		// Only the two fields matter: decoding the whole user model for every user made each
		// create cost a full decode of the org's users (minutes for an org of thousands).
		var u struct {
			Email string `json:"email"`
			State string `json:"state"`
		}
		if json.Unmarshal(o.Data, &u) == nil && strings.EqualFold(u.Email, email) && (u.State == "deleted") == deleted {
			return o
		}
	}
	return nil
}

// LookupAs is Lookup that also decodes the object's stored JSON into the API model T.
func LookupAs[T any](h *Host, r *http.Request, kind store.Kind, id string) (*store.Object, T, error) {
	return decodeFound[T](h.Lookup(r, kind, id))
}
