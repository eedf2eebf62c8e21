package archy

import (
	"fmt"
	"slices"
	"strings"

	"gopkg.in/yaml.v3"
)

// containerKinds are the mapping keys whose value is an addressable part of a flow: the
// targets of startUpRef, targetMenuRef, targetTaskRef and the like, named by their refId.
var containerKinds = []string{"menu", "task", "state", "reusableTask", "bot"}

// knownRefKeys are the reference keys that must hold a menu/task/state address. Other keys
// ending in "Ref" are checked only when their value looks like an address, so that a key
// this package does not know about never produces a false error.
var knownRefKeys = []string{"startUpRef", "targetMenuRef", "targetTaskRef", "targetStateRef", "defaultChildMenuRef"}

// needsStartUpRef lists the flow types that cannot run without a starting menu, task or
// state. In-queue flows start with startUpTaskActions and bots with their bots, so a missing
// startUpRef is only an error here; where it is present it must resolve for every type.
var needsStartUpRef = []string{"inboundCall", "inboundChat", "inboundEmail", "inboundShortMessage", "outboundCall", "secureCall", "workflow"}

// container is one addressable menu, task or state.
type container struct {
	kind, refID, name string
	pos               Pos
}

// address is a parsed reference value: `/inboundCall/menus/menu[Main Menu_10]`,
// `./tasks/task[x]` or `./shared/x.yaml#/commonModule/tasks/task[y]`.
type address struct {
	file     string // the other file, for an external reference; "" otherwise
	flowType string // the first segment of an absolute address; "" for a relative one
	kind     string // "menu", "task", "state", …
	refID    string
}

// parseAddress splits a reference value. ok is false when s is not shaped like an address.
func parseAddress(s string) (a address, ok bool) {
	if i := strings.Index(s, "#"); i >= 0 {
		a.file, s = s[:i], s[i+1:]
	}
	open := strings.Index(s, "[")
	if open < 0 || !strings.HasSuffix(s, "]") {
		return a, false
	}
	prefix := s[:open]
	a.refID = s[open+1 : len(s)-1]
	slash := strings.LastIndex(prefix, "/")
	if slash < 0 {
		return a, false
	}
	a.kind = prefix[slash+1:]
	switch {
	case strings.HasPrefix(prefix, "./"):
	case strings.HasPrefix(prefix, "/"):
		a.flowType, _, _ = strings.Cut(prefix[1:], "/")
	default:
		return a, false
	}
	return a, a.kind != "" && a.refID != ""
}

// Validate checks what Architect would reject or silently get wrong when publishing: a
// missing name, references (startUpRef, targetMenuRef, targetTaskRef, …) that do not resolve
// to a menu, task or state of this flow, repeated refIds, two choices of one menu on the same
// DTMF key or speech term, and repeated mapping keys. References into other files are not
// checked here: References reports them with kind RefFile.
func (f *Flow) Validate() Errors {
	var errs Errors
	add := func(n *yaml.Node, format string, a ...any) {
		errs = append(errs, Error{Pos: f.Pos(n), Msg: fmt.Sprintf(format, a...)})
	}
	if f.Root == nil {
		return Errors{{Pos: f.TypePos, Msg: "the flow has no body"}}
	}

	if n := mapValue(f.Root, "name"); n == nil {
		errs = append(errs, Error{Pos: f.TypePos, Msg: fmt.Sprintf("%s has no name: add `name:` (the flow's identity in the org)", f.Type)})
	} else if n.Kind != yaml.ScalarNode || strings.TrimSpace(n.Value) == "" {
		add(n, "the flow name must be a non-empty string")
	}

	defs := map[string]container{} // kind + "[" + refId + "]"
	byID := map[string]container{}
	walk(f.Root, nil, func(n *yaml.Node, _ []string) {
		if n.Kind != yaml.MappingNode {
			return
		}
		seen := map[string]*yaml.Node{}
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, v := n.Content[i], n.Content[i+1]
			if first, dup := seen[k.Value]; dup {
				add(k, "key %q is repeated (first at line %d); YAML keeps only one of them", k.Value, first.Line)
			} else {
				seen[k.Value] = k
			}
			if !slices.Contains(containerKinds, k.Value) || v.Kind != yaml.MappingNode {
				continue
			}
			id := mapValue(v, "refId")
			if id == nil || id.Kind != yaml.ScalarNode || id.Value == "" {
				continue
			}
			c := container{kind: k.Value, refID: id.Value, name: scalarField(v, "name"), pos: f.Pos(id)}
			if prev, dup := byID[id.Value]; dup {
				add(id, "refId %q is already used by %s %q at %s; refIds must be unique in a flow", id.Value, prev.kind, prev.name, prev.pos)
				continue
			}
			byID[id.Value] = c
			defs[c.kind+"["+c.refID+"]"] = c
		}
	})

	resolve := func(key string, v *yaml.Node) {
		if v.Kind != yaml.ScalarNode {
			add(v, "%s must be a string like \"/%s/menus/menu[refId]\"", key, f.Type)
			return
		}
		a, ok := parseAddress(v.Value)
		if !ok {
			if slices.Contains(knownRefKeys, key) {
				add(v, "%s %q is not a menu, task or state address: want \"/%s/menus/menu[refId]\" or \"./tasks/task[refId]\"", key, v.Value, f.Type)
			}
			return
		}
		if a.file != "" {
			return // another file: a dependency, reported by References
		}
		if a.flowType != "" && a.flowType != f.Type {
			add(v, "%s %q addresses a %s flow, but this flow is %s", key, v.Value, a.flowType, f.Type)
			return
		}
		if _, found := defs[a.kind+"["+a.refID+"]"]; found {
			return
		}
		if c, found := byID[a.refID]; found {
			add(v, "%s %q points at a %s, but refId %q is a %s (%s)", key, v.Value, a.kind, a.refID, c.kind, c.pos)
			return
		}
		add(v, "%s %q does not resolve: no %s has refId %q%s", key, v.Value, a.kind, a.refID, suggest(byID, a.kind))
	}

	start := mapValue(f.Root, "startUpRef")
	switch {
	case start != nil:
		resolve("startUpRef", start)
	case slices.Contains(needsStartUpRef, f.Type):
		errs = append(errs, Error{Pos: f.TypePos, Msg: fmt.Sprintf("%s has no startUpRef: add `startUpRef: \"/%s/menus/menu[refId]\"` (or a task/state)", f.Type, f.Type)})
	}
	walk(f.Root, nil, func(n *yaml.Node, _ []string) {
		if n.Kind != yaml.MappingNode {
			return
		}
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, v := n.Content[i], n.Content[i+1]
			if n == f.Root && k.Value == "startUpRef" {
				continue
			}
			if strings.HasSuffix(k.Value, "Ref") && v.Kind == yaml.ScalarNode {
				resolve(k.Value, v)
			}
			if k.Value == "menu" && v.Kind == yaml.MappingNode {
				errs = append(errs, checkChoices(f, v)...)
			}
		}
	})
	slices.SortStableFunc(errs, func(a, b Error) int {
		if a.Pos.Line != b.Pos.Line {
			return a.Pos.Line - b.Pos.Line
		}
		return a.Pos.Column - b.Pos.Column
	})
	return errs
}

