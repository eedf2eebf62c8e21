package orgserver

import (
	"net/http"
	"strconv"
	"strings"

	"github.com/cxascode/cxascode/internal/orgserver/apihttp"
	"github.com/cxascode/cxascode/internal/orgserver/audit"
	"github.com/cxascode/cxascode/internal/orgserver/entity"
	"github.com/cxascode/cxascode/internal/orgserver/store"
	"github.com/cxascode/cxascode/internal/platform"
	"github.com/google/uuid"
)

// Helpers the hand-written API groups share that once lived beside the kinds now served by
// the generic entity (entity_routes.go).

func deref[T any](p *T) T {
	var zero T
	if p == nil {
		return zero
	}
	return *p
}

func setOf(xs []string) map[string]bool {
	m := make(map[string]bool, len(xs))
	for _, x := range xs {
		m[x] = true
	}
	return m
}

// queueWrapupCodeLinks lists the queue assignments of one wrap-up code.
func queueWrapupCodeLinks(tx *store.Tx, codeID string) []*store.Object {
	var out []*store.Object
	for _, c := range tx.List(kindQueueWrapupCode, "*") {
		if strings.HasSuffix(c.ID, "/"+codeID) {
			out = append(out, c)
		}
	}
	return out
}

// renameQueueWrapupCodeLinks gives a renamed code's queue assignments its new name, by which
// queue code lists sort (the child keeps it as its index name).
func renameQueueWrapupCodeLinks(tx *store.Tx, codeID, name string) {
	for _, c := range queueWrapupCodeLinks(tx, codeID) {
		tx.Put(&store.Object{Kind: c.Kind, ID: c.ID, Parent: c.Parent, Name: name, Data: c.Data})
	}
}

// deleteQueueWrapupCodeLinks drops a deleted code from every queue's code list: deleting a
// code that queues use is allowed (the contract names no conflict for it).
func deleteQueueWrapupCodeLinks(tx *store.Tx, codeID string) {
	for _, c := range queueWrapupCodeLinks(tx, codeID) {
		tx.Delete(c.Kind, c.ID)
	}
}

// ivrSpec names IVRs for the DID listing, which says which IVR owns a number.
func ivrSpec() versionedSpec {
	return versionedSpec{kind: kindIVR, service: "Architect", entityType: "IVR", noun: "IVR", path: "/api/v2/architect/ivrs"}
}

// Shared handlers for hand-written versioned entities (DID pools; the regular ones are the
// generic entity's): id, name, division, description, integer version, created/modified
// data, state, selfUri; POST creates, PUT replaces when the body carries the current
// version, DELETE removes unless something still uses the entity.

// versionedSpec describes one versioned entity type.
type versionedSpec struct {
	kind       store.Kind
	service    string // audit service, e.g. "Architect"
	entityType string // audit entity type, e.g. "Schedule"
	noun       string // for messages, e.g. "schedule"
	path       string // collection path; selfUri = path + "/" + id
	// inUse returns the conflict that blocks deleting o, or nil.
	inUse func(tx *store.Tx, o *store.Object) error
}

// versionedRequest is the part of a request body every versioned entity shares.
type versionedRequest struct {
	Name     *string
	Division *platform.WritableDivision
	Version  *int
}

// versionedHeader reads the shared fields of a stored entity.
type versionedHeader struct {
	Division *struct {
		ID string `json:"id"`
	} `json:"division"`
	Version     int     `json:"version"`
	DateCreated *string `json:"dateCreated"`
	CreatedBy   *string `json:"createdBy"`
}

// versionedMeta is the header a build function copies into the entity it returns.
type versionedMeta struct {
	id, name          string
	division          *platform.WritableDivision
	version           int
	created, now      string
	createdBy, client string
}

