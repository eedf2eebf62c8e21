package routing

import (
	"encoding/json"
	"fmt"
	"net/http"
	"slices"
	"strings"

	"github.com/cxascode/cxascode/internal/orgserver/apihttp"
	"github.com/cxascode/cxascode/internal/orgserver/audit"
	"github.com/cxascode/cxascode/internal/orgserver/entity"
	"github.com/cxascode/cxascode/internal/orgserver/host"
	"github.com/cxascode/cxascode/internal/orgserver/store"
	"github.com/cxascode/cxascode/internal/platform"
)

// Queue members and queue wrap-up codes: child objects of a queue (Parent = queue id,
// ID = queue id + "/" + user or code id). Only users are members here: group-based
// membership is not modelled, so memberBy=group lists nothing.
func (s *api) queueMemberRoutes() {
	s.Route("GET /api/v2/routing/queues/{id}/members", "routing:queue:view", s.listQueueMembers)
	s.Route("POST /api/v2/routing/queues/{id}/members", "routing:queueMember:manage", s.postQueueMembers)
	s.Route("PATCH /api/v2/routing/queues/{id}/members", "routing:queueMember:manage", s.patchQueueMembers)
	s.Route("PATCH /api/v2/routing/queues/{id}/members/{memberId}", "routing:queueMember:manage", s.patchQueueMember)
	s.Route("DELETE /api/v2/routing/queues/{id}/members/{memberId}", "routing:queueMember:manage", s.deleteQueueMember)
}

func (s *api) queueWrapupCodeRoutes() {
	s.Route("GET /api/v2/routing/queues/{id}/wrapupcodes", "routing:queue:view", s.listQueueWrapupCodes)
	s.Route("POST /api/v2/routing/queues/{id}/wrapupcodes", "routing:queue:edit", s.postQueueWrapupCodes)
	s.Route("DELETE /api/v2/routing/queues/{id}/wrapupcodes/{codeId}", "routing:queue:edit", s.deleteQueueWrapupCode)
}

// maxQueueBatch is the most members or codes one request may carry, as on real orgs.
const maxQueueBatch = 100

// decodeBatch reads a request body listing at most maxQueueBatch of what noun names.
func decodeBatch[T any](r *http.Request, noun string) ([]T, error) {
	var in []T
	if err := apihttp.DecodeBody(r, &in); err != nil {
		return nil, err
	}
	if len(in) > maxQueueBatch {
		return nil, apihttp.BadRequest("The request may carry at most %d %s, not %d.", maxQueueBatch, noun, len(in))
	}
	return in, nil
}

const (
	minRingNumber = 1
	maxRingNumber = 6
)

func queueChildID(parent, id string) string { return parent + "/" + id }

// lookupQueueChild finds the queue of the path's {id} and its child of kind keyed by the
// path value childParam (a member's user id, a wrap-up code's id); 404 when either is absent.
func lookupQueueChild(tx *store.Tx, r *http.Request, kind store.Kind, childParam string) (queue, child *store.Object, err error) {
	q, err := entity.Lookup(tx, host.KindQueue, r.PathValue("id"))
	if err != nil {
		return nil, nil, err
	}
	c, err := entity.Lookup(tx, kind, queueChildID(q.ID, r.PathValue(childParam)))
	if err != nil {
		return nil, nil, err
	}
	return q, c, nil
}

func memberUserSelfURI(id string) string { return "/api/v2/users/" + id }

// queueMemberListing is QueueMemberEntityListing: page-number paging without total or
// pageCount (clients page until a page comes back empty).
type queueMemberListing struct {
	Entities    []json.RawMessage `json:"entities"`
	PageNumber  int               `json:"pageNumber"`
	PageSize    int               `json:"pageSize"`
	FirstURI    string            `json:"firstUri,omitempty"`
	SelfURI     string            `json:"selfUri,omitempty"`
	NextURI     string            `json:"nextUri,omitempty"`
	PreviousURI string            `json:"previousUri,omitempty"`
}

func (s *api) listQueueMembers(w http.ResponseWriter, r *http.Request) error {
	p, err := apihttp.ParsePage(r, maxQueueBatch)
	if err != nil {
		return err
	}
	memberBy, err := host.EnumParam(r, "memberBy", "user", "group")
	if err != nil {
		return err
	}
	desc, err := apihttp.SortDescending(r, "sortOrder", "asc", "desc")
	if err != nil {
		return err
	}
	qs := r.URL.Query()
	joinedSet := qs.Get("joined") != ""
	joined, err := host.BoolParam(r, "joined")
	if err != nil {
		return err
	}
	name := strings.ToLower(qs.Get("name"))
	q, err := s.Lookup(r, host.KindQueue, r.PathValue("id"))
	if err != nil {
		return err
	}
	var items [][]byte
	if memberBy != "group" {
		for _, o := range s.Store.List(apihttp.PrincipalOf(r.Context()).OrgID, host.KindQueueMember, q.ID) {
			if name != "" && !strings.Contains(strings.ToLower(o.Name), name) {
				continue
			}
			if joinedSet {
				var m platform.QueueMember
				if err := host.DecodeObject(o, &m); err != nil {
					return err
				}
				if host.Deref(m.Joined) != joined {
					continue
				}
			}
			items = append(items, o.Data)
		}
	}
	if desc {
		slices.Reverse(items)
	}
	l := queueMemberListing{Entities: []json.RawMessage{}, PageNumber: p.Number, PageSize: p.Size,
		FirstURI: apihttp.PageURI(r, p.Size, 1), SelfURI: apihttp.PageURI(r, p.Size, p.Number)}
	start, end := apihttp.PageWindow(len(items), p.Number, p.Size)
	for _, it := range items[start:end] {
		l.Entities = append(l.Entities, it)
	}
	if end < len(items) {
		l.NextURI = apihttp.PageURI(r, p.Size, p.Number+1)
	}
	if p.Number > 1 {
		l.PreviousURI = apihttp.PageURI(r, p.Size, p.Number-1)
	}
	return apihttp.OK(w, l)
}

