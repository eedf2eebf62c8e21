package routing

import (
	"encoding/json"
	"net/http"
	"slices"
	"strings"

	"github.com/cxascode/cxascode/internal/orgserver/apihttp"
	"github.com/cxascode/cxascode/internal/orgserver/audit"
	"github.com/cxascode/cxascode/internal/orgserver/host"
	"github.com/cxascode/cxascode/internal/orgserver/store"
	"github.com/cxascode/cxascode/internal/platform"
	"github.com/google/uuid"
)

// Routing queues: unique names (ignoring case), PUT as full replace without a version,
// hard delete that takes the queue's members and wrap-up code assignments with it.
// The stored queue carries its member counters; member writes keep them current.
// Flow, prompt, script and address references are stored as sent: this org does not
// check them.
func (s *api) queueRoutes() {
	s.queueMemberRoutes()
	s.queueWrapupCodeRoutes()
}

func queueSelfURI(id string) string { return "/api/v2/routing/queues/" + id }

func (s *api) listQueues(w http.ResponseWriter, r *http.Request) error {
	p, desc, err := apihttp.ParseSortedPage(r, "asc", "desc")
	if err != nil {
		return err
	}
	query := r.URL.Query() // parsed once: each r.URL.Query() parses the whole query again
	hasPeerSet := query.Get("hasPeer") != ""
	hasPeer, err := host.BoolParam(r, "hasPeer")
	if err != nil {
		return err
	}
	name := query.Get("name")
	library := query.Get("cannedResponseLibraryId")
	ids, divs, peers := host.SetOf(apihttp.MultiValue(query, "id")), host.SetOf(apihttp.MultiValue(query, "divisionId")), host.SetOf(apihttp.MultiValue(query, "peerId"))
	visible := s.ListVisible(r, host.KindQueue)
	items := make([][]byte, 0, len(visible))
	for _, o := range visible {
		if (len(ids) > 0 && !ids[o.ID]) || !apihttp.NameMatches(name, o.Name, false) {
			continue
		}
		if len(divs) > 0 || len(peers) > 0 || hasPeerSet || library != "" {
			var q platform.Queue
			if err := host.DecodeObject(o, &q); err != nil {
				return err
			}
			if len(divs) > 0 && (q.Division == nil || !divs[host.Deref(q.Division.ID)]) {
				continue
			}
			if len(peers) > 0 && !peers[host.Deref(q.PeerID)] {
				continue
			}
			if hasPeerSet && hasPeer != (host.Deref(q.PeerID) != "") {
				continue
			}
			if library != "" && (q.CannedResponseLibraries == nil || !slices.Contains(q.CannedResponseLibraries.LibraryIds, library)) {
				continue
			}
		}
		items = append(items, o.Data)
	}
	return apihttp.WriteSortedListing(w, r, p, items, desc)
}

// remarshal copies between models that share JSON field names (request → Queue).
func remarshal(in, out any) error {
	b, err := json.Marshal(in)
	if err != nil {
		return err
	}
	return json.Unmarshal(b, out)
}

// queueIdentityFields are the fields sourceQueueId does not copy: the new queue's own
// identity and server-maintained data.
var queueIdentityFields = []string{"id", "name", "description", "division", "dateCreated", "dateModified",
	"createdBy", "modifiedBy", "memberCount", "userMemberCount", "joinedMemberCount", "selfUri"}

func (s *api) createQueue(w http.ResponseWriter, r *http.Request) error {
	var in platform.CreateQueueRequest
	name, err := host.DecodeNamed(r, &in, func() *string { return in.Name })
	if err != nil {
		return err
	}
	source := host.Deref(in.SourceQueueID)
	in.SourceQueueID = nil
	return s.CommitJSON(w, r, func(tx *store.Tx, p apihttp.Principal) ([]byte, error) {
		var q platform.Queue
		if source != "" {
			// Settings come from the source queue; whatever the request sets wins.
			src := tx.Get(host.KindQueue, source)
			if src == nil {
				return nil, apihttp.UnknownRef("sourceQueueId", source)
			}
			merged := map[string]json.RawMessage{}
			if err := json.Unmarshal(src.Data, &merged); err != nil {
				return nil, err
			}
			for _, f := range queueIdentityFields {
				delete(merged, f)
			}
			var req map[string]json.RawMessage
			b, err := json.Marshal(in)
			if err != nil {
				return nil, err
			}
			if err := json.Unmarshal(b, &req); err != nil {
				return nil, err
			}
			for k, v := range req {
				merged[k] = v
			}
			if err := remarshal(merged, &q); err != nil {
				return nil, err
			}
		} else if err := remarshal(in, &q); err != nil {
			return nil, err
		}
		id := uuid.NewString()
		if err := s.fillQueue(tx, p, &q, id, name, nil); err != nil {
			return nil, err
		}
		return host.PutAudited(tx, p, host.KindQueue, q, audit.Event{Service: "Routing", EntityType: "Queue", Action: "Create", ID: id, Name: name})
	})
}

