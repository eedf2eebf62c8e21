package architect

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"unicode"

	"github.com/cxascode/cxascode/internal/archy"
	"github.com/cxascode/cxascode/internal/kinds"
	"github.com/cxascode/cxascode/internal/orgserver/apihttp"
	"github.com/cxascode/cxascode/internal/orgserver/entity"
	"github.com/cxascode/cxascode/internal/orgserver/host"
	"github.com/cxascode/cxascode/internal/orgserver/store"
	"github.com/cxascode/cxascode/internal/platform"
)

// Reference resolution for flow imports and the dependency data derived from it.
//
// A flow names other objects (queues, skills, data actions, other flows, …); Architect
// resolves each name when it publishes and fails the publish naming every object it could
// not find. This org does the same against its own objects. Object types it does not host
// (prompts, emergency groups, contact lists) cannot be checked: they produce a
// Warning message and no dependency, so flows that use them still publish.

// FlowContent is what the org keeps for one flow version besides the FlowVersion itself:
// the YAML exactly as uploaded (what export returns) and the resources it consumes.
type FlowContent struct {
	YAML     string                `json:"yaml"`
	Consumed []platform.Dependency `json:"consumed"`
}

// refTarget says how a reference kind is resolved.
type refTarget struct {
	noun    string // for messages, e.g. "queue"
	kind    store.Kind
	depType string // Dependency.type, e.g. "QUEUE"
	path    string // collection path for selfUri
}

// refTargets maps the reference kinds this org hosts to where they live. Functions, not
// variables, hold these tables so that no caller can change one another relies on.
func refTargets() map[archy.RefKind]refTarget {
	return map[archy.RefKind]refTarget{
		archy.RefQueue:         {"queue", host.KindQueue, "QUEUE", "/api/v2/routing/queues/"},
		archy.RefSkill:         {"skill", host.KindSkill, "ACDSKILL", "/api/v2/routing/skills/"},
		archy.RefLanguage:      {"language skill", host.KindLanguage, "ACDLANGUAGE", "/api/v2/routing/languages/"},
		archy.RefWrapupCode:    {"wrap-up code", host.KindWrapupCode, "ACDWRAPUPCODE", "/api/v2/routing/wrapupcodes/"},
		archy.RefGroup:         {"group", host.KindGroup, "GROUP", "/api/v2/groups/"},
		archy.RefUser:          {"user", host.KindUser, "USER", "/api/v2/users/"},
		archy.RefScheduleGroup: {"schedule group", host.KindScheduleGroup, "SCHEDULEGROUP", "/api/v2/architect/schedulegroups/"},
		archy.RefSchedule:      {"schedule", host.KindSchedule, "SCHEDULE", "/api/v2/architect/schedules/"},
		archy.RefIntegration:   {"integration", host.KindIntegration, "", ""},
		archy.RefDivision:      {"division", entity.KindDivision, "", ""},
		archy.RefDataTable:     {"data table", host.KindDataTable, "DATATABLE", "/api/v2/flows/datatables/"},
		archy.RefScript:        {"script", host.KindScript, "COMPOSERSCRIPT", "/api/v2/scripts/"},
		// A generic kind: its objects live under its catalogue name.
		archy.RefContactList: {"contact list", store.Kind(kinds.ContactList), "CONTACTLIST", "/api/v2/outbound/contactlists/"},
	}
}

// unhostedRefs are the reference kinds this org has no objects for.
func unhostedRefs() map[archy.RefKind]string {
	return map[archy.RefKind]string{
		archy.RefPrompt:         "user prompt",
		archy.RefEmergencyGroup: "emergency group",
	}
}

// flowResolution is the outcome of resolving a flow's references.
type flowResolution struct {
	consumed []platform.Dependency
	division *store.Object // nil when the YAML names none
	errors   []string
	warnings []string
}

