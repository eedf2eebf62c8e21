package backport

import (
	"context"
	"sync"

	"github.com/cxascode/cxascode/internal/drift"
	"github.com/cxascode/cxascode/internal/kinds"
	"github.com/cxascode/cxascode/internal/workspace"
	tfjson "github.com/hashicorp/terraform-json"
)

// RecordingPlanner wraps a drift.Planner and keeps every plan it makes, so that backport
// can read what drift saw: each project's state (ids, flow files, substitutions).
type RecordingPlanner struct {
	Planner drift.Planner

	mu    sync.Mutex
	plans map[string]*tfjson.Plan
}

// RefreshPlan plans through the wrapped planner and records the plan.
func (r *RecordingPlanner) RefreshPlan(ctx context.Context, p *workspace.Project) (*tfjson.Plan, error) {
	plan, err := r.Planner.RefreshPlan(ctx, p)
	if err == nil && plan != nil {
		r.mu.Lock()
		if r.plans == nil {
			r.plans = map[string]*tfjson.Plan{}
		}
		r.plans[p.Name] = plan
		r.mu.Unlock()
	}
	return plan, err
}

// Plans returns the recorded plans by project name.
func (r *RecordingPlanner) Plans() map[string]*tfjson.Plan {
	r.mu.Lock()
	defer r.mu.Unlock()
	out := make(map[string]*tfjson.Plan, len(r.plans))
	for k, v := range r.plans {
		out[k] = v
	}
	return out
}

// stateObject is one resource or data source instance of a project's state.
type stateObject struct {
	Project string
	Address string // e.g. genesyscloud_routing_skill.billing or data.genesyscloud_routing_skill.billing
	Type    string
	Data    bool
	Values  map[string]any
}

func (o stateObject) name() string {
	s, _ := o.Values["name"].(string)
	return s
}

// stateIndex finds state objects by id and by address.
type stateIndex struct {
	byID   map[string][]stateObject
	byAddr map[string]stateObject // project + "\x00" + address
}

func newStateIndex(plans map[string]*tfjson.Plan) *stateIndex {
	ix := &stateIndex{byID: map[string][]stateObject{}, byAddr: map[string]stateObject{}}
	for project, plan := range plans {
		if plan == nil || plan.PriorState == nil || plan.PriorState.Values == nil || plan.PriorState.Values.RootModule == nil {
			continue
		}
		for _, r := range plan.PriorState.Values.RootModule.Resources {
			o := stateObject{Project: project, Address: r.Address, Type: r.Type, Data: r.Mode == tfjson.DataResourceMode, Values: r.AttributeValues}
			ix.byAddr[project+"\x00"+r.Address] = o
			if id, _ := r.AttributeValues["id"].(string); id != "" {
				ix.byID[id] = append(ix.byID[id], o)
			}
		}
	}
	return ix
}

// values returns the state's attribute values of address in project (nil: not found).
func (ix *stateIndex) values(project, address string) map[string]any {
	return ix.byAddr[project+"\x00"+address].Values
}

// inProject returns the object of project holding id (managed resources first).
func (ix *stateIndex) inProject(project, id string) (stateObject, bool) {
	var found stateObject
	ok := false
	for _, o := range ix.byID[id] {
		if o.Project != project {
			continue
		}
		if !o.Data {
			return o, true
		}
		found, ok = o, true
	}
	return found, ok
}

// anywhere returns some object holding id in any project (for its type and name): one
// with a name, or of a kind found by another key (a user by email).
func (ix *stateIndex) anywhere(id string) (stateObject, bool) {
	for _, o := range ix.byID[id] {
		k := kinds.Genesys().ByResource(o.Type)
		if o.name() != "" || k != nil && k.LookupKey() != "name" {
			return o, true
		}
	}
	return stateObject{}, false
}
