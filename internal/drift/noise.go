package drift

import (
	"encoding/json"
	"fmt"
	"reflect"
	"regexp"
	"sort"
	"strings"

	"github.com/cxascode/cxascode/internal/archy"
)

// Normalizer decides which differences between a resource's state and its refreshed value
// are real, so that a workspace that was just applied reports nothing. What it forgives:
//
//   - list order, except for attributes whose order means something (OrderedLists): the
//     API returns members, skills and wrap-up codes in its own order, and OpenTofu already
//     compares real sets without order, so a list that only moved is noise;
//   - JSON held in strings (data action contracts, integration config) compared as data,
//     so key order and spacing do not count;
//   - Archy flow YAML held in strings compared in archy's canonical form;
//   - null against an empty value ("" / [] / {}), and null against a server default
//     (Defaults): an attribute the code leaves out takes whatever the org fills in.
//
// The zero Normalizer forgives only the generic cases; DefaultNormalizer adds the known
// ordered lists and server defaults.
type Normalizer struct {
	// OrderedLists names attributes (the last path element) whose list order matters.
	OrderedLists map[string]bool
	// Defaults maps resource type → attribute path without indices ("a.b") → the value the
	// org fills in when the code leaves the attribute out.
	Defaults map[string]map[string]any
}

// DefaultNormalizer returns the normalizer drift uses unless told otherwise.
func DefaultNormalizer() *Normalizer {
	return &Normalizer{
		// Rules and bullseye rings are evaluated in order; reordering them changes routing.
		// Conditions and terms of role policies are evaluated in order too.
		OrderedLists: map[string]bool{
			"routing_rules": true, "bullseye_rings": true, "conditional_group_routing_rules": true,
			"rules": true, "conditions": true, "terms": true, "operands": true,
		},
		Defaults: map[string]map[string]any{},
	}
}

// Diff lists the attributes whose values differ between before (state) and after (the
// org), after normalization. before and after are a resource's attribute objects as the
// plan JSON holds them; sensitive trees mark values never to show (their changes are
// reported with the values hidden).
func (n *Normalizer) Diff(resourceType string, before, after, beforeSensitive, afterSensitive any) []AttrChange {
	w := differ{n: n, typ: resourceType}
	w.walk("", before, after, mergeSensitive(beforeSensitive, afterSensitive))
	sort.Slice(w.out, func(i, j int) bool { return w.out[i].Path < w.out[j].Path })
	return w.out
}

type differ struct {
	n   *Normalizer
	typ string
	out []AttrChange
}

// hidden replaces sensitive values in findings.
const hidden = "(sensitive)"

func (d *differ) add(path string, old, new any, sensitive any) {
	if isSensitive(sensitive) {
		old, new = hidden, hidden
	}
	d.out = append(d.out, AttrChange{Path: path, Old: old, New: new})
}

func (d *differ) walk(path string, old, new any, sensitive any) {
	if d.n.equal(d.typ, path, old, new) {
		return
	}
	switch o := old.(type) {
	case map[string]any:
		nm, ok := new.(map[string]any)
		if !ok {
			break
		}
		keys := map[string]bool{}
		for k := range o {
			keys[k] = true
		}
		for k := range nm {
			keys[k] = true
		}
		for k := range keys {
			d.walk(joinPath(path, k), o[k], nm[k], sensitiveChild(sensitive, k))
		}
		return
	case []any:
		nl, ok := new.([]any)
		if !ok || len(nl) != len(o) || (len(o) > 1 && !d.n.OrderedLists[lastElement(path)]) {
			break // an unordered list that changed is shown whole: its indices mean nothing
		}
		// Name the elements that changed (a block appears as a one-element list).
		for i := range o {
			d.walk(fmt.Sprintf("%s[%d]", path, i), o[i], nl[i], sensitiveChild(sensitive, i))
		}
		return
	}
	d.add(path, old, new, sensitive)
}

func joinPath(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}

// indexPattern strips list indices from a path for the Defaults and OrderedLists lookups.
var indexPattern = regexp.MustCompile(`\[\d+\]`)

func lastElement(path string) string {
	path = indexPattern.ReplaceAllString(path, "")
	if i := strings.LastIndexByte(path, '.'); i >= 0 {
		return path[i+1:]
	}
	return path
}

// equal reports whether two values at path are the same once normalized.
func (n *Normalizer) equal(typ, path string, old, new any) bool {
	if old == nil && new != nil {
		if isEmpty(new) {
			return true
		}
		if def, ok := n.Defaults[typ][indexPattern.ReplaceAllString(path, "")]; ok && reflect.DeepEqual(n.normalize(def, true), n.normalize(new, true)) {
			return true
		}
	}
	if new == nil && isEmpty(old) {
		return true
	}
	ordered := n.OrderedLists[lastElement(path)]
	return reflect.DeepEqual(n.normalize(old, !ordered), n.normalize(new, !ordered))
}

