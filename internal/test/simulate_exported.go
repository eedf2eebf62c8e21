package test

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"sync"

	"github.com/cxascode/cxascode/internal/archy"
	"github.com/cxascode/cxascode/internal/backport"
	"github.com/cxascode/cxascode/internal/kinds"
	"github.com/cxascode/cxascode/internal/platform"
)

// ExportedSimulator runs calls here, on what an org holds: its IVRs, schedule groups and
// schedules read through the Platform API, and its flows' published versions exported as
// Archy YAML. A real org has no simulator of its own, so this is how its call tests check what
// is deployed. One ExportedSimulator serves a whole run: objects and flows are read once and
// shared by the tests running in parallel.
type ExportedSimulator struct {
	Client *platform.Client
	// HTTP downloads exported flows from their signed URLs (nil: http.DefaultClient).
	HTTP *http.Client

	mu    sync.Mutex
	cache map[string]any // "kind/id", "kind?name" → the object read (nil: not found)
}

// ExportedSuffix ends the file name positions cite for a flow read from an org's export: its
// lines are the export's, not those of the workspace's file.
const ExportedSuffix = " (exported from the org).yaml"

// Simulate places the call through the org's objects, read as it goes.
func (e *ExportedSimulator) Simulate(ctx context.Context, c *Call) (*archy.Result, error) {
	view := &exportedOrg{ctx: ctx, sim: e}
	res, err := archy.Simulate(ctx, view, archy.Call{DNIS: c.DNIS, ANI: c.ANI, Time: c.Time, DTMF: c.DTMF, Decisions: c.Decisions})
	if view.err != nil {
		// A path walked past an object the org could not be asked about is no evidence.
		return nil, fmt.Errorf("read the org for the call: %w", view.err)
	}
	return res, err
}

// cached reads a value once per run; read answers nil for "not found".
func (e *ExportedSimulator) cached(key string, read func() (any, error)) (any, error) {
	e.mu.Lock()
	if v, ok := e.cache[key]; ok {
		e.mu.Unlock()
		return v, nil
	}
	e.mu.Unlock()
	v, err := read()
	if err != nil {
		return nil, err
	}
	e.mu.Lock()
	defer e.mu.Unlock()
	if e.cache == nil {
		e.cache = map[string]any{}
	}
	e.cache[key] = v
	return v, nil
}

// exportedOrg is archy.Org over the API for one call; the first API error is kept, since the
// interface only answers found or not.
type exportedOrg struct {
	ctx context.Context
	sim *ExportedSimulator
	err error
}

func (o *exportedOrg) fail(err error) {
	if o.err == nil {
		o.err = err
	}
}

// byName finds an object of a catalogue kind by name (ignoring case), narrowed by query.
func (o *exportedOrg) byName(kind, name string, query url.Values) map[string]any {
	k := kinds.Genesys().Named(kind)
	key := kind + "?" + strings.ToLower(name) + "&" + query.Encode()
	v, err := o.sim.cached(key, func() (any, error) {
		q := url.Values{}
		for p, vs := range query {
			q[p] = vs
		}
		if name != "" {
			q.Set(k.API.NameFilter, name)
		}
		list, err := listing(o.ctx, o.sim.Client, k, k.API.Collection, q)
		if err != nil {
			return nil, fmt.Errorf("list %ss: %w", k.Noun, err)
		}
		for _, obj := range list {
			if n, _ := obj["name"].(string); name == "" || strings.EqualFold(n, name) {
				return obj, nil
			}
		}
		return nil, nil
	})
	if err != nil {
		o.fail(err)
	}
	obj, _ := v.(map[string]any)
	return obj
}

// byID reads an object of a catalogue kind; nil when the org has none.
func (o *exportedOrg) byID(kind, id string) map[string]any {
	k := kinds.Genesys().Named(kind)
	v, err := o.sim.cached(kind+"/"+id, func() (any, error) {
		var obj map[string]any
		err := o.sim.Client.Do(o.ctx, http.MethodGet, k.API.Item(id), nil, nil, &obj)
		if platform.IsNotFound(err) {
			return nil, nil
		}
		if err != nil {
			return nil, fmt.Errorf("read %s %s: %w", k.Noun, id, err)
		}
		return obj, nil
	})
	if err != nil {
		o.fail(err)
	}
	obj, _ := v.(map[string]any)
	return obj
}

func (o *exportedOrg) IVRByDNIS(dnis string) (archy.IVR, bool) {
	obj := o.byName(kinds.IVR, "", url.Values{"dnis": {dnis}})
	if obj == nil {
		return archy.IVR{}, false
	}
	ivr := archy.IVR{ID: str(obj, "id"), Name: str(obj, "name"), OpenHoursFlow: str(obj, "openHoursFlow.id"),
		ClosedHoursFlow: str(obj, "closedHoursFlow.id"), HolidayHoursFlow: str(obj, "holidayHoursFlow.id"),
		ScheduleGroup: str(obj, "scheduleGroup.id")}
	for _, d := range asList(obj["dnis"]) {
		if s, ok := d.(string); ok {
			ivr.DNIS = append(ivr.DNIS, s)
		}
	}
	return ivr, true
}

func scheduleGroupOf(obj map[string]any) (archy.ScheduleGroup, bool) {
	if obj == nil {
		return archy.ScheduleGroup{}, false
	}
	ids := func(field string) []string {
		var out []string
		for _, r := range asList(obj[field]) {
			if m, ok := r.(map[string]any); ok {
				out = append(out, str(m, "id"))
			}
		}
		return out
	}
	return archy.ScheduleGroup{ID: str(obj, "id"), Name: str(obj, "name"), TimeZone: str(obj, "timeZone"),
		Open: ids("openSchedules"), Closed: ids("closedSchedules"), Holiday: ids("holidaySchedules")}, true
}

