package orgserver

import (
	"fmt"
	"net/http"

	"github.com/cxascode/cxascode/internal/orgserver/apihttp"
	"github.com/cxascode/cxascode/internal/orgserver/audit"
	"github.com/cxascode/cxascode/internal/orgserver/entity"
	"github.com/cxascode/cxascode/internal/orgserver/store"
)

// draftRoutes serves a Drafts kind (kinds.API.Drafts): the collection lists the latest version
// of each object and creates drafts; the draft is read and written at its own path and
// published into numbered versions; DELETE on the object removes it with its versions.
func (s *Server) draftRoutes(h entityHandler) {
	k := h.kind
	draft, versions := k.API.DraftPath("{id}"), k.API.VersionsPath("{id}")
	s.route("GET "+k.API.Collection, k.PermissionFor("GET"), h.listLatest)
	s.route("POST "+k.API.Collection, k.PermissionFor("POST"), h.create)
	s.route("GET "+draft, k.PermissionFor("GET"), h.get)
	s.route(k.API.Update+" "+draft, k.PermissionFor(k.API.Update), h.update)
	s.route("POST "+k.API.PublishPath("{id}"), k.PermissionFor("PUT"), h.publish)
	s.route("GET "+versions, k.PermissionFor("GET"), h.listVersions)
	s.route("GET "+k.API.VersionPath("{id}", "{versionId}"), k.PermissionFor("GET"), h.getVersion)
	s.route("DELETE "+k.API.Item("{id}"), k.PermissionFor("DELETE"), h.deleteWithVersions)
}

// listLatest lists the latest version of each object; showOnlyPublished=true leaves out the
// objects never published.
func (h entityHandler) listLatest(w http.ResponseWriter, r *http.Request) error {
	onlyPublished := r.URL.Query().Get("showOnlyPublished") == "true"
	var keys []apihttp.CursorKey
	var items [][]byte
	// Listed before the transaction: the store's own reads wait for it.
	objs := h.s.host.ListVisible(r, h.s.entities.StoreKind(h.kind.Name))
	err := h.readOrg(r, func(tx *store.Tx) error {
		for _, o := range objs {
			if entity.IsDeleted(o.Data) {
				continue
			}
			latest := h.s.entities.Latest(tx, h.kind, o)
			if onlyPublished && string(latest) == string(o.Data) {
				continue
			}
			keys, items = append(keys, apihttp.ObjectCursorKey(o)), append(items, latest)
		}
		return nil
	})
	if err != nil {
		return err
	}
	return apihttp.WriteCursorPage(w, r, keys, items, h.kind.API.PageSize())
}

func (h entityHandler) publish(w http.ResponseWriter, r *http.Request) error {
	return h.s.host.CommitJSON(w, r, func(tx *store.Tx, p apihttp.Principal) ([]byte, error) {
		out, ev, err := h.s.entities.Publish(tx, p, h.kind, r.PathValue("id"))
		if err != nil {
			return nil, err
		}
		audit.Record(tx, p, ev)
		return out, nil
	})
}

// listVersions lists the draft and every published version of one object, in that order.
func (h entityHandler) listVersions(w http.ResponseWriter, r *http.Request) error {
	var items [][]byte
	err := h.readOrg(r, func(tx *store.Tx) error {
		var err error
		items, err = h.s.entities.Versions(tx, h.kind, r.PathValue("id"))
		return err
	})
	if err != nil {
		return err
	}
	// The cursor's keys keep the listing's order: the draft, then the versions as published.
	keys := make([]apihttp.CursorKey, len(items))
	for i := range items {
		keys[i] = apihttp.CursorKey{Name: fmt.Sprintf("%09d", i), ID: r.PathValue("id")}
	}
	return apihttp.WriteCursorPage(w, r, keys, items, h.kind.API.PageSize())
}

func (h entityHandler) getVersion(w http.ResponseWriter, r *http.Request) error {
	var out []byte
	err := h.readOrg(r, func(tx *store.Tx) error {
		var err error
		out, err = h.s.entities.Version(tx, h.kind, r.PathValue("id"), r.PathValue("versionId"))
		return err
	})
	if err != nil {
		return err
	}
	return apihttp.OKRaw(w, out)
}

func (h entityHandler) deleteWithVersions(w http.ResponseWriter, r *http.Request) error {
	return h.s.host.DeleteEntity(w, r, h.kind, func(tx *store.Tx, id string) { h.s.entities.DropVersions(tx, h.kind, id) })
}

// readOrg runs fn in a transaction of the caller's org that writes nothing, so that an
// object and its versions are read in one consistent view.
func (h entityHandler) readOrg(r *http.Request, fn func(tx *store.Tx) error) error {
	return h.s.store.Update(r.Context(), apihttp.PrincipalOf(r.Context()).OrgID, fn)
}