// suggest lists the refIds of the wanted kind, so that a typo is easy to fix.
func suggest(byID map[string]container, kind string) string {
	var ids []string
	for id, c := range byID {
		if c.kind == kind {
			ids = append(ids, fmt.Sprintf("%q", id))
		}
	}
	if len(ids) == 0 {
		return ""
	}
	slices.Sort(ids)
	if len(ids) > 10 {
		ids = append(ids[:10], "…")
	}
	return "; known " + kind + " refIds: " + strings.Join(ids, ", ")
}

// checkChoices reports menu choices that share a DTMF key, or a speech term in one language:
// Architect keeps one of them and the caller never reaches the other.
func checkChoices(f *Flow, menu *yaml.Node) Errors {
	var errs Errors
	choices := mapValue(menu, "choices")
	if choices == nil || choices.Kind != yaml.SequenceNode {
		return nil
	}
	menuName := scalarField(menu, "name")
	type use struct {
		choice string
		pos    Pos
	}
	dtmf := map[string]use{}
	terms := map[[2]string]use{} // language, lower-cased term
	for _, item := range choices.Content {
		if item.Kind != yaml.MappingNode || len(item.Content) < 2 {
			continue
		}
		body := item.Content[1]
		choice := scalarField(body, "name")
		if choice == "" {
			choice = item.Content[0].Value
		}
		if d := mapValue(body, "dtmf"); d != nil && d.Kind == yaml.ScalarNode && d.Value != "" {
			if prev, dup := dtmf[d.Value]; dup {
				errs = append(errs, Error{Pos: f.Pos(d), Msg: fmt.Sprintf("DTMF %s of choice %q in menu %q is already taken by choice %q at %s",
					d.Value, choice, menuName, prev.choice, prev.pos)})
			} else {
				dtmf[d.Value] = use{choice, f.Pos(d)}
			}
		}
		sr := mapValue(body, "speechRecTerms")
		if sr == nil {
			continue
		}
		for lang, term := range speechTerms(sr) {
			key := [2]string{lang, strings.ToLower(strings.TrimSpace(term.Value))}
			if key[1] == "" {
				continue
			}
			if prev, dup := terms[key]; dup && prev.choice != choice {
				errs = append(errs, Error{Pos: f.Pos(term), Msg: fmt.Sprintf("speech term %q of choice %q in menu %q is already used by choice %q at %s",
					term.Value, choice, menuName, prev.choice, prev.pos)})
			} else if !dup {
				terms[key] = use{choice, f.Pos(term)}
			}
		}
	}
	return errs
}

// speechTerms yields the terms under a speechRecTerms value with their language: the key
// under speechRecTerms when it is a per-language mapping (`en-us: {terms: [...]}`), "" when
// the terms are written directly. Only the shape varies between exports; every string
// leaf is a term, except the values of wrapper keys like `noValue`.
func speechTerms(sr *yaml.Node) func(yield func(string, *yaml.Node) bool) {
	return func(yield func(string, *yaml.Node) bool) {
		var leaves func(lang string, n *yaml.Node) bool
		leaves = func(lang string, n *yaml.Node) bool {
			switch n.Kind {
			case yaml.ScalarNode:
				return yield(lang, n)
			case yaml.SequenceNode:
				for _, c := range n.Content {
					if !leaves(lang, c) {
						return false
					}
				}
			case yaml.MappingNode:
				for i := 0; i+1 < len(n.Content); i += 2 {
					if n.Content[i].Value == "noValue" {
						continue
					}
					if !leaves(lang, n.Content[i+1]) {
						return false
					}
				}
			}
			return true
		}
		if sr.Kind == yaml.MappingNode {
			for i := 0; i+1 < len(sr.Content); i += 2 {
				k := sr.Content[i].Value
				if k == "noValue" {
					continue
				}
				if !leaves(k, sr.Content[i+1]) {
					return
				}
			}
			return
		}
		leaves("", sr)
	}
}
