package routing

import (
	"encoding/json"
	"fmt"
	"net/http"
	"strings"

	"github.com/cxascode/cxascode/internal/orgserver/apihttp"
	"github.com/cxascode/cxascode/internal/orgserver/audit"
	"github.com/cxascode/cxascode/internal/orgserver/entity"
	"github.com/cxascode/cxascode/internal/orgserver/host"
	"github.com/cxascode/cxascode/internal/orgserver/store"
	"github.com/cxascode/cxascode/internal/platform"
)

// Queue wrap-up codes: child objects of a queue (Parent = queue id, ID = queue id + "/" +
// code id) linking it to a wrap-up code, which the generic entity serves.
func (s *api) queueWrapupCodeRoutes() {
	s.Route("GET /api/v2/routing/queues/{id}/wrapupcodes", "routing:queue:view", s.listQueueWrapupCodes)
	s.Route("POST /api/v2/routing/queues/{id}/wrapupcodes", "routing:queue:edit", s.postQueueWrapupCodes)
	s.Route("DELETE /api/v2/routing/queues/{id}/wrapupcodes/{codeId}", "routing:queue:edit", s.deleteQueueWrapupCode)
}

// Queue wrap-up code children store only the code id; reads join the current code so a
// renamed or re-described code shows up as it is now.

func (s *api) listQueueWrapupCodes(w http.ResponseWriter, r *http.Request) error {
	p, err := apihttp.ParsePage(r, apihttp.MaxPageSize)
	if err != nil {
		return err
	}
	q, err := s.Lookup(r, host.KindQueue, r.PathValue("id"))
	if err != nil {
		return err
	}
	org := apihttp.PrincipalOf(r.Context()).OrgID
	name := r.URL.Query().Get("name")
	var items [][]byte
	for _, c := range s.Store.List(org, host.KindQueueWrapupCode, q.ID) {
		code := s.Store.Get(org, host.KindWrapupCode, strings.TrimPrefix(c.ID, q.ID+"/"))
		if code == nil || !apihttp.NameMatches(name, code.Name, false) {
			continue
		}
		items = append(items, code.Data)
	}
	apihttp.WriteJSON(w, http.StatusOK, apihttp.NewListing(r, p, items))
	return nil
}

func (s *api) postQueueWrapupCodes(w http.ResponseWriter, r *http.Request) error {
	var in []platform.WrapUpCodeReference
	if err := apihttp.DecodeBody(r, &in); err != nil {
		return err
	}
	if len(in) > maxQueueBatch {
		return apihttp.BadRequest("The request may carry at most %d wrap-up codes, not %d.", maxQueueBatch, len(in))
	}
	out := []json.RawMessage{}
	err := s.Store.Update(r.Context(), apihttp.PrincipalOf(r.Context()).OrgID, func(tx *store.Tx) error {
		q, err := entity.Lookup(tx, host.KindQueue, r.PathValue("id"))
		if err != nil {
			return err
		}
		var added []string
		for i, ref := range in {
			field := fmt.Sprintf("[%d].id", i)
			if host.Deref(ref.ID) == "" {
				return apihttp.Required(field)
			}
			code := tx.Get(host.KindWrapupCode, *ref.ID)
			if code == nil {
				return apihttp.UnknownRef(field, *ref.ID)
			}
			out = append(out, code.Data)
			cid := queueChildID(q.ID, code.ID)
			if tx.Get(host.KindQueueWrapupCode, cid) != nil {
				continue
			}
			if _, err := entity.Put(tx, host.KindQueueWrapupCode, cid, q.ID, code.Name, platform.WrapUpCodeReference{ID: host.Ptr(code.ID)}); err != nil {
				return err
			}
			added = append(added, code.ID)
		}
		if len(added) > 0 {
			host.Record(tx, r, audit.Event{Service: "Routing", EntityType: "Queue", Action: "Update", ID: q.ID, Name: q.Name,
				Changes: []platform.PropertyChange{{Property: host.Ptr("wrapupCodes"), OldValues: []string{}, NewValues: added}}})
		}
		return nil
	})
	if err != nil {
		return err
	}
	apihttp.WriteJSON(w, http.StatusOK, out)
	return nil
}

func (s *api) deleteQueueWrapupCode(w http.ResponseWriter, r *http.Request) error {
	return s.CommitNoContent(w, r, func(tx *store.Tx, p apihttp.Principal) error {
		q, c, err := lookupQueueChild(tx, r, host.KindQueueWrapupCode, "codeId")
		if err != nil {
			return err
		}
		codeID := r.PathValue("codeId")
		tx.Delete(host.KindQueueWrapupCode, c.ID)
		audit.Record(tx, p, audit.Event{Service: "Routing", EntityType: "Queue", Action: "Update", ID: q.ID, Name: q.Name,
			Changes: []platform.PropertyChange{{Property: host.Ptr("wrapupCodes"), OldValues: []string{codeID}, NewValues: []string{}}}})
		return nil
	})
}

// queueWrapupCodeLinks lists the queue assignments of one wrap-up code.
func queueWrapupCodeLinks(tx *store.Tx, codeID string) []*store.Object {
	var out []*store.Object
	for _, c := range tx.List(host.KindQueueWrapupCode, "*") {
		if strings.HasSuffix(c.ID, "/"+codeID) {
			out = append(out, c)
		}
	}
	return out
}

// RenameQueueWrapupCodeLinks gives a renamed code's queue assignments its new name, by
// which queue code lists sort (the child keeps it as its index name): the generic entity's
// hook for a renamed wrap-up code (entity.Hooks.Renamed).
func RenameQueueWrapupCodeLinks(tx *store.Tx, codeID, name string) {
	for _, c := range queueWrapupCodeLinks(tx, codeID) {
		tx.Put(&store.Object{Kind: c.Kind, ID: c.ID, Parent: c.Parent, Name: name, Data: c.Data})
	}
}

// DeleteQueueWrapupCodeLinks drops a deleted code from every queue's code list: deleting a
// code that queues use is allowed (the contract names no conflict for it). It is the
// generic entity's hook for a deleted wrap-up code (entity.Hooks.Deleted).
func DeleteQueueWrapupCodeLinks(tx *store.Tx, codeID string) {
	for _, c := range queueWrapupCodeLinks(tx, codeID) {
		tx.Delete(c.Kind, c.ID)
	}
}
