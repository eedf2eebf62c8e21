package orgserver

import (
	"net/http"
	"slices"
	"strings"
	"time"

	"github.com/cxascode/cxascode/internal/archy"
	"github.com/cxascode/cxascode/internal/kinds"
	"github.com/cxascode/cxascode/internal/orgserver/apihttp"
	"github.com/cxascode/cxascode/internal/orgserver/architect"
	"github.com/cxascode/cxascode/internal/orgserver/entity"
	"github.com/cxascode/cxascode/internal/orgserver/host"
	"github.com/cxascode/cxascode/internal/orgserver/store"
	"github.com/cxascode/cxascode/internal/platform"
)

// The call simulator on the admin surface: POST /admin/orgs/{org}/simulate routes a
// pretend inbound call through one org's IVRs, schedule groups and published flows and
// answers the path (archy.Result). It is an admin endpoint, not an API one, because
// Genesys Cloud has no such call; post-deploy tests drive it.

// simulateRequest is the body of a simulation.
type simulateRequest struct {
	DNIS string `json:"dnis"`
	ANI  string `json:"ani"`
	// Time is RFC 3339; empty means now.
	Time string `json:"time"`
	// DTMF holds the keys pressed, one per menu play ("" for no key).
	DTMF      []string          `json:"dtmf"`
	Decisions map[string]string `json:"decisions"`
}

func (s *Server) simulateCall(w http.ResponseWriter, r *http.Request, orgID string) error {
	var in simulateRequest
	if err := apihttp.DecodeAdminBody(r, &in); err != nil {
		return err
	}
	if strings.TrimSpace(in.DNIS) == "" {
		return apihttp.Required("dnis")
	}
	at := time.Now()
	if in.Time != "" {
		t, err := time.Parse(time.RFC3339, in.Time)
		if err != nil {
			return apihttp.BadRequest("The field [time] must be an RFC 3339 date-time such as 2026-03-10T10:00:00-04:00, not [%s].", in.Time)
		}
		at = t
	}
	call := archy.Call{DNIS: strings.TrimSpace(in.DNIS), ANI: in.ANI, Time: at, DTMF: in.DTMF, Decisions: in.Decisions}
	view := orgView{store: s.store, org: orgID, emergencyGroups: s.entities.StoreKind(kinds.EmergencyGroup)}
	res, err := archy.Simulate(r.Context(), view, call)
	if err != nil {
		return apihttp.BadRequest("%s", err.Error())
	}
	return apihttp.OK(w, res)
}

// orgView shows one org's stored objects to the simulator. Names match without case, as
// the org's uniqueness rules do; flows are their published versions.
type orgView struct {
	store *store.Store
	org   string
	// emergencyGroups is the store kind emergency groups (a generic kind) live under.
	emergencyGroups store.Kind
}

func (v orgView) IVRByDNIS(dnis string) (archy.IVR, bool) {
	for _, o := range v.store.List(v.org, host.KindIVR, "") {
		var ivr platform.IVR
		if host.DecodeObject(o, &ivr) != nil || !slices.Contains(ivr.Dnis, dnis) {
			continue
		}
		refID := func(ref *platform.DomainEntityRef) string {
			if ref == nil {
				return ""
			}
			return host.Deref(ref.ID)
		}
		return archy.IVR{ID: o.ID, Name: o.Name, DNIS: ivr.Dnis,
			OpenHoursFlow: refID(ivr.OpenHoursFlow), ClosedHoursFlow: refID(ivr.ClosedHoursFlow),
			HolidayHoursFlow: refID(ivr.HolidayHoursFlow), ScheduleGroup: refID(ivr.ScheduleGroup)}, true
	}
	return archy.IVR{}, false
}

func scheduleGroupOf(o *store.Object) (archy.ScheduleGroup, bool) {
	var sg platform.ScheduleGroup
	if host.DecodeObject(o, &sg) != nil {
		return archy.ScheduleGroup{}, false
	}
	ids := func(refs []platform.DomainEntityRef) []string {
		out := make([]string, 0, len(refs))
		for _, r := range refs {
			out = append(out, host.Deref(r.ID))
		}
		return out
	}
	return archy.ScheduleGroup{ID: o.ID, Name: o.Name, TimeZone: host.Deref(sg.TimeZone),
		Open: ids(sg.OpenSchedules), Closed: ids(sg.ClosedSchedules), Holiday: ids(sg.HolidaySchedules)}, true
}

func (v orgView) ScheduleGroup(id string) (archy.ScheduleGroup, bool) {
	return convertFound(v.store.Get(v.org, host.KindScheduleGroup, id), scheduleGroupOf)
}

