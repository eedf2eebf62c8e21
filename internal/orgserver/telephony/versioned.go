package telephony

import (
	"net/http"
	"strings"

	"github.com/cxascode/cxascode/internal/kinds"
	"github.com/cxascode/cxascode/internal/orgserver/apihttp"
	"github.com/cxascode/cxascode/internal/orgserver/audit"
	"github.com/cxascode/cxascode/internal/orgserver/entity"
	"github.com/cxascode/cxascode/internal/orgserver/host"
	"github.com/cxascode/cxascode/internal/orgserver/store"
	"github.com/cxascode/cxascode/internal/platform"
	"github.com/google/uuid"
)

// The write skeleton of a hand-written versioned entity (DID pools; the regular ones are
// the generic entity's): id, name, division, description, integer version, created/modified
// data, state, selfUri; POST creates, PUT replaces when the body carries the current
// version, DELETE removes unless something still uses the entity.

// versionedSpec describes one versioned entity type.
type versionedSpec struct {
	kind store.Kind
	// entry is the kind's catalogue entry: its audit service and entity, its collection.
	entry *kinds.Kind
	// inUse returns the conflict that blocks deleting o, or nil.
	inUse func(tx *store.Tx, o *store.Object) error
}

// versionedRoutes registers the standard routes of a versioned kind from its catalogue entry:
// list is the kind's own listing and save creates (id "") or replaces (id from the path) an
// object; reads and deletes are the skeleton's, the same for every versioned kind.
func (s *api) versionedRoutes(spec versionedSpec, list host.Handler, save func(w http.ResponseWriter, r *http.Request, id string) error) {
	s.KindRoutes(spec.entry.Name, host.KindHandlers{
		List:   list,
		Create: func(w http.ResponseWriter, r *http.Request) error { return save(w, r, "") },
		Update: func(w http.ResponseWriter, r *http.Request) error { return save(w, r, r.PathValue("id")) },
		Delete: func(w http.ResponseWriter, r *http.Request) error { return s.deleteVersioned(w, r, spec) },
	})
}

// selfURI is the path of the object with id.
func (spec versionedSpec) selfURI(id string) string { return spec.entry.API.Item(id) }

// versionedRequest is the part of a request body every versioned entity shares.
type versionedRequest struct {
	Name     *string
	Division *platform.WritableDivision
	Version  *int
	// DefaultName is the name when the request has none: a pool is named after its first
	// number, as the API model requires a name the official provider never sends.
	DefaultName string
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
func (s *api) saveVersioned(w http.ResponseWriter, r *http.Request, spec versionedSpec, id string, req versionedRequest,
	build func(tx *store.Tx, m versionedMeta) (any, error)) error {
	return s.CommitJSON(w, r, func(tx *store.Tx, p apihttp.Principal) ([]byte, error) {
		var old *store.Object
		var oldHeader versionedHeader
		if id != "" {
			o, h, err := host.LoadStored[versionedHeader](tx, spec.kind, id)
			if err != nil {
				return nil, err
			}
			if err := entity.CheckVersion(req.Version, h.Version); err != nil {
				return nil, err
			}
			old, oldHeader = o, h
		}
		m, err := versionedMetaOf(tx, p, req, id, old, oldHeader)
		if err != nil {
			return nil, err
		}
		v, err := build(tx, m)
		if err != nil {
			return nil, err
		}
		ev := audit.Event{Service: spec.entry.Audit.Service, EntityType: spec.entry.Audit.Entity, Action: "Create", ID: m.id, Name: m.name}
		if old != nil {
			ev.Action, ev.Old = "Update", old.Data
		}
		return host.PutAudited(tx, p, spec.kind, v, ev)
	})
}

// checkRangeOrder refuses a range whose end (endField) has another width than its start
// (startField) or lies below it.
func checkRangeOrder(startField, endField, startText, endText string, start, end int64) error {
	if len(endText) != len(startText) || end < start {
		return apihttp.BadRequest("The field [%s] (%s) must have as many digits as [%s] (%s) and not be below it.", endField, endText, startField, startText)
	}
	return nil
}

// versionedMetaOf validates the shared request fields and builds the header; old is the
// entity being replaced (nil on create), whose division stays when the request names none.
func versionedMetaOf(tx *store.Tx, p apihttp.Principal, req versionedRequest, id string, old *store.Object, oldHeader versionedHeader) (versionedMeta, error) {
	name := strings.TrimSpace(host.Deref(req.Name))
	if name == "" {
		name = req.DefaultName
	}
	if name == "" {
		return versionedMeta{}, apihttp.Required("name")
	}
	divID := ""
	if req.Division != nil {
		divID = host.Deref(req.Division.ID)
	}
	if divID == "" && oldHeader.Division != nil {
		divID = oldHeader.Division.ID
	}
	div, err := host.DivisionRef(tx, divID)
	if err != nil {
		return versionedMeta{}, err
	}
	client := p.ClientID
	now := apihttp.FormatTime(tx.Now())
	m := versionedMeta{
		id: id, name: name, version: 1, created: now, now: now, createdBy: client, client: client,
		division: div,
	}
	if old == nil {
		m.id = uuid.NewString()
		return m, nil
	}
	m.version = oldHeader.Version + 1
	m.created, m.createdBy = host.Deref(oldHeader.DateCreated), host.Deref(oldHeader.CreatedBy)
	return m, nil
}

// deleteVersioned hard-deletes an entity unless spec.inUse objects.
func (s *api) deleteVersioned(w http.ResponseWriter, r *http.Request, spec versionedSpec) error {
	return s.DeleteStored(w, r, spec.kind, spec.entry.Audit.Service, spec.entry.Audit.Entity, spec.inUse)
}
