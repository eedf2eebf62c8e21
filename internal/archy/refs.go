package archy

import (
	"cmp"
	"regexp"
	"slices"
	"strings"

	"gopkg.in/yaml.v3"
)

// RefKind is the kind of object a flow refers to by name.
type RefKind string

// The kinds of by-name references a flow can hold; each matches the Terraform resource that
// must exist before the flow is published.
const (
	RefQueue          RefKind = "queue"
	RefSkill          RefKind = "skill"
	RefLanguage       RefKind = "language"
	RefDataAction     RefKind = "dataAction"
	RefScheduleGroup  RefKind = "scheduleGroup"
	RefSchedule       RefKind = "schedule"
	RefEmergencyGroup RefKind = "emergencyGroup"
	RefPrompt         RefKind = "prompt"
	RefCommonModule   RefKind = "commonModule"
	RefFlow           RefKind = "flow"
	RefDataTable      RefKind = "dataTable"
	RefUser           RefKind = "user"
	RefGroup          RefKind = "group"
	RefWrapupCode     RefKind = "wrapupCode"
	RefIntegration    RefKind = "integration"
	RefContactList    RefKind = "contactList"
	RefDivision       RefKind = "division"
	// RefScript is the script a call's agent sees (`screenPopScript: {Script Name: {…}}`,
	// the script's inputs under its name, as a common module's).
	RefScript RefKind = "script"
	// RefFile is a reference into another YAML file (`./shared/x.yaml#/…`); Name is the file
	// as written and Path the address inside it.
	RefFile RefKind = "file"
)

// Ref is one by-name reference from a flow to another object.
type Ref struct {
	Kind RefKind
	Name string
	// Integration is, for a data action, the integration (category) that holds it.
	Integration string
	// FlowType is, for flow and common-module references, the YAML type of the target flow
	// when the reference implies it ("" when it does not).
	FlowType string
	// Path is, for RefFile, the address inside the other file.
	Path string
	Pos  Pos
}

// litKeys maps keys whose value names an object as `{lit: {name: X}}` to the kind named.
// The same keys name objects in updateData statements (`queue: {value: {lit: {name}}}`).
var litKeys = map[string]RefKind{
	"targetQueue":          RefQueue,
	"queue":                RefQueue,
	"queues":               RefQueue,
	"acdSkill":             RefSkill,
	"skill":                RefSkill,
	"skills":               RefSkill,
	"languageSkill":        RefLanguage,
	"defaultLanguageSkill": RefLanguage,
	"scheduleGroup":        RefScheduleGroup,
	"schedule":             RefSchedule,
	"emergencyGroup":       RefEmergencyGroup,
	"wrapupCode":           RefWrapupCode,
	"user":                 RefUser,
	"targetUser":           RefUser,
	"group":                RefGroup,
	"targetGroup":          RefGroup,
	"contactList":          RefContactList,
	"dataTable":            RefDataTable,
	"commonModule":         RefCommonModule,
	"dataAction":           RefDataAction,
	"integration":          RefIntegration,
	"targetFlow":           RefFlow,
	"flow":                 RefFlow,
	"overrideInQueueFlow":  RefFlow,
	"botFlow":              RefFlow,
	"digitalBotFlow":       RefFlow,
	"screenPopScript":      RefScript,
}

// variableKinds maps typed variables (`queueVariable: {initialValue: {lit: {name: X}}}`,
// also the `…CollectionVariable` forms) to the kind their initial value names.
var variableKinds = map[string]RefKind{
	"queue":          RefQueue,
	"skill":          RefSkill,
	"languageSkill":  RefLanguage,
	"user":           RefUser,
	"group":          RefGroup,
	"scheduleGroup":  RefScheduleGroup,
	"schedule":       RefSchedule,
	"emergencyGroup": RefEmergencyGroup,
	"wrapupCode":     RefWrapupCode,
	"prompt":         RefPrompt,
}

// findActions maps the Find actions (`findQueue: {findName: {lit: X}}`) to the kind they find.
var findActions = map[string]RefKind{
	"findQueue":          RefQueue,
	"findSkill":          RefSkill,
	"findLanguageSkill":  RefLanguage,
	"findUser":           RefUser,
	"findGroup":          RefGroup,
	"findScheduleGroup":  RefScheduleGroup,
	"findSchedule":       RefSchedule,
	"findEmergencyGroup": RefEmergencyGroup,
	"findUserPrompt":     RefPrompt,
}