func isEmpty(v any) bool {
	switch t := v.(type) {
	case nil:
		return true
	case string:
		return t == ""
	case []any:
		return len(t) == 0
	case map[string]any:
		return len(t) == 0
	}
	return false
}

// normalize returns a comparable form of v: JSON and flow YAML in strings decoded to their
// canonical form, lists sorted unless ordered, nulls and empty values dropped from maps.
// Nested lists are treated as unordered unless their attribute is listed as ordered.
func (n *Normalizer) normalize(v any, unorderedList bool) any {
	switch t := v.(type) {
	case string:
		return normalizeString(t)
	case map[string]any:
		out := make(map[string]any, len(t))
		for k, x := range t {
			if isEmpty(x) {
				continue
			}
			out[k] = n.normalize(x, !n.OrderedLists[k])
		}
		return out
	case []any:
		out := make([]any, len(t))
		for i, x := range t {
			out[i] = n.normalize(x, true)
		}
		if unorderedList {
			sort.Slice(out, func(i, j int) bool { return sortKey(out[i]) < sortKey(out[j]) })
		}
		return out
	case json.Number:
		f, err := t.Float64()
		if err == nil {
			return f
		}
	case int:
		return float64(t)
	case int64:
		return float64(t)
	}
	return v
}

// jsonString and flowString wrap decoded string content so that a string holding JSON
// never equals the same data written as an attribute, nor a flow its raw text.
type jsonString struct{ v any }
type flowString struct{ canonical string }

func normalizeString(s string) any {
	trimmed := strings.TrimSpace(s)
	if trimmed == "" {
		return s
	}
	if c := trimmed[0]; c == '{' || c == '[' {
		var v any
		if json.Unmarshal([]byte(trimmed), &v) == nil {
			return jsonString{(&Normalizer{}).normalize(v, false)}
		}
	}
	if looksLikeFlow(trimmed) {
		if f, err := archy.Parse("flow.yaml", []byte(s)); err == nil {
			if c, err := archy.Canonical(f); err == nil {
				return flowString{string(c)}
			}
		}
	}
	return s
}

// looksLikeFlow is a cheap test before parsing: a multi-line document whose first key
// (after comments and a document marker) is an Archy flow type.
func looksLikeFlow(s string) bool {
	if !strings.Contains(s, "\n") {
		return false
	}
	for _, line := range strings.Split(s, "\n") {
		line = strings.TrimSpace(line)
		if line == "" || line == "---" || strings.HasPrefix(line, "#") {
			continue
		}
		key, _, ok := strings.Cut(line, ":")
		return ok && archy.APIType(strings.Trim(strings.TrimSpace(key), `"'`)) != ""
	}
	return false
}

func sortKey(v any) string {
	b, err := json.Marshal(plain(v))
	if err != nil {
		return fmt.Sprint(v)
	}
	return string(b)
}

// plain turns the wrapper types back into marshalable values for sort keys.
func plain(v any) any {
	switch t := v.(type) {
	case jsonString:
		return map[string]any{"json": plain(t.v)}
	case flowString:
		return map[string]any{"flow": t.canonical}
	case map[string]any:
		out := make(map[string]any, len(t))
		for k, x := range t {
			out[k] = plain(x)
		}
		return out
	case []any:
		out := make([]any, len(t))
		for i, x := range t {
			out[i] = plain(x)
		}
		return out
	}
	return v
}

// mergeSensitive combines the before and after sensitivity trees: a value is hidden when
// either side marks it.
func mergeSensitive(a, b any) any {
	if isSensitive(a) || isSensitive(b) {
		return true
	}
	switch at := a.(type) {
	case map[string]any:
		bt, _ := b.(map[string]any)
		out := map[string]any{}
		for k, v := range at {
			out[k] = mergeSensitive(v, bt[k])
		}
		for k, v := range bt {
			if _, ok := out[k]; !ok {
				out[k] = v
			}
		}
		return out
	case []any:
		bt, _ := b.([]any)
		out := make([]any, max(len(at), len(bt)))
		for i := range out {
			var x, y any
			if i < len(at) {
				x = at[i]
			}
			if i < len(bt) {
				y = bt[i]
			}
			out[i] = mergeSensitive(x, y)
		}
		return out
	}
	if b != nil {
		return b
	}
	return a
}

func isSensitive(s any) bool {
	b, ok := s.(bool)
	return ok && b
}

func sensitiveChild(s any, key any) any {
	if isSensitive(s) {
		return true
	}
	switch t := s.(type) {
	case map[string]any:
		if k, ok := key.(string); ok {
			return t[k]
		}
	case []any:
		if i, ok := key.(int); ok && i < len(t) {
			return t[i]
		}
	}
	return nil
}