// resolveFlowRefs looks up every reference of f. self is the id of the flow being
// published (when it exists), so that a flow calling itself does not need a published copy.
func resolveFlowRefs(tx *store.Tx, f *archy.Flow, refs []archy.Ref, self string) flowResolution {
	var res flowResolution
	seen := map[string]bool{}
	consume := func(o *store.Object, t refTarget, name string) {
		if t.depType == "" || seen[t.depType+"/"+o.ID] {
			return
		}
		seen[t.depType+"/"+o.ID] = true
		res.consumed = append(res.consumed, platform.Dependency{
			ID: host.Ptr(o.ID), Name: host.Ptr(name), Type: host.Ptr(t.depType), Deleted: host.Ptr(false), Updated: host.Ptr(false),
			StateUnknown: host.Ptr(false), SelfURI: host.Ptr(t.path + o.ID),
		})
	}
	targets, unhosted := refTargets(), unhostedRefs()
	for _, ref := range refs {
		at := refPosText(ref.Pos)
		if noun, ok := unhosted[ref.Kind]; ok {
			res.warnings = append(res.warnings, fmt.Sprintf("The local org does not host %ss; the %s '%s' was not checked (%s)", noun, noun, ref.Name, at))
			continue
		}
		switch ref.Kind {
		case archy.RefFile:
			res.errors = append(res.errors, fmt.Sprintf("The flow refers to the file '%s', but a publish takes one self-contained flow file (%s)", ref.Name, at))
			continue
		case archy.RefDataAction:
			o := findDataAction(tx, ref.Name, ref.Integration)
			if o == nil {
				res.errors = append(res.errors, fmt.Sprintf("Unable to find a data action named '%s' in the integration '%s' (%s)", ref.Name, ref.Integration, at))
				continue
			}
			consume(o, refTarget{depType: "DATAACTION", path: "/api/v2/integrations/actions/"}, o.Name)
			continue
		case archy.RefCommonModule, archy.RefFlow:
			o, problem := findReferencedFlow(tx, ref, self)
			if problem != "" {
				res.errors = append(res.errors, fmt.Sprintf("%s (%s)", problem, at))
				continue
			}
			var fl platform.Flow
			if host.DecodeObject(o, &fl) == nil {
				consume(o, refTarget{depType: flowDependencyType(host.Deref(fl.Type)), path: "/api/v2/flows/"}, o.Name)
			}
			continue
		}
		t, ok := targets[ref.Kind]
		if !ok {
			res.warnings = append(res.warnings, fmt.Sprintf("The reference '%s' of kind %s was not checked (%s)", ref.Name, ref.Kind, at))
			continue
		}
		var o *store.Object
		if ref.Kind == archy.RefUser {
			o = entity.FindActiveByName(tx, host.KindUser, ref.Name)
			if o == nil && strings.Contains(ref.Name, "@") {
				o = host.FindUserByEmail(tx, ref.Name, false)
			}
		} else {
			o = entity.FindActiveByName(tx, t.kind, ref.Name)
		}
		if o == nil {
			res.errors = append(res.errors, fmt.Sprintf("Unable to find %s %s named '%s' (%s)", article(t.noun), t.noun, ref.Name, at))
			continue
		}
		if ref.Kind == archy.RefDivision {
			res.division = o
		}
		consume(o, t, o.Name)
	}
	return res
}

// findDataAction finds a published data action by name inside the integration that Archy
// calls its category: matched by the integration's name or the action's own category.
func findDataAction(tx *store.Tx, name, integration string) *store.Object {
	for _, o := range tx.List(host.KindAction, "*") {
		if !strings.EqualFold(o.Name, name) {
			continue
		}
		if ig := tx.Get(host.KindIntegration, o.Parent); ig != nil && strings.EqualFold(ig.Name, integration) {
			return o
		}
		var a struct {
			Category string `json:"category"`
		}
		if host.DecodeObject(o, &a) == nil && strings.EqualFold(a.Category, integration) {
			return o
		}
	}
	return nil
}

// findReferencedFlow resolves a flow or common-module reference: a flow of the implied type
// (any type when the reference implies none) that is not deleted and has been published.
func findReferencedFlow(tx *store.Tx, ref archy.Ref, self string) (*store.Object, string) {
	apiType := archy.APIType(ref.FlowType)
	noun := "flow"
	if ref.FlowType != "" {
		noun = flowTypeNoun(ref.FlowType) + " flow"
	}
	for _, o := range tx.List(host.KindFlow, "") {
		if !strings.EqualFold(o.Name, ref.Name) {
			continue
		}
		var fl platform.Flow
		if host.DecodeObject(o, &fl) != nil || host.Deref(fl.Deleted) {
			continue
		}
		if apiType != "" && host.Deref(fl.Type) != apiType {
			continue
		}
		if fl.PublishedVersion == nil && o.ID != self {
			return nil, fmt.Sprintf("The %s '%s' has never been published; publish it first", noun, ref.Name)
		}
		return o, ""
	}
	return nil, fmt.Sprintf("Unable to find %s %s named '%s'", article(noun), noun, ref.Name)
}

// flowDependencyType is the dependency-tracking type of a flow type: INBOUNDCALL →
// INBOUNDCALLFLOW; workflows and bots are spelled WORKFLOW and BOTFLOW.
func flowDependencyType(apiType string) string {
	if apiType == "WORKFLOW" {
		return apiType
	}
	return apiType + "FLOW"
}

