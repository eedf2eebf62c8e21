package orgserver

import "net/http"

// A generic child kind (kinds.API.Parent: a work type's statuses) lives in a collection under
// one object of its parent kind, whose id the path holds as {parentId}. The generic routes
// serve it like any kind, listing and creating under that parent once it is found live, and
// answering an object only under its own parent; the entity layer names such an object by its
// kinds.ChildID and deletes it with its parent.

// parentOf is the id of the live parent a child kind's request path names ("" for other
// kinds), or the 404 the API answers for a missing one.
func (h entityHandler) parentOf(r *http.Request) (string, error) {
	if h.kind.API.Parent == "" {
		return "", nil
	}
	id := r.PathValue("parentId")
	if _, err := h.s.host.LookupParent(r, h.s.entities.StoreKind(h.kind.API.Parent), id); err != nil {
		return "", err
	}
	return id, nil
}
