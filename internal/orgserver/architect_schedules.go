package orgserver

import (
	"net/http"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/cxascode/cxascode/internal/orgserver/apihttp"
	"github.com/cxascode/cxascode/internal/orgserver/audit"
	"github.com/cxascode/cxascode/internal/orgserver/entity"
	"github.com/cxascode/cxascode/internal/orgserver/store"
	"github.com/cxascode/cxascode/internal/platform"
	"github.com/google/uuid"
	"github.com/teambition/rrule-go"
)

// Architect schedules: unique names, start/end as zone-less local date-times, an optional
// iCal RRULE, PUT as full replace carrying the current version, hard delete refused while
// a schedule group uses the schedule.
func (s *Server) scheduleRoutes() {
	s.route("GET /api/v2/architect/schedules", "routing:schedule:view", s.listSchedules)
	s.route("POST /api/v2/architect/schedules", "routing:schedule:add", s.createSchedule)
	s.route("GET /api/v2/architect/schedules/{id}", "routing:schedule:view", s.getSchedule)
	s.route("PUT /api/v2/architect/schedules/{id}", "routing:schedule:edit", s.putSchedule)
	s.route("DELETE /api/v2/architect/schedules/{id}", "routing:schedule:delete", s.deleteSchedule)
}

// scheduleSpec describes schedules to the shared versioned-entity handlers.
func scheduleSpec() versionedSpec {
	return versionedSpec{
		kind: kindSchedule, service: "Architect", entityType: "Schedule", noun: "schedule",
		path: "/api/v2/architect/schedules", uniqueName: true,
		inUse: func(tx *store.Tx, o *store.Object) error {
			for _, g := range tx.List(kindScheduleGroup, "") {
				var sg platform.ScheduleGroup
				if decodeObject(g, &sg) != nil {
					continue
				}
				for _, refs := range [][]platform.DomainEntityRef{sg.OpenSchedules, sg.ClosedSchedules, sg.HolidaySchedules} {
					if slices.ContainsFunc(refs, func(ref platform.DomainEntityRef) bool { return deref(ref.ID) == o.ID }) {
						return apihttp.Conflict("The schedule [%s] is used by the schedule group [%s] (id %s); remove it from the group first.", o.Name, g.Name, g.ID)
					}
				}
			}
			return nil
		},
		renamed: func(tx *store.Tx, id, name string) {
			for _, g := range tx.List(kindScheduleGroup, "") {
				var sg platform.ScheduleGroup
				if decodeObject(g, &sg) != nil {
					continue
				}
				n := renameRefs(sg.OpenSchedules, id, name) + renameRefs(sg.ClosedSchedules, id, name) + renameRefs(sg.HolidaySchedules, id, name)
				if n > 0 {
					entity.Put(tx, g.Kind, g.ID, g.Parent, g.Name, sg) //nolint:errcheck // re-marshalling a decoded model cannot fail
				}
			}
		},
	}
}

func (s *Server) listSchedules(w http.ResponseWriter, r *http.Request) error {
	return s.listVersioned(w, r, kindSchedule, nil)
}

func (s *Server) getSchedule(w http.ResponseWriter, r *http.Request) error {
	return s.serveStored(w, r, kindSchedule)
}

func (s *Server) createSchedule(w http.ResponseWriter, r *http.Request) error {
	return s.saveSchedule(w, r, "")
}

func (s *Server) putSchedule(w http.ResponseWriter, r *http.Request) error {
	return s.saveSchedule(w, r, r.PathValue("id"))
}

func (s *Server) saveSchedule(w http.ResponseWriter, r *http.Request, id string) error {
	var in platform.Schedule
	if err := apihttp.DecodeBody(r, &in); err != nil {
		return err
	}
	req := versionedRequest{Name: in.Name, Division: in.Division, Version: in.Version}
	return s.saveVersioned(w, r, scheduleSpec(), id, req, func(tx *store.Tx, m versionedMeta) (any, error) {
		start, err := localDateTime("start", in.Start)
		if err != nil {
			return nil, err
		}
		end, err := localDateTime("end", in.End)
		if err != nil {
			return nil, err
		}
		if end < start { // same fixed-width layout, so text order is time order
			return nil, apihttp.BadRequest("The field [end] (%s) must not be before [start] (%s).", end, start)
		}
		rule := strings.TrimSpace(deref(in.Rrule))
		if rule != "" {
			if strings.ContainsAny(rule, "\r\n") {
				return nil, apihttp.BadRequest("The field [rrule] must be a single RRULE line, e.g. FREQ=WEEKLY;BYDAY=MO,TU.")
			}
			if _, err := rrule.StrToRRule(rule); err != nil {
				return nil, apihttp.BadRequest("The field [rrule] is not a valid iCal RRULE (%v): %s", err, rule)
			}
		}
		sc := platform.Schedule{
			ID: ptr(m.id), Name: ptr(m.name), Division: m.division, Description: in.Description,
			Version: ptr(m.version), DateCreated: ptr(m.created), DateModified: ptr(m.now),
			CreatedBy: ptr(m.createdBy), ModifiedBy: ptr(m.client), State: ptr("active"),
			Start: ptr(start), End: ptr(end), SelfURI: ptr(scheduleSpec().path + "/" + m.id),
		}
		if rule != "" {
			sc.Rrule = ptr(rule)
		}
		return sc, nil
	})
}

