package orgserver

import (
	"net/http"
	"slices"
	"strings"
	"time"
	_ "time/tzdata" // validate IANA zones even on machines without a zoneinfo database

	"github.com/cxascode/cxascode/internal/orgserver/apihttp"
	"github.com/cxascode/cxascode/internal/orgserver/entity"
	"github.com/cxascode/cxascode/internal/orgserver/store"
	"github.com/cxascode/cxascode/internal/platform"
)

// Architect schedule groups: unique names, an IANA time zone and three lists of schedule
// references that must exist; delete refused while an IVR uses the group.
func (s *Server) scheduleGroupRoutes() {
	s.route("GET /api/v2/architect/schedulegroups", "routing:scheduleGroup:view", s.listScheduleGroups)
	s.route("POST /api/v2/architect/schedulegroups", "routing:scheduleGroup:add", s.createScheduleGroup)
	s.route("GET /api/v2/architect/schedulegroups/{id}", "routing:scheduleGroup:view", s.getScheduleGroup)
	s.route("PUT /api/v2/architect/schedulegroups/{id}", "routing:scheduleGroup:edit", s.putScheduleGroup)
	s.route("DELETE /api/v2/architect/schedulegroups/{id}", "routing:scheduleGroup:delete", s.deleteScheduleGroup)
}

// scheduleGroupSpec describes schedule groups to the shared versioned-entity handlers.
func scheduleGroupSpec() versionedSpec {
	return versionedSpec{
		kind: kindScheduleGroup, service: "Architect", entityType: "ScheduleGroup", noun: "schedule group",
		path: "/api/v2/architect/schedulegroups", uniqueName: true,
		inUse: func(tx *store.Tx, o *store.Object) error {
			for _, v := range tx.List(kindIVR, "") {
				var ivr platform.IVR
				if decodeObject(v, &ivr) == nil && ivr.ScheduleGroup != nil && deref(ivr.ScheduleGroup.ID) == o.ID {
					return apihttp.Conflict("The schedule group [%s] is used by the IVR [%s] (id %s); remove it from the IVR first.", o.Name, v.Name, v.ID)
				}
			}
			return nil
		},
		renamed: func(tx *store.Tx, id, name string) {
			for _, v := range tx.List(kindIVR, "") {
				var ivr platform.IVR
				if decodeObject(v, &ivr) != nil || ivr.ScheduleGroup == nil || deref(ivr.ScheduleGroup.ID) != id {
					continue
				}
				ivr.ScheduleGroup.Name = ptr(name)
				entity.Put(tx, v.Kind, v.ID, v.Parent, v.Name, ivr) //nolint:errcheck // re-marshalling a decoded model cannot fail
			}
		},
	}
}

func (s *Server) listScheduleGroups(w http.ResponseWriter, r *http.Request) error {
	ids := setOf(apihttp.MultiParam(r, "scheduleIds"))
	if len(ids) == 0 {
		return s.listVersioned(w, r, kindScheduleGroup, nil)
	}
	// scheduleIds keeps the groups that use any of the schedules, in any of the three lists.
	return s.listVersioned(w, r, kindScheduleGroup, func(o *store.Object) bool {
		var sg platform.ScheduleGroup
		if decodeObject(o, &sg) != nil {
			return false
		}
		for _, refs := range [][]platform.DomainEntityRef{sg.OpenSchedules, sg.ClosedSchedules, sg.HolidaySchedules} {
			if slices.ContainsFunc(refs, func(ref platform.DomainEntityRef) bool { return ids[deref(ref.ID)] }) {
				return true
			}
		}
		return false
	})
}

func (s *Server) getScheduleGroup(w http.ResponseWriter, r *http.Request) error {
	return s.serveStored(w, r, kindScheduleGroup)
}

func (s *Server) createScheduleGroup(w http.ResponseWriter, r *http.Request) error {
	return s.saveScheduleGroup(w, r, "")
}

func (s *Server) putScheduleGroup(w http.ResponseWriter, r *http.Request) error {
	return s.saveScheduleGroup(w, r, r.PathValue("id"))
}

func (s *Server) saveScheduleGroup(w http.ResponseWriter, r *http.Request, id string) error {
	var in platform.ScheduleGroup
	if err := apihttp.DecodeBody(r, &in); err != nil {
		return err
	}
	req := versionedRequest{Name: in.Name, Division: in.Division, Version: in.Version}
	spec := scheduleGroupSpec()
	return s.saveVersioned(w, r, spec, id, req, func(tx *store.Tx, m versionedMeta) (any, error) {
		sg := platform.ScheduleGroup{
			ID: ptr(m.id), Name: ptr(m.name), Division: m.division, Description: in.Description,
			Version: ptr(m.version), DateCreated: ptr(m.created), DateModified: ptr(m.now),
			CreatedBy: ptr(m.createdBy), ModifiedBy: ptr(m.client), State: ptr("active"),
			SelfURI: ptr(spec.path + "/" + m.id),
		}
		if tz := strings.TrimSpace(deref(in.TimeZone)); tz != "" {
			// LoadLocation also accepts "Local" and "", which are not IANA names.
			if _, err := time.LoadLocation(tz); err != nil || tz == "Local" {
				return nil, apihttp.BadRequest("The field [timeZone] must be an IANA time zone such as America/New_York, not [%s].", tz)
			}
			sg.TimeZone = ptr(tz)
		}
		var err error
		if sg.OpenSchedules, err = scheduleRefs(tx, "openSchedules", in.OpenSchedules); err != nil {
			return nil, err
		}
		if sg.ClosedSchedules, err = scheduleRefs(tx, "closedSchedules", in.ClosedSchedules); err != nil {
			return nil, err
		}
		if sg.HolidaySchedules, err = scheduleRefs(tx, "holidaySchedules", in.HolidaySchedules); err != nil {
			return nil, err
		}
		return sg, nil
	})
}

func (s *Server) deleteScheduleGroup(w http.ResponseWriter, r *http.Request) error {
	return s.deleteVersioned(w, r, scheduleGroupSpec())
}

// scheduleRefs resolves a list of schedule references (by id) to full references, dropping
// repeats; field names the list for errors.
func scheduleRefs(tx *store.Tx, field string, in []platform.DomainEntityRef) ([]platform.DomainEntityRef, error) {
	var out []platform.DomainEntityRef
	seen := map[string]bool{}
	for i, ref := range in {
		id := deref(ref.ID)
		if id == "" {
			return nil, apihttp.Required(field + "[" + itoa(i) + "].id")
		}
		if seen[id] {
			continue
		}
		seen[id] = true
		o := tx.Get(kindSchedule, id)
		if o == nil {
			return nil, apihttp.UnknownRef(field, id)
		}
		out = append(out, platform.DomainEntityRef{ID: ptr(id), Name: ptr(o.Name), SelfURI: ptr(scheduleSpec().path + "/" + id)})
	}
	return out, nil
}