// fillQueue validates q and sets what the server owns: identity, division, dates,
// authors, counters and defaults. old is the queue being replaced (nil on create).
func (s *api) fillQueue(tx *store.Tx, p apihttp.Principal, q *platform.Queue, id, name string, old *platform.Queue) error {
	if existing := tx.FindByName(host.KindQueue, "", name); existing != nil && existing.ID != id {
		return apihttp.Conflict("A queue named [%s] exists already (id %s).", name, existing.ID)
	}
	divID := ""
	if q.Division != nil {
		divID = host.Deref(q.Division.ID)
	}
	if divID == "" && old != nil && old.Division != nil {
		divID = host.Deref(old.Division.ID)
	}
	div, err := host.DivisionRef(tx, divID)
	if err != nil {
		return err
	}
	if err := validateQueue(tx, q, id); err != nil {
		return err
	}
	applyQueueDefaults(q)
	client := p.ClientID
	now := apihttp.FormatTime(tx.Now())
	q.ID, q.Name, q.SelfURI = host.Ptr(id), host.Ptr(name), host.Ptr(queueSelfURI(id))
	q.Division = (*platform.Division)(div)
	q.DateModified, q.ModifiedBy = host.Ptr(now), host.Ptr(client)
	if old != nil {
		q.DateCreated, q.CreatedBy = old.DateCreated, old.CreatedBy
	} else {
		q.DateCreated, q.CreatedBy = host.Ptr(now), host.Ptr(client)
	}
	setQueueCounts(tx, q, id)
	return nil
}

// setQueueCounts derives the member counters from the queue's member children. Every
// member here is a user (group membership is not modelled), so memberCount equals
// userMemberCount.
func setQueueCounts(tx *store.Tx, q *platform.Queue, id string) {
	members := tx.List(host.KindQueueMember, id)
	joined := 0
	for _, m := range members {
		var qm platform.QueueMember
		if host.DecodeObject(m, &qm) == nil && host.Deref(qm.Joined) {
			joined++
		}
	}
	q.MemberCount, q.UserMemberCount, q.JoinedMemberCount = host.Ptr(len(members)), host.Ptr(len(members)), host.Ptr(joined)
}

func (s *api) putQueue(w http.ResponseWriter, r *http.Request) error {
	var in platform.QueueRequest
	name, err := host.DecodeNamed(r, &in, func() *string { return in.Name })
	if err != nil {
		return err
	}
	return host.CommitStored(s.Host, w, r, host.KindQueue, func(tx *store.Tx, p apihttp.Principal, o *store.Object, old platform.Queue) ([]byte, error) {
		var q platform.Queue
		if err := remarshal(in, &q); err != nil {
			return nil, err
		}
		if err := s.fillQueue(tx, p, &q, o.ID, name, &old); err != nil {
			return nil, err
		}
		return host.PutAudited(tx, p, host.KindQueue, q, audit.Event{Service: "Routing", EntityType: "Queue", Action: "Update", ID: o.ID, Name: name, Old: o.Data})
	})
}

func (s *api) deleteQueue(w http.ResponseWriter, r *http.Request) error {
	// forceDelete is accepted and has no effect: nothing here keeps a queue in use.
	if _, err := host.BoolParam(r, "forceDelete"); err != nil {
		return err
	}
	return s.DeleteStored(w, r, host.KindQueue, "Routing", "Queue", func(tx *store.Tx, o *store.Object) error {
		for _, kind := range []store.Kind{host.KindQueueMember, host.KindQueueWrapupCode} {
			for _, c := range tx.List(kind, o.ID) {
				tx.Delete(kind, c.ID)
			}
		}
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