// saveVersioned creates (id == "") or replaces the entity with id. build validates the
// type's own fields and returns the entity to store.
func (s *Server) saveVersioned(w http.ResponseWriter, r *http.Request, spec versionedSpec, id string, req versionedRequest,
	build func(tx *store.Tx, m versionedMeta) (any, error)) error {
	return s.commitJSON(w, r, func(tx *store.Tx, p apihttp.Principal) ([]byte, error) {
		var old *store.Object
		var oldHeader versionedHeader
		if id != "" {
			o, h, err := loadStored[versionedHeader](tx, spec.kind, id)
			if err != nil {
				return nil, err
			}
			if err := entity.CheckVersion(req.Version, h.Version); err != nil {
				return nil, err
			}
			old, oldHeader = o, h
		}
		m, err := spec.meta(tx, p, req, id, old, oldHeader)
		if err != nil {
			return nil, err
		}
		v, err := build(tx, m)
		if err != nil {
			return nil, err
		}
		ev := audit.Event{Service: spec.service, EntityType: spec.entityType, Action: "Create", ID: m.id, Name: m.name}
		if old != nil {
			ev.Action, ev.Old = "Update", old.Data
		}
		return s.putAudited(tx, p, spec.kind, v, ev)
	})
}

// meta validates the shared request fields and builds the header; old is the entity being
// replaced (nil on create), whose division stays when the request names none.
func (spec versionedSpec) meta(tx *store.Tx, p apihttp.Principal, req versionedRequest, id string, old *store.Object, oldHeader versionedHeader) (versionedMeta, error) {
	name := strings.TrimSpace(deref(req.Name))
	if name == "" {
		return versionedMeta{}, apihttp.Required("name")
	}
	divID := ""
	if req.Division != nil {
		divID = deref(req.Division.ID)
	}
	if divID == "" && oldHeader.Division != nil {
		divID = oldHeader.Division.ID
	}
	divID, divName, err := entity.DivisionRef(tx, divID, "division.id")
	if err != nil {
		return versionedMeta{}, err
	}
	client := p.ClientID
	now := apihttp.FormatTime(tx.Now())
	m := versionedMeta{
		id: id, name: name, version: 1, created: now, now: now, createdBy: client, client: client,
		division: &platform.WritableDivision{ID: ptr(divID), Name: ptr(divName), SelfURI: ptr(entity.DivisionSelfURI(divID))},
	}
	if old == nil {
		m.id = uuid.NewString()
		return m, nil
	}
	m.version = oldHeader.Version + 1
	m.created, m.createdBy = deref(oldHeader.DateCreated), deref(oldHeader.CreatedBy)
	return m, nil
}

// deleteVersioned hard-deletes an entity unless spec.inUse objects.
func (s *Server) deleteVersioned(w http.ResponseWriter, r *http.Request, spec versionedSpec) error {
	return s.commitNoContent(w, r, func(tx *store.Tx, p apihttp.Principal) error {
		o, err := entity.Lookup(tx, spec.kind, r.PathValue("id"))
		if err != nil {
			return err
		}
		if spec.inUse != nil {
			if err := spec.inUse(tx, o); err != nil {
				return err
			}
		}
		s.deleteAudited(tx, p, o, spec.service, spec.entityType)
		return nil
	})
}

// sortDescending reads sortOrder, which these endpoints document as asc, ASC or ascending.
func sortDescending(r *http.Request) (bool, error) {
	switch v := strings.ToLower(r.URL.Query().Get("sortOrder")); v {
	case "", "asc", "ascending":
		return false, nil
	case "desc", "descending":
		return true, nil
	}
	return false, apihttp.InvalidValue("sortOrder", r.URL.Query().Get("sortOrder"), []string{"asc", "desc"})
}

// writeListingWithTotal writes the Architect/telephony listing variant, which repeats the
// total as totalNumberOfEntities.
func writeListingWithTotal(w http.ResponseWriter, l apihttp.Listing) {
	b := l.AppendJSON(apihttp.EncodeBuffer(w, l.EncodedLen()+64)) // room for totalNumberOfEntities
	b = append(b[:len(b)-1], `,"totalNumberOfEntities":`...)
	b = strconv.AppendInt(b, int64(l.Total), 10)
	apihttp.WriteRaw(w, http.StatusOK, append(b, '}'))
}
