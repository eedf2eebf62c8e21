package release

import (
	"fmt"
	"maps"
	"reflect"
	"slices"
	"strings"

	tfjson "github.com/hashicorp/terraform-json"
)

// Placeholders shown instead of a value: one OpenTofu only learns at apply, one that must
// not reach a report.
const (
	unknownValue   = "(known after apply)"
	sensitiveValue = "(sensitive)"
)

// AttributeChange is one attribute (a path such as members[0].user_id) that the two
// providers plan differently: the value the current provider would leave it at, and the
// value the candidate would.
type AttributeChange struct {
	Path      string `json:"path"`
	Current   any    `json:"current"`
	Candidate any    `json:"candidate"`
}

// ResourceDiff is one resource whose planned change differs between the providers: each
// provider's actions (no-op, create, update, delete) and the attributes that differ.
type ResourceDiff struct {
	Address          string            `json:"address"`
	Kind             string            `json:"kind"`
	CurrentActions   []string          `json:"currentActions"`
	CandidateActions []string          `json:"candidateActions"`
	Attributes       []AttributeChange `json:"attributes,omitempty"`
}

// plannedResource is what one provider's plan says a resource ends up as.
type plannedResource struct {
	actions   []string
	values    map[string]any
	unknown   map[string]bool
	sensitive []string
}

// DiffPlans compares one project's resource changes as planned by the current provider and
// the candidate, against the same state and org. A plan with no changes is not read as
// JSON (it costs an OpenTofu run), so a resource missing from one side is a no-op there:
// it stays as the other side's plan found it (its "before").
func DiffPlans(current, candidate []*tfjson.ResourceChange) []ResourceDiff {
	cur, cand := managedByAddress(current), managedByAddress(candidate)
	var addresses []string
	for a := range cur {
		addresses = append(addresses, a)
	}
	for a := range cand {
		if _, ok := cur[a]; !ok {
			addresses = append(addresses, a)
		}
	}
	slices.Sort(addresses)
	var diffs []ResourceDiff
	for _, addr := range addresses {
		c, k := planned(cur[addr], cand[addr]), planned(cand[addr], cur[addr])
		attrs := diffAttributes(c, k)
		if len(attrs) == 0 && slices.Equal(c.actions, k.actions) {
			continue
		}
		rc := cur[addr]
		if rc == nil {
			rc = cand[addr]
		}
		diffs = append(diffs, ResourceDiff{Address: addr, Kind: rc.Type, CurrentActions: c.actions,
			CandidateActions: k.actions, Attributes: attrs})
	}
	return diffs
}

func managedByAddress(changes []*tfjson.ResourceChange) map[string]*tfjson.ResourceChange {
	out := map[string]*tfjson.ResourceChange{}
	for _, rc := range changes {
		if rc != nil && rc.Mode == tfjson.ManagedResourceMode && rc.Change != nil {
			out[rc.Address] = rc
		}
	}
	return out
}

// planned is what own's plan makes of a resource; when own's plan did not list it (no
// changes), the resource stays as other's plan found it.
func planned(own, other *tfjson.ResourceChange) plannedResource {
	if own == nil {
		return plannedResource{actions: []string{string(tfjson.ActionNoop)},
			values:    flatten(other.Change.Before),
			sensitive: truePaths(other.Change.BeforeSensitive)}
	}
	var actions []string
	for _, a := range own.Change.Actions {
		actions = append(actions, string(a))
	}
	unknown := map[string]bool{}
	for _, p := range truePaths(own.Change.AfterUnknown) {
		unknown[p] = true
	}
	return plannedResource{actions: actions, values: flatten(own.Change.After), unknown: unknown,
		sensitive: truePaths(own.Change.AfterSensitive)}
}

// diffAttributes lists the attribute paths whose planned values differ, sensitive ones
// masked.
func diffAttributes(cur, cand plannedResource) []AttributeChange {
	paths := map[string]bool{}
	for _, m := range []map[string]any{cur.values, cand.values} {
		for p := range m {
			paths[p] = true
		}
	}
	for _, m := range []map[string]bool{cur.unknown, cand.unknown} {
		for p := range m {
			paths[p] = true
		}
	}
	var out []AttributeChange
	for _, p := range slices.Sorted(maps.Keys(paths)) {
		cv, kv := cur.show(p), cand.show(p)
		if reflect.DeepEqual(cv, kv) {
			continue
		}
		if cur.isSensitive(p) || cand.isSensitive(p) {
			cv, kv = sensitiveValue, sensitiveValue
		}
		out = append(out, AttributeChange{Path: p, Current: cv, Candidate: kv})
	}
	return out
}

// show is the value the plan gives an attribute path, or the unknown placeholder.
func (r plannedResource) show(path string) any {
	if r.unknown[path] {
		return unknownValue
	}
	return r.values[path]
}

// isSensitive reports whether the path, or a block holding it, is sensitive.
func (r plannedResource) isSensitive(path string) bool {
	for _, s := range r.sensitive {
		if s == "" || path == s || strings.HasPrefix(path, s+".") || strings.HasPrefix(path, s+"[") {
			return true
		}
	}
	return false
}

// flatten turns a plan's nested value into attribute paths and leaf values. Empty lists
// and maps are leaves, so "none" and "null" stay distinct.
func flatten(v any) map[string]any {
	out := map[string]any{}
	var walk func(prefix string, v any)
	walk = func(prefix string, v any) {
		switch t := v.(type) {
		case map[string]any:
			if len(t) == 0 && prefix != "" {
				out[prefix] = t
			}
			for k, e := range t {
				walk(joinPath(prefix, k), e)
			}
		case []any:
			if len(t) == 0 {
				out[prefix] = t
			}
			for i, e := range t {
				walk(fmt.Sprintf("%s[%d]", prefix, i), e)
			}
		default:
			if prefix != "" {
				out[prefix] = t
			}
		}
	}
	walk("", v)
	return out
}

// truePaths lists the paths a plan's unknown or sensitive marks (true, or nested maps and
// lists of them) set; "" is the whole object.
func truePaths(v any) []string {
	var out []string
	var walk func(prefix string, v any)
	walk = func(prefix string, v any) {
		switch t := v.(type) {
		case bool:
			if t {
				out = append(out, prefix)
			}
		case map[string]any:
			for k, e := range t {
				walk(joinPath(prefix, k), e)
			}
		case []any:
			for i, e := range t {
				walk(fmt.Sprintf("%s[%d]", prefix, i), e)
			}
		}
	}
	walk("", v)
	return out
}

func joinPath(prefix, key string) string {
	if prefix == "" {
		return key
	}
	return prefix + "." + key
}