func (s *Server) deleteSchedule(w http.ResponseWriter, r *http.Request) error {
	return s.deleteVersioned(w, r, scheduleSpec())
}

// localDateTimeRE is the LocalDateTime the API takes: no zone, optional fraction (the Go
// SDK and TF send up to six digits, e.g. 2021-08-04T08:00:00.000000).
var localDateTimeRE = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?$`)

// localDateTime validates a required zone-less date-time and returns it in the API's
// output form, yyyy-MM-ddTHH:mm:ss.SSS.
func localDateTime(field string, v *string) (string, error) {
	s := strings.TrimSpace(deref(v))
	if s == "" {
		return "", apihttp.Required(field)
	}
	if !localDateTimeRE.MatchString(s) {
		return "", apihttp.BadRequest("The field [%s] must be a local date-time yyyy-MM-ddTHH:mm:ss.SSS without a zone, not [%s].", field, s)
	}
	t, err := time.Parse("2006-01-02T15:04:05.999999999", s)
	if err != nil {
		return "", apihttp.BadRequest("The field [%s] is not a valid date-time: [%s].", field, s)
	}
	return t.Format("2006-01-02T15:04:05.000"), nil
}

// renameRefs sets the name of every reference to id; it returns how many it changed.
func renameRefs(refs []platform.DomainEntityRef, id, name string) int {
	n := 0
	for i := range refs {
		if deref(refs[i].ID) == id && deref(refs[i].Name) != name {
			refs[i].Name = ptr(name)
			n++
		}
	}
	return n
}

// Shared handlers for the "versioned entity" family (schedules, schedule groups, IVRs,
// DID pools): id, name, division, description, integer version, created/modified data,
// state, selfUri; POST creates, PUT replaces when the body carries the current version,
// DELETE removes unless something still uses the entity.

// versionedSpec describes one versioned entity type.
type versionedSpec struct {
	kind       store.Kind
	service    string // audit service, e.g. "Architect"
	entityType string // audit entity type, e.g. "Schedule"
	noun       string // for messages, e.g. "schedule"
	path       string // collection path; selfUri = path + "/" + id
	uniqueName bool
	// inUse returns the conflict that blocks deleting o, or nil.
	inUse func(tx *store.Tx, o *store.Object) error
	// renamed refreshes the names other objects keep in their references to id.
	renamed func(tx *store.Tx, id, name string)
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
			if m.name != old.Name && spec.renamed != nil {
				spec.renamed(tx, m.id, m.name)
			}
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
	if spec.uniqueName {
		if existing := tx.FindByName(spec.kind, "", name); existing != nil && existing.ID != id {
			return versionedMeta{}, apihttp.Conflict("A %s named [%s] exists already (id %s).", spec.noun, name, existing.ID)
		}
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

// listVersioned serves the page-number listing with totalNumberOfEntities: name filter
// (wildcards as elsewhere), divisionId[], sortBy name|id, sortOrder asc|desc. keep, when
// set, applies the endpoint's own filters.
func (s *Server) listVersioned(w http.ResponseWriter, r *http.Request, kind store.Kind, keep func(o *store.Object) bool) error {
	p, err := apihttp.ParsePage(r, apihttp.MaxPageSize)
	if err != nil {
		return err
	}
	qs := r.URL.Query()
	sortBy, err := apihttp.SortByNameOrID(r)
	if err != nil {
		return err
	}
	desc, err := sortDescending(r)
	if err != nil {
		return err
	}
	name := qs.Get("name")
	divs := setOf(apihttp.MultiParam(r, "divisionId"))
	objs := s.listVisible(r, kind)
	if sortBy == "id" {
		slices.SortFunc(objs, func(a, b *store.Object) int { return strings.Compare(a.ID, b.ID) })
	}
	var items [][]byte
	for _, o := range objs {
		if !apihttp.NameMatches(name, o.Name, false) {
			continue
		}
		if len(divs) > 0 {
			var h versionedHeader
			if decodeObject(o, &h) != nil || h.Division == nil || !divs[h.Division.ID] {
				continue
			}
		}
		if keep != nil && !keep(o) {
			continue
		}
		items = append(items, o.Data)
	}
	if desc {
		slices.Reverse(items)
	}
	writeListingWithTotal(w, apihttp.NewListing(r, p, items))
	return nil
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

// dependencyTrackingRoutes serves the consumed-resources query the TF exporter uses.
// Dependencies come from published flow versions (architect_flow_deps.go); objects that
// are not flows consume nothing, so their listing is empty but well-formed (pageCount 0).
func (s *Server) dependencyTrackingRoutes() {
	s.route("GET /api/v2/architect/dependencytracking/consumedresources", "architect:dependencyTracking:view", s.listConsumedResources)
}

func (s *Server) listConsumedResources(w http.ResponseWriter, r *http.Request) error {
	p, err := apihttp.ParsePage(r, apihttp.MaxPageSize)
	if err != nil {
		return err
	}
	for _, key := range []string{"id", "version", "objectType"} {
		if r.URL.Query().Get(key) == "" {
			return apihttp.Required(key)
		}
	}
	q := r.URL.Query()
	items, _ := s.flowConsumedResources(apihttp.PrincipalOf(r.Context()).OrgID, q.Get("id"), q.Get("version"), apihttp.MultiParam(r, "resourceType"))
	apihttp.WriteJSON(w, http.StatusOK, apihttp.NewListing(r, p, items))
	return nil
}