func memberUserName(o *store.Object) string {
	var u platform.User
	if host.DecodeObject(o, &u) == nil && host.Deref(u.Name) != "" {
		return *u.Name
	}
	return o.Name
}

func putQueueMember(tx *store.Tx, queueID string, m platform.QueueMember) error {
	_, err := entity.Put(tx, host.KindQueueMember, queueChildID(queueID, *m.ID), queueID, host.Deref(m.Name), m)
	return err
}

// touchQueueCounts re-derives a queue's member counters after a membership change.
func touchQueueCounts(tx *store.Tx, queueID string) error {
	o, q, err := host.LoadStored[platform.Queue](tx, host.KindQueue, queueID)
	if err != nil {
		return err
	}
	setQueueCounts(tx, &q, queueID)
	_, err = entity.Put(tx, host.KindQueue, o.ID, "", o.Name, q)
	return err
}

// recordMembers writes the one audit message of a membership change on the queue.
func (s *api) recordMembers(tx *store.Tx, p apihttp.Principal, q *store.Object, action string, ids []string) {
	pc := platform.PropertyChange{Property: host.Ptr("members"), OldValues: []string{}, NewValues: []string{}}
	if action == "MemberRemove" {
		pc.OldValues = ids
	} else {
		pc.NewValues = ids
	}
	audit.Record(tx, p, audit.Event{Service: "Routing", EntityType: "Queue", Action: action, ID: q.ID, Name: q.Name,
		Changes: []platform.PropertyChange{pc}})
}

func (s *api) postQueueMembers(w http.ResponseWriter, r *http.Request) error {
	remove, err := host.BoolParam(r, "delete")
	if err != nil {
		return err
	}
	in, err := decodeBatch[platform.WritableEntity](r, "members")
	if err != nil {
		return err
	}
	for i, e := range in {
		if host.Deref(e.ID) == "" {
			return apihttp.Required(fmt.Sprintf("[%d].id", i))
		}
	}
	return s.CommitNoContent(w, r, func(tx *store.Tx, p apihttp.Principal) error {
		q, err := entity.Lookup(tx, host.KindQueue, r.PathValue("id"))
		if err != nil {
			return err
		}
		var changed []string
		for _, e := range in {
			uid := *e.ID
			existing := tx.Get(host.KindQueueMember, queueChildID(q.ID, uid))
			if remove {
				if existing != nil {
					tx.Delete(host.KindQueueMember, existing.ID)
					changed = append(changed, uid)
				}
				continue
			}
			u := entity.Live(tx, host.KindUser, uid)
			if u == nil {
				return apihttp.UnknownRef("id", uid)
			}
			if existing != nil {
				continue
			}
			name := memberUserName(u)
			m := platform.QueueMember{
				ID: host.Ptr(uid), Name: host.Ptr(name),
				User:       &platform.User{ID: host.Ptr(uid), Name: host.Ptr(name), SelfURI: host.Ptr(memberUserSelfURI(uid))},
				RingNumber: host.Ptr(1), Joined: host.Ptr(true), MemberBy: host.Ptr("user"), SelfURI: host.Ptr(memberUserSelfURI(uid)),
			}
			if err := putQueueMember(tx, q.ID, m); err != nil {
				return err
			}
			changed = append(changed, uid)
		}
		if len(changed) == 0 {
			return nil
		}
		if err := touchQueueCounts(tx, q.ID); err != nil {
			return err
		}
		action := "MemberAdd"
		if remove {
			action = "MemberRemove"
		}
		s.recordMembers(tx, p, q, action, changed)
		return nil
	})
}

// applyMemberUpdate changes ringNumber and joined of a stored member; field prefixes
// error messages.
func applyMemberUpdate(tx *store.Tx, o *store.Object, in platform.QueueMember, field string) (platform.QueueMember, error) {
	var m platform.QueueMember
	if err := host.DecodeObject(o, &m); err != nil {
		return m, err
	}
	if in.RingNumber == nil && in.Joined == nil {
		return m, apihttp.BadRequest("The member update must set [%sringNumber] or [%sjoined].", field, field)
	}
	if err := checkIntRange(field+"ringNumber", in.RingNumber, minRingNumber, maxRingNumber); err != nil {
		return m, err
	}
	if in.RingNumber != nil {
		m.RingNumber = in.RingNumber
	}
	if in.Joined != nil {
		m.Joined = in.Joined
	}
	return m, putQueueMember(tx, o.Parent, m)
}