// findFuncs maps the expression functions that look objects up by name to the kind found.
var findFuncs = map[string]RefKind{
	"FindQueue":          RefQueue,
	"FindSkill":          RefSkill,
	"FindLanguageSkill":  RefLanguage,
	"FindScheduleGroup":  RefScheduleGroup,
	"FindSchedule":       RefSchedule,
	"FindEmergencyGroup": RefEmergencyGroup,
	"FindUserPrompt":     RefPrompt,
	"FindGroup":          RefGroup,
	"FindUser":           RefUser,
}

// findCallRe matches a Find function call; the argument is a string literal in group 2 or
// 3 (Architect expressions quote with ", some exports with '), anything else in group 4.
var findCallRe = regexp.MustCompile(`\b(Find[A-Za-z]+)\s*\(\s*(?:"((?:[^"\\]|\\.)*)"\s*[,)]|'((?:[^'\\]|\\.)*)'\s*[,)]|([^)]*))`)

// promptRe matches a user prompt used by name in an audio or expression value. System
// prompts (PromptSystem.x) are built in and are no dependency; `\b` alone would not exclude
// `Flow.Prompt.x`, hence the explicit check of the preceding character.
var promptRe = regexp.MustCompile(`(^|[^A-Za-z0-9_.])Prompt\.([A-Za-z0-9_]+)`)

// transferFlowType is the flow type a transferToFlow action targets from a flow of the key's
// type: a call goes to an inbound call flow, a message to an inbound message flow.
var transferFlowType = map[string]string{
	"inboundCall":         "inboundCall",
	"inqueueCall":         "inboundCall",
	"outboundCall":        "inboundCall",
	"secureCall":          "inboundCall",
	"inboundShortMessage": "inboundShortMessage",
	"inqueueShortMessage": "inboundShortMessage",
	"inboundChat":         "inboundChat",
}

// References returns every object the flow names, deduplicated by kind, name, integration
// and flow type (keeping the first position) and sorted by position. It recognises the
// reference shapes of Archy YAML wherever they appear in the tree: `{lit: {name: X}}` under
// a known key, data actions as `category: {Integration: {dataAction: {Action: …}}}`,
// modules, bots and tables named by key, user prompts (`Prompt.X`), Find… actions and Find…
// expression calls with a literal name, references into other files, and the division.
// Names are returned as written, so substitute `{{key}}` placeholders first.
func (f *Flow) References() []Ref {
	var refs []Ref
	add := func(kind RefKind, n *yaml.Node, name string) *Ref {
		if name = strings.TrimSpace(name); name == "" {
			return nil
		}
		refs = append(refs, Ref{Kind: kind, Name: name, Pos: f.Pos(n)})
		return &refs[len(refs)-1]
	}
	if f.Root == nil {
		return nil
	}
	if d := mapValue(f.Root, "division"); d != nil && d.Kind == yaml.ScalarNode {
		add(RefDivision, d, d.Value)
	}
	walk(f.Root, nil, func(n *yaml.Node, path []string) {
		switch n.Kind {
		case yaml.ScalarNode:
			f.scalarRefs(n, path, add)
		case yaml.MappingNode:
			for i := 0; i+1 < len(n.Content); i += 2 {
				f.pairRefs(n, n.Content[i], n.Content[i+1], path, add)
			}
		}
	})
	return dedup(refs)
}

type addFunc func(kind RefKind, n *yaml.Node, name string) *Ref

