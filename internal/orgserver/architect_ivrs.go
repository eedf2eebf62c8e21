package orgserver

import (
	"net/http"
	"slices"

	"github.com/cxascode/cxascode/internal/orgserver/apihttp"
	"github.com/cxascode/cxascode/internal/orgserver/store"
	"github.com/cxascode/cxascode/internal/platform"
)

// Architect IVR configurations: unique names, DNIS numbers (E.164, each inside an active
// DID pool and owned by one IVR only), three flow references and an optional schedule group.
func (s *Server) ivrRoutes() {
	s.route("GET /api/v2/architect/ivrs", "routing:callRoute:view", s.listIVRs)
	s.route("POST /api/v2/architect/ivrs", "routing:callRoute:add", s.createIVR)
	s.route("GET /api/v2/architect/ivrs/{id}", "routing:callRoute:view", s.getIVR)
	s.route("PUT /api/v2/architect/ivrs/{id}", "routing:callRoute:edit", s.putIVR)
	s.route("DELETE /api/v2/architect/ivrs/{id}", "routing:callRoute:delete", s.deleteIVR)
}

// ivrSpec describes IVRs to the shared versioned-entity handlers. Nothing stored here
// refers to an IVR (the DID listing derives ownership from the IVRs), so delete is free.
func ivrSpec() versionedSpec {
	return versionedSpec{
		kind: kindIVR, service: "Architect", entityType: "IVR", noun: "IVR",
		path: "/api/v2/architect/ivrs", uniqueName: true,
	}
}

func (s *Server) listIVRs(w http.ResponseWriter, r *http.Request) error {
	qs := r.URL.Query()
	dnis, group := qs.Get("dnis"), qs.Get("scheduleGroup")
	return s.listVersioned(w, r, kindIVR, func(o *store.Object) bool {
		if dnis == "" && group == "" {
			return true
		}
		var ivr platform.IVR
		if decodeObject(o, &ivr) != nil {
			return false
		}
		if dnis != "" && !slices.Contains(ivr.Dnis, dnis) {
			return false
		}
		return group == "" || (ivr.ScheduleGroup != nil && deref(ivr.ScheduleGroup.ID) == group)
	})
}

func (s *Server) getIVR(w http.ResponseWriter, r *http.Request) error {
	return s.serveStored(w, r, kindIVR)
}

func (s *Server) createIVR(w http.ResponseWriter, r *http.Request) error {
	return s.saveIVR(w, r, "")
}

func (s *Server) putIVR(w http.ResponseWriter, r *http.Request) error {
	return s.saveIVR(w, r, r.PathValue("id"))
}

func (s *Server) saveIVR(w http.ResponseWriter, r *http.Request, id string) error {
	var in platform.IVR
	if err := apihttp.DecodeBody(r, &in); err != nil {
		return err
	}
	req := versionedRequest{Name: in.Name, Division: in.Division, Version: in.Version}
	spec := ivrSpec()
	return s.saveVersioned(w, r, spec, id, req, func(tx *store.Tx, m versionedMeta) (any, error) {
		ivr := platform.IVR{
			ID: ptr(m.id), Name: ptr(m.name), Division: m.division, Description: in.Description,
			Version: ptr(m.version), DateCreated: ptr(m.created), DateModified: ptr(m.now),
			CreatedBy: ptr(m.createdBy), ModifiedBy: ptr(m.client), State: ptr("active"),
			SelfURI: ptr(spec.path + "/" + m.id),
		}
		dnis, err := ivrNumbers(tx, m.id, in.Dnis)
		if err != nil {
			return nil, err
		}
		ivr.Dnis = dnis
		for _, f := range []struct {
			field string
			in    *platform.DomainEntityRef
			out   **platform.DomainEntityRef
		}{
			{"openHoursFlow", in.OpenHoursFlow, &ivr.OpenHoursFlow},
			{"closedHoursFlow", in.ClosedHoursFlow, &ivr.ClosedHoursFlow},
			{"holidayHoursFlow", in.HolidayHoursFlow, &ivr.HolidayHoursFlow},
		} {
			ref, err := flowRef(tx, f.field, f.in)
			if err != nil {
				return nil, err
			}
			*f.out = ref
		}
		if in.ScheduleGroup != nil && deref(in.ScheduleGroup.ID) != "" {
			gid := *in.ScheduleGroup.ID
			g := tx.Get(kindScheduleGroup, gid)
			if g == nil {
				return nil, apihttp.UnknownRef("scheduleGroup", gid)
			}
			ivr.ScheduleGroup = &platform.DomainEntityRef{ID: ptr(gid), Name: ptr(g.Name), SelfURI: ptr(scheduleGroupSpec().path + "/" + gid)}
		}
		return ivr, nil
	})
}

func (s *Server) deleteIVR(w http.ResponseWriter, r *http.Request) error {
	return s.deleteVersioned(w, r, ivrSpec())
}

// flowRef resolves an IVR's flow reference: the flow must exist (400 naming the field).
func flowRef(tx *store.Tx, field string, in *platform.DomainEntityRef) (*platform.DomainEntityRef, error) {
	if in == nil || deref(in.ID) == "" {
		return nil, nil
	}
	f := tx.Get(kindFlow, *in.ID)
	if f == nil {
		return nil, apihttp.UnknownRef(field, *in.ID)
	}
	return &platform.DomainEntityRef{ID: in.ID, Name: ptr(f.Name), SelfURI: ptr("/api/v2/flows/" + *in.ID)}, nil
}

// ivrNumbers validates an IVR's DNIS list: E.164, inside an active DID pool, not used by
// another IVR. Repeats are dropped.
func ivrNumbers(tx *store.Tx, ivrID string, in []string) ([]string, error) {
	owners := ivrNumberOwners(tx.List(kindIVR, ""))
	pools := activePools(tx)
	var out []string
	for _, n := range in {
		if slices.Contains(out, n) {
			continue
		}
		if _, ok := parseE164(n); !ok {
			return nil, apihttp.BadRequest("The field [dnis] holds [%s], which is not an E.164 number such as +13175550100.", n)
		}
		if o := owners[n]; o != nil && o.ID != ivrID {
			return nil, apihttp.Conflict("The number [%s] in [dnis] belongs to the IVR [%s] (id %s) already.", n, o.Name, o.ID)
		}
		if poolFor(pools, n) == nil {
			return nil, apihttp.BadRequest("The number [%s] in [dnis] is not inside any active DID pool; create a pool covering it first.", n)
		}
		out = append(out, n)
	}
	return out, nil
}