func (s *api) patchQueueMembers(w http.ResponseWriter, r *http.Request) error {
	in, err := decodeBatch[platform.QueueMember](r, "members")
	if err != nil {
		return err
	}
	return host.CommitValue(s.Host, w, r, func(tx *store.Tx, p apihttp.Principal) (queueMemberListing, error) {
		l := queueMemberListing{Entities: []json.RawMessage{}, PageNumber: 1, PageSize: max(len(in), 1)}
		q, err := entity.Lookup(tx, host.KindQueue, r.PathValue("id"))
		if err != nil {
			return l, err
		}
		var ids []string
		for i, e := range in {
			field := fmt.Sprintf("[%d].", i)
			if host.Deref(e.ID) == "" {
				return l, apihttp.Required(field + "id")
			}
			o := tx.Get(host.KindQueueMember, queueChildID(q.ID, *e.ID))
			if o == nil {
				return l, apihttp.UnknownRef(field+"id", *e.ID)
			}
			m, err := applyMemberUpdate(tx, o, e, field)
			if err != nil {
				return l, err
			}
			b, err := json.Marshal(m)
			if err != nil {
				return l, err
			}
			l.Entities = append(l.Entities, b)
			ids = append(ids, *e.ID)
		}
		if len(ids) == 0 {
			return l, nil
		}
		if err := touchQueueCounts(tx, q.ID); err != nil {
			return l, err
		}
		s.recordMembers(tx, p, q, "MemberUpdate", ids)
		return l, nil
	})
}

func (s *api) patchQueueMember(w http.ResponseWriter, r *http.Request) error {
	var in platform.QueueMember
	if err := apihttp.DecodeBody(r, &in); err != nil {
		return err
	}
	return s.CommitNoContent(w, r, func(tx *store.Tx, p apihttp.Principal) error {
		q, o, err := lookupQueueChild(tx, r, host.KindQueueMember, "memberId")
		if err != nil {
			return err
		}
		if _, err := applyMemberUpdate(tx, o, in, ""); err != nil {
			return err
		}
		if err := touchQueueCounts(tx, q.ID); err != nil {
			return err
		}
		s.recordMembers(tx, p, q, "MemberUpdate", []string{r.PathValue("memberId")})
		return nil
	})
}

func (s *api) deleteQueueMember(w http.ResponseWriter, r *http.Request) error {
	return s.CommitNoContent(w, r, func(tx *store.Tx, p apihttp.Principal) error {
		q, o, err := lookupQueueChild(tx, r, host.KindQueueMember, "memberId")
		if err != nil {
			return err
		}
		tx.Delete(host.KindQueueMember, o.ID)
		if err := touchQueueCounts(tx, q.ID); err != nil {
			return err
		}
		s.recordMembers(tx, p, q, "MemberRemove", []string{r.PathValue("memberId")})
		return nil
	})
}

// Queue wrap-up code children store only the code id; reads join the current code so a
// renamed or re-described code shows up as it is now.

func (s *api) listQueueWrapupCodes(w http.ResponseWriter, r *http.Request) error {
	p, q, err := s.PageUnder(r, host.KindQueue)
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
	return apihttp.WritePage(w, r, p, items)
}

func (s *api) postQueueWrapupCodes(w http.ResponseWriter, r *http.Request) error {
	in, err := decodeBatch[platform.WrapUpCodeReference](r, "wrap-up codes")
	if err != nil {
		return err
	}
	return host.CommitValue(s.Host, w, r, func(tx *store.Tx, p apihttp.Principal) ([]json.RawMessage, error) {
		q, err := entity.Lookup(tx, host.KindQueue, r.PathValue("id"))
		if err != nil {
			return nil, err
		}
		out := []json.RawMessage{}
		var added []string
		for i, ref := range in {
			field := fmt.Sprintf("[%d].id", i)
			if host.Deref(ref.ID) == "" {
				return nil, apihttp.Required(field)
			}
			code := tx.Get(host.KindWrapupCode, *ref.ID)
			if code == nil {
				return nil, apihttp.UnknownRef(field, *ref.ID)
			}
			out = append(out, code.Data)
			cid := queueChildID(q.ID, code.ID)
			if tx.Get(host.KindQueueWrapupCode, cid) != nil {
				continue
			}
			if _, err := entity.Put(tx, host.KindQueueWrapupCode, cid, q.ID, code.Name, platform.WrapUpCodeReference{ID: host.Ptr(code.ID)}); err != nil {
				return nil, err
			}
			added = append(added, code.ID)
		}
		if len(added) > 0 {
			audit.Record(tx, p, audit.Event{Service: "Routing", EntityType: "Queue", Action: "Update", ID: q.ID, Name: q.Name,
				Changes: []platform.PropertyChange{{Property: host.Ptr("wrapupCodes"), OldValues: []string{}, NewValues: added}}})
		}
		return out, nil
	})
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