// flowTypeNoun turns a YAML flow type into words: inboundCall → "inbound call".
func flowTypeNoun(yamlType string) string {
	var b strings.Builder
	for i, r := range yamlType {
		if unicode.IsUpper(r) && i > 0 {
			b.WriteByte(' ')
		}
		b.WriteRune(unicode.ToLower(r))
	}
	return b.String()
}

func article(noun string) string {
	if noun != "" && strings.ContainsRune("aeiou", rune(noun[0])) {
		return "an"
	}
	return "a"
}

// refPosText renders a position the way job messages cite it: "flow.yaml line 23, column 21".
func refPosText(p archy.Pos) string {
	return fmt.Sprintf("%s line %d, column %d", p.File, p.Line, p.Column)
}

// flowPublishedContent returns the content of a flow's published version, or nil.
func flowPublishedContent(tx *store.Tx, fl *store.Object) *FlowContent {
	var f platform.Flow
	if host.DecodeObject(fl, &f) != nil || f.PublishedVersion == nil {
		return nil
	}
	o, c, err := host.FindStored[FlowContent](tx.Get, host.KindFlowContent, fl.ID+"/"+host.Deref(f.PublishedVersion.ID))
	if o == nil || err != nil {
		return nil
	}
	return &c
}

// flowInUse returns the conflict that blocks deleting the flow o: an IVR routing calls to
// it, or another flow whose published version consumes it.
func flowInUse(tx *store.Tx, o *store.Object) error {
	for _, iv := range tx.List(host.KindIVR, "") {
		var ivr platform.IVR
		if host.DecodeObject(iv, &ivr) != nil {
			continue
		}
		for _, ref := range []*platform.DomainEntityRef{ivr.OpenHoursFlow, ivr.ClosedHoursFlow, ivr.HolidayHoursFlow} {
			if ref != nil && host.Deref(ref.ID) == o.ID {
				return apihttp.Conflict("The flow [%s] is used by the IVR [%s] (id %s); point the IVR at another flow first.", o.Name, iv.Name, iv.ID)
			}
		}
	}
	for _, other := range tx.List(host.KindFlow, "") {
		if other.ID == o.ID {
			continue
		}
		var f platform.Flow
		if host.DecodeObject(other, &f) != nil || host.Deref(f.Deleted) {
			continue
		}
		c := flowPublishedContent(tx, other)
		if c != nil && slices.ContainsFunc(c.Consumed, func(d platform.Dependency) bool { return host.Deref(d.ID) == o.ID }) {
			return apihttp.Conflict("The flow [%s] is used by the flow [%s] (id %s); publish that flow without it first.", o.Name, other.Name, other.ID)
		}
	}
	return nil
}

// ConsumedResources answers GET /api/v2/architect/dependencytracking/consumedresources
// for flows: the entities (Dependency JSON) that version of flow id consumes, filtered by
// resourceType when given. ok is false when id is not a flow of the org, so that the
// caller can answer for other object types. version accepts "2.0" and "2".
func ConsumedResources(st *store.Store, orgID, id, version string, resourceTypes []string) (items [][]byte, ok bool) {
	if st.Get(orgID, host.KindFlow, id) == nil {
		return nil, false
	}
	if !strings.Contains(version, ".") {
		version += ".0"
	}
	o := st.Get(orgID, host.KindFlowContent, id+"/"+version)
	if o == nil {
		return nil, true
	}
	var c FlowContent
	if host.DecodeObject(o, &c) != nil {
		return nil, true
	}
	types := map[string]bool{}
	for _, t := range resourceTypes {
		types[strings.ToUpper(t)] = true
	}
	for _, d := range c.Consumed {
		if len(types) > 0 && !types[host.Deref(d.Type)] {
			continue
		}
		// Names follow renames of the consumed object, as the real dependency data does.
		if cur := st.Get(orgID, dependencyKind(host.Deref(d.Type)), host.Deref(d.ID)); cur != nil {
			d.Name = host.Ptr(cur.Name)
		} else {
			d.Deleted = host.Ptr(true)
		}
		b, err := json.Marshal(d)
		if err == nil {
			items = append(items, b)
		}
	}
	return items, true
}

// dependencyKind maps a Dependency.type back to the stored kind.
func dependencyKind(depType string) store.Kind {
	if depType == "DATAACTION" {
		return host.KindAction
	}
	for _, t := range refTargets() {
		if t.depType == depType {
			return t.kind
		}
	}
	return host.KindFlow
}