// scalarRefs finds references inside one string: prompts, Find… calls, other files.
func (f *Flow) scalarRefs(n *yaml.Node, path []string, add addFunc) {
	key := ""
	if len(path) > 0 {
		key = path[len(path)-1]
	}
	switch {
	case key == "exp" || key == "prompt" || key == "audio":
		for _, m := range promptRe.FindAllStringSubmatch(n.Value, -1) {
			add(RefPrompt, n, m[2])
		}
		if key != "exp" {
			return
		}
		for _, m := range findCallRe.FindAllStringSubmatch(n.Value, -1) {
			kind, ok := findFuncs[m[1]]
			if !ok || m[4] != "" || (m[2] == "" && m[3] == "") {
				continue // a computed name cannot be resolved before the flow runs
			}
			name := m[2] + m[3]
			name = strings.NewReplacer(`\"`, `"`, `\'`, `'`, `\\`, `\`).Replace(name)
			add(kind, n, name)
		}
	case strings.HasSuffix(key, "Ref"):
		if a, ok := parseAddress(n.Value); ok && a.file != "" {
			if r := add(RefFile, n, a.file); r != nil {
				r.Path = n.Value[len(a.file)+1:]
			}
		}
	}
}

// pairRefs finds references made by one mapping entry.
func (f *Flow) pairRefs(parent, k, v *yaml.Node, path []string, add addFunc) {
	key := k.Value
	switch key {
	case "category":
		f.categoryRefs(parent, v, add)
		return
	case "dataAction":
		if len(path) >= 2 && path[len(path)-2] == "category" {
			return // handled with its category
		}
		if mapValue(parent, "category") != nil {
			return // handled with its category
		}
	case "commonModule", "botFlow", "digitalBotFlow", "dataTable", "screenPopScript":
		// The called module, bot, table or script is the key under this one; its body holds
		// version, inputs and outputs (`commonModule: {Module Name: {ver_latestPublished: …}}`).
		if v.Kind == yaml.MappingNode && mapValue(v, "lit") == nil && mapValue(v, "name") == nil {
			for i := 0; i+1 < len(v.Content); i += 2 {
				if v.Content[i+1].Kind != yaml.MappingNode {
					continue
				}
				f.addNamed(key, v.Content[i], v.Content[i].Value, path, add)
			}
			return
		}
	}
	if kind, ok := findActions[key]; ok {
		if fn := mapValue(v, "findName"); fn != nil {
			if lit := mapValue(fn, "lit"); lit != nil && lit.Kind == yaml.ScalarNode {
				add(kind, lit, lit.Value)
			}
		}
		return
	}
	if _, ok := litKeys[key]; ok {
		for _, n := range namesIn(key, v) {
			f.addNamed(key, n, n.Value, path, add)
		}
		return
	}
	if base, ok := strings.CutSuffix(key, "Variable"); ok {
		base = strings.TrimSuffix(base, "Collection")
		if kind, ok := variableKinds[base]; ok {
			for _, n := range litNames(mapValue(v, "initialValue")) {
				add(kind, n, n.Value)
			}
		}
	}
}

// addNamed records a reference under a litKeys key, filling in the flow type of the target
// for the keys that name flows.
func (f *Flow) addNamed(key string, n *yaml.Node, name string, path []string, add addFunc) {
	r := add(litKeys[key], n, name)
	if r == nil {
		return
	}
	switch key {
	case "commonModule":
		r.FlowType = "commonModule"
	case "botFlow":
		r.FlowType = "botFlow"
	case "digitalBotFlow":
		r.FlowType = "digitalBot"
	case "overrideInQueueFlow":
		r.FlowType = "inqueueCall"
	case "targetFlow", "flow":
		if slices.Contains(path, "transferToFlowSecure") || slices.Contains(path, "transferToSecureFlow") {
			r.FlowType = "secureCall"
		} else {
			r.FlowType = transferFlowType[f.Type]
		}
	}
}

// namesIn returns the name nodes a litKeys value holds: `{lit: {name: X}}`, a list literal
// of those, `{value: {lit: {name: X}}}` (updateData statements), a list of such values
// (`skills: [...]`), and, for the keys naming flows, the bare `{name: X}` form.
func namesIn(key string, v *yaml.Node) []*yaml.Node {
	switch v.Kind {
	case yaml.SequenceNode:
		var out []*yaml.Node
		for _, c := range v.Content {
			out = append(out, namesIn(key, c)...)
		}
		return out
	case yaml.MappingNode:
		if lit := mapValue(v, "lit"); lit != nil {
			return litNames(v)
		}
		if val := mapValue(v, "value"); val != nil {
			return litNames(val)
		}
		if litKeys[key] == RefFlow {
			if n := mapValue(v, "name"); n != nil && n.Kind == yaml.ScalarNode {
				return []*yaml.Node{n}
			}
		}
	}
	return nil
}

// litNames returns the names in a `{lit: {name: X}}` or `{lit: [{name: X}, …]}` value.
func litNames(v *yaml.Node) []*yaml.Node {
	lit := mapValue(v, "lit")
	if lit == nil {
		return nil
	}
	items := []*yaml.Node{lit}
	if lit.Kind == yaml.SequenceNode {
		items = lit.Content
	}
	var out []*yaml.Node
	for _, it := range items {
		if n := mapValue(it, "name"); n != nil && n.Kind == yaml.ScalarNode {
			out = append(out, n)
		}
	}
	return out
}

// categoryRefs reads a callData action's integration and data action, in either the export
// form (`category: {Integration: {dataAction: {Action: {inputs…}}}}`) or the literal form
// (`category: {lit: {name: I}}` or `category: I` next to `dataAction: {lit: {name: A}}`).
// Each data action also yields a reference to its integration.
func (f *Flow) categoryRefs(parent, cat *yaml.Node, add addFunc) {
	action := func(integration string, n *yaml.Node, name string) {
		if r := add(RefDataAction, n, name); r != nil {
			r.Integration = strings.TrimSpace(integration)
		}
	}
	var integ *yaml.Node
	switch {
	case cat.Kind == yaml.ScalarNode:
		integ = cat
	case mapValue(cat, "lit") != nil:
		if ns := litNames(cat); len(ns) > 0 {
			integ = ns[0]
		}
	case cat.Kind == yaml.MappingNode:
		for i := 0; i+1 < len(cat.Content); i += 2 {
			in, body := cat.Content[i], cat.Content[i+1]
			add(RefIntegration, in, in.Value)
			da := mapValue(body, "dataAction")
			if da == nil || da.Kind != yaml.MappingNode {
				continue
			}
			if ns := litNames(da); len(ns) > 0 {
				action(in.Value, ns[0], ns[0].Value)
				continue
			}
			for j := 0; j+1 < len(da.Content); j += 2 {
				action(in.Value, da.Content[j], da.Content[j].Value)
			}
		}
		return
	}
	if integ == nil {
		return
	}
	add(RefIntegration, integ, integ.Value)
	if da := mapValue(parent, "dataAction"); da != nil {
		for _, n := range litNames(da) {
			action(integ.Value, n, n.Value)
		}
		if da.Kind == yaml.MappingNode && mapValue(da, "lit") == nil {
			for j := 0; j+1 < len(da.Content); j += 2 {
				action(integ.Value, da.Content[j], da.Content[j].Value)
			}
		}
	}
}

// dedup keeps the first occurrence of each reference and sorts them by position.
func dedup(refs []Ref) []Ref {
	slices.SortStableFunc(refs, func(a, b Ref) int {
		return cmp.Or(cmp.Compare(a.Pos.Line, b.Pos.Line), cmp.Compare(a.Pos.Column, b.Pos.Column))
	})
	type key struct {
		kind                        RefKind
		name, integration, flowType string
	}
	seen := map[key]bool{}
	out := refs[:0]
	for _, r := range refs {
		k := key{r.Kind, r.Name, r.Integration, r.FlowType}
		if seen[k] {
			continue
		}
		seen[k] = true
		out = append(out, r)
	}
	return slices.Clip(out)
}

// DynamicLookups returns the Find… expression calls whose name is computed when the flow
// runs (`FindQueue(State.QueueName)`): dependencies that cannot be resolved statically.
// Name holds the argument expression as written.
func (f *Flow) DynamicLookups() []Ref {
	var refs []Ref
	walk(f.Root, nil, func(n *yaml.Node, path []string) {
		if n.Kind != yaml.ScalarNode || len(path) == 0 || path[len(path)-1] != "exp" {
			return
		}
		for _, m := range findCallRe.FindAllStringSubmatch(n.Value, -1) {
			if kind, ok := findFuncs[m[1]]; ok && m[4] != "" {
				refs = append(refs, Ref{Kind: kind, Name: strings.TrimSpace(m[4]), Pos: f.Pos(n)})
			}
		}
	})
	return dedup(refs)
}