func (v orgView) ScheduleGroupByName(name string) (archy.ScheduleGroup, bool) {
	return convertFound(v.byName(host.KindScheduleGroup, name), scheduleGroupOf)
}

func scheduleOf(o *store.Object) (archy.Schedule, bool) {
	var sc platform.Schedule
	if host.DecodeObject(o, &sc) != nil {
		return archy.Schedule{}, false
	}
	return archy.Schedule{ID: o.ID, Name: o.Name, Start: host.Deref(sc.Start), End: host.Deref(sc.End), RRule: host.Deref(sc.Rrule)}, true
}

func (v orgView) Schedule(id string) (archy.Schedule, bool) {
	return convertFound(v.store.Get(v.org, host.KindSchedule, id), scheduleOf)
}

func (v orgView) ScheduleByName(name string) (archy.Schedule, bool) {
	return convertFound(v.byName(host.KindSchedule, name), scheduleOf)
}

// convertFound is the simulator's view of o (of converts it), or not found when o is nil.
func convertFound[T any](o *store.Object, of func(*store.Object) (T, bool)) (T, bool) {
	if o == nil {
		var none T
		return none, false
	}
	return of(o)
}

func (v orgView) byName(kind store.Kind, name string) *store.Object {
	for _, o := range v.store.List(v.org, kind, "") {
		if strings.EqualFold(o.Name, name) {
			return o
		}
	}
	return nil
}

func (v orgView) QueueExists(name string) bool { return v.byName(host.KindQueue, name) != nil }

// FlowByID parses the published version of a flow that is not deleted.
func (v orgView) FlowByID(id string) (*archy.Flow, bool) {
	o := v.store.Get(v.org, host.KindFlow, id)
	if o == nil {
		return nil, false
	}
	return v.published(o)
}

func (v orgView) FlowByName(name, flowType string) (*archy.Flow, bool) {
	apiType := archy.APIType(flowType)
	for _, o := range v.store.List(v.org, host.KindFlow, "") {
		if !strings.EqualFold(o.Name, name) {
			continue
		}
		var f platform.Flow
		if host.DecodeObject(o, &f) == nil && host.Deref(f.Type) == apiType {
			if pf, ok := v.published(o); ok {
				return pf, true
			}
		}
	}
	return nil, false
}

func (v orgView) published(o *store.Object) (*archy.Flow, bool) {
	var f platform.Flow
	if host.DecodeObject(o, &f) != nil || host.Deref(f.Deleted) || f.PublishedVersion == nil {
		return nil, false
	}
	co := v.store.Get(v.org, host.KindFlowContent, o.ID+"/"+host.Deref(f.PublishedVersion.ID))
	if co == nil {
		return nil, false
	}
	var c architect.FlowContent
	if host.DecodeObject(co, &c) != nil {
		return nil, false
	}
	// Positions cite the flow by name: a simulated call can cross several flows.
	pf, err := archy.Parse(o.Name+".yaml", []byte(c.YAML))
	if err != nil {
		return nil, false
	}
	return pf, true
}

// DataAction finds a published data action by name whose category, or whose integration's
// name, is integration: Architect files actions under their category, which defaults to the
// integration's name.
func (v orgView) DataAction(integration, name string) (archy.DataAction, bool) {
	for _, o := range v.store.List(v.org, host.KindAction, "*") {
		if !strings.EqualFold(o.Name, name) {
			continue
		}
		var a platform.Action
		if host.DecodeObject(o, &a) != nil {
			continue
		}
		ig := v.store.Get(v.org, host.KindIntegration, o.Parent)
		if !strings.EqualFold(host.Deref(a.Category), integration) && (ig == nil || !strings.EqualFold(ig.Name, integration)) {
			continue
		}
		da := archy.DataAction{Name: o.Name, Integration: integration}
		if c := a.Contract; c != nil {
			if c.Input != nil {
				da.Inputs = archy.ContractFields(c.Input.InputSchema)
			}
			if c.Output != nil {
				da.Outputs = archy.ContractFields(c.Output.SuccessSchema)
			}
		}
		return da, true
	}
	return archy.DataAction{}, false
}

// EmergencyGroups lists the org's emergency groups that are not deleted.
func (v orgView) EmergencyGroups() []archy.EmergencyGroup {
	var out []archy.EmergencyGroup
	for _, o := range v.store.List(v.org, v.emergencyGroups, "*") {
		if entity.IsDeleted(o.Data) {
			continue
		}
		eg, err := archy.EmergencyGroupFromAPI(o.Data)
		if err != nil {
			continue
		}
		out = append(out, eg)
	}
	return out
}