func (o *exportedOrg) ScheduleGroup(id string) (archy.ScheduleGroup, bool) {
	return scheduleGroupOf(o.byID(kinds.ScheduleGroup, id))
}

func (o *exportedOrg) ScheduleGroupByName(name string) (archy.ScheduleGroup, bool) {
	return scheduleGroupOf(o.byName(kinds.ScheduleGroup, name, nil))
}

func scheduleOf(obj map[string]any) (archy.Schedule, bool) {
	if obj == nil {
		return archy.Schedule{}, false
	}
	return archy.Schedule{ID: str(obj, "id"), Name: str(obj, "name"), Start: str(obj, "start"), End: str(obj, "end"),
		RRule: str(obj, "rrule")}, true
}

func (o *exportedOrg) Schedule(id string) (archy.Schedule, bool) {
	return scheduleOf(o.byID(kinds.Schedule, id))
}

func (o *exportedOrg) ScheduleByName(name string) (archy.Schedule, bool) {
	return scheduleOf(o.byName(kinds.Schedule, name, nil))
}

func (o *exportedOrg) QueueExists(name string) bool { return o.byName(kinds.Queue, name, nil) != nil }

// FlowByID exports the flow's published version; a flow never published has none to run.
func (o *exportedOrg) FlowByID(id string) (*archy.Flow, bool) {
	meta := o.byID(kinds.Flow, id)
	if meta == nil || str(meta, "publishedVersion.id") == "" {
		return nil, false
	}
	v, err := o.sim.cached("flow-yaml/"+id, func() (any, error) {
		data, err := backport.ExportFlow(o.ctx, o.sim.Client, o.sim.HTTP, id)
		if err != nil {
			return nil, fmt.Errorf("export flow %q: %w", str(meta, "name"), err)
		}
		f, err := archy.Parse(str(meta, "name")+ExportedSuffix, data)
		if err != nil {
			return nil, fmt.Errorf("read the export of flow %q: %w", str(meta, "name"), err)
		}
		return f, nil
	})
	if err != nil {
		o.fail(err)
		return nil, false
	}
	f, _ := v.(*archy.Flow)
	return f, f != nil
}

func (o *exportedOrg) FlowByName(name, flowType string) (*archy.Flow, bool) {
	obj := o.byName(kinds.Flow, name, url.Values{"type": {archy.APIType(flowType)}})
	if obj == nil {
		return nil, false
	}
	return o.FlowByID(str(obj, "id"))
}

func str(obj map[string]any, path string) string {
	s, _ := kinds.Get(obj, path).(string)
	return s
}

func asList(v any) []any {
	l, _ := v.([]any)
	return l
}

// DataAction finds the data action by name whose category, or whose integration's name, is
// integration, and reads its contract.
func (o *exportedOrg) DataAction(integration, name string) (archy.DataAction, bool) {
	k := kinds.Genesys().Named(kinds.IntegrationAction)
	v, err := o.sim.cached(kinds.IntegrationAction+"?all", func() (any, error) {
		list, err := listing(o.ctx, o.sim.Client, k, k.API.Collection, nil)
		if err != nil {
			return nil, fmt.Errorf("list %ss: %w", k.Noun, err)
		}
		return list, nil
	})
	if err != nil {
		o.fail(err)
		return archy.DataAction{}, false
	}
	list, _ := v.([]map[string]any)
	for _, a := range list {
		if !strings.EqualFold(str(a, "name"), name) {
			continue
		}
		if !strings.EqualFold(str(a, "category"), integration) {
			ig := o.byID(kinds.Integration, str(a, "integrationId"))
			if ig == nil || !strings.EqualFold(str(ig, "name"), integration) {
				continue
			}
		}
		id := str(a, "id")
		full, err := o.sim.cached(kinds.IntegrationAction+"/"+id+"?contract", func() (any, error) {
			var obj map[string]any
			if err := o.sim.Client.Do(o.ctx, http.MethodGet, k.API.Item(id), url.Values{"expand": {"contract"}}, nil, &obj); err != nil {
				return nil, fmt.Errorf("read the contract of %s %q: %w", k.Noun, name, err)
			}
			return obj, nil
		})
		if err != nil {
			o.fail(err)
			return archy.DataAction{}, false
		}
		obj, _ := full.(map[string]any)
		schema := func(path string) json.RawMessage {
			raw, _ := json.Marshal(kinds.Get(obj, path))
			return raw
		}
		return archy.DataAction{Name: str(obj, "name"), Integration: integration,
			Inputs:  archy.ContractFields(schema("contract.input.inputSchema")),
			Outputs: archy.ContractFields(schema("contract.output.successSchema"))}, true
	}
	return archy.DataAction{}, false
}

// EmergencyGroups lists the org's emergency groups once per run.
func (o *exportedOrg) EmergencyGroups() []archy.EmergencyGroup {
	k := kinds.Genesys().Named(kinds.EmergencyGroup)
	v, err := o.sim.cached(kinds.EmergencyGroup+"?all", func() (any, error) {
		list, err := listing(o.ctx, o.sim.Client, k, k.API.Collection, nil)
		if err != nil {
			return nil, fmt.Errorf("list %ss: %w", k.Noun, err)
		}
		var out []archy.EmergencyGroup
		for _, obj := range list {
			raw, err := json.Marshal(obj)
			if err != nil {
				return nil, err
			}
			g, err := archy.EmergencyGroupFromAPI(raw)
			if err != nil {
				return nil, err
			}
			out = append(out, g)
		}
		return out, nil
	})
	if err != nil {
		o.fail(err)
	}
	groups, _ := v.([]archy.EmergencyGroup)
	return groups
}
