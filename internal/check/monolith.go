package check

import (
	"fmt"
	"sort"
	"strings"

	"github.com/cxascode/cxascode/internal/backport"
	"github.com/cxascode/cxascode/internal/kinds"
)

// The monolith check: a project holding more than one Architect flow, or more resource
// blocks than monolith_max_resources, with the split it suggests — the seed's layout: a
// project per flow holding what only that flow uses (its queues, its entry point and
// numbers, its data actions), the org-wide vocabulary in shared projects, and what several
// flows use in a shared project of its area.

// vocabularyProject names the shared project of the kinds every line of a contact center
// speaks in — skills, languages, wrap-up codes, opening hours — as the seed's layout (and the
// example) names them: the catalogue's kinds.Kind.SharedHome, which cx export reads too.
func vocabularyProject(typ string) (string, bool) {
	if k := kinds.Genesys().ByResource(typ); k != nil && k.SharedHome != "" {
		return k.SharedHome, true
	}
	return "", false
}

func checkMonolith(v *view) []Finding {
	var out []Finding
	for _, m := range v.modules {
		split := m.suggestSplit()
		var f Finding
		switch {
		case len(m.flows) > 1:
			f = ruleMonolithFlows.at(m.project.Name, m.flows[1].pos,
				"project %s publishes %d flows; give each flow its own project (cx's unit of change) as suggested", m.project.Name, len(m.flows))
		case len(m.resources) > v.cfg.MonolithMaxResources && len(split) > 1:
			// A large project of one line or one area (hundreds of skills) is cohesive:
			// size alone is reported only where the flows and areas show a seam.
			f = ruleMonolithSize.at(m.project.Name, m.resources[v.cfg.MonolithMaxResources].pos,
				"project %s holds %d resources (more than %d); split it as suggested, or raise monolith_max_resources in cx.hcl's check block",
				m.project.Name, len(m.resources), v.cfg.MonolithMaxResources)
		default:
			continue
		}
		f.Suggestion = splitLines(split)
		out = append(out, f)
	}
	return append(out, sharedInFlowProjects(v)...)
}

// sharedInFlowProjects reports objects a flow project declares that other projects use:
// the flow's project then mixes what several lines need with what only its line needs,
// and every change to that line re-plans the others. Flows that other flows transfer to
// are the exception: a flow is its project's reason to exist.
func sharedInFlowProjects(v *view) []Finding {
	isFlowProject := map[string]bool{}
	for _, m := range v.modules {
		isFlowProject[m.project.Name] = m.isFlowProject()
	}
	users := map[string][]string{} // "project\x00type\x00name" → other projects using it
	for _, e := range v.graph.Edges {
		if !isFlowProject[e.To] {
			continue
		}
		seen := map[string]bool{}
		for _, r := range e.Refs {
			key := e.To + "\x00" + r.Type + "\x00" + strings.ToLower(r.Name)
			if r.Type != "genesyscloud_flow" && !seen[key] {
				seen[key] = true
				users[key] = append(users[key], e.From)
			}
		}
	}
	var out []Finding
	for _, m := range v.modules {
		for _, o := range m.project.Declares {
			by := users[m.project.Name+"\x00"+o.Type+"\x00"+strings.ToLower(o.Name)]
			if len(by) == 0 {
				continue
			}
			target := sharedProjectFor(o.Type)
			out = append(out, ruleMonolithMixed.at(m.project.Name, o.Pos,
				"%s %q is declared in flow project %s but is used by %s too; move %s to a shared project (%s) that they all name",
				o.Type, o.Name, m.project.Name, strings.Join(by, ", "), o.Address, target))
		}
	}
	return out
}

// splitLines writes a split as "project: address, address" lines, projects sorted.
func splitLines(split map[string][]string) []string {
	projects := make([]string, 0, len(split))
	for p := range split {
		projects = append(projects, p)
	}
	sort.Strings(projects)
	lines := make([]string, len(projects))
	for i, p := range projects {
		lines[i] = fmt.Sprintf("%s: %s", p, strings.Join(split[p], ", "))
	}
	return lines
}

// suggestSplit places every resource of the module in a project: project name → addresses.
func (m *module) suggestSplit() map[string][]string {
	uses := m.usesWithinModule()
	flowProject := map[string]string{}
	for _, f := range m.flows {
		flowProject[f.address] = "flow-" + strings.ReplaceAll(backport.Slug(f.label), "_", "-")
	}
	// usedBy: the flows that reach each resource through uses, starting from the flow
	// itself and the entry points that route to it alone (an IVR naming the flow).
	usedBy := map[string]map[string]bool{}
	for _, f := range m.flows {
		seeds := []string{f.address}
		for _, r := range m.resources {
			if flows := flowsUsed(r, uses, flowProject); len(flows) == 1 && flows[0] == f.address && r.address != f.address {
				seeds = append(seeds, r.address)
			}
		}
		seen := map[string]bool{}
		for len(seeds) > 0 {
			a := seeds[len(seeds)-1]
			seeds = seeds[:len(seeds)-1]
			r := m.byAddress[a]
			if r == nil || seen[a] || (flowProject[a] != "" && a != f.address) {
				continue
			}
			if m.staysShared(r, uses) {
				continue
			}
			seen[a] = true
			if usedBy[a] == nil {
				usedBy[a] = map[string]bool{}
			}
			usedBy[a][f.address] = true
			seeds = append(seeds, uses[a]...)
		}
	}
	split := map[string][]string{}
	for _, r := range m.resources {
		p := placement(r, flowProject, usedBy[r.address], uses, m.staysShared(r, uses))
		split[p] = append(split[p], r.address)
	}
	for p := range split {
		sort.Strings(split[p])
	}
	return split
}

func placement(r *resourceBlock, flowProject map[string]string, usedBy map[string]bool, uses map[string][]string, staysShared bool) string {
	if p := flowProject[r.address]; p != "" {
		return p
	}
	if staysShared {
		return sharedProjectFor(r.typ)
	}
	if len(usedBy) == 1 {
		for f := range usedBy {
			return flowProject[f]
		}
	}
	if len(flowsUsed(r, uses, flowProject)) > 0 {
		return "shared-entry" // an entry point into several flows
	}
	return sharedProjectFor(r.typ)
}

// staysShared reports whether the catalogue keeps a resource in a shared project even while
// one flow uses it (kinds.Sharing), by the kinds of what it uses; cx export reads the same
// rule, so the workspace an export writes passes this check.
func (m *module) staysShared(r *resourceBlock, uses map[string][]string) bool {
	k := kinds.Genesys().ByResource(r.typ)
	if k == nil {
		return false
	}
	parts := make([]*kinds.Kind, 0, len(uses[r.address]))
	for _, u := range uses[r.address] {
		if used := m.byAddress[u]; used != nil {
			parts = append(parts, kinds.Genesys().ByResource(used.typ))
		}
	}
	return k.StaysShared(parts)
}

// sharedProjectFor is the shared project an object of a type goes to (kinds.Kind.SharedProject:
// its vocabulary project, people and permissions together, else one per API area), as cx
// export puts it.
func sharedProjectFor(typ string) string {
	if k := kinds.Genesys().ByResource(typ); k != nil {
		return k.SharedProject()
	}
	return kinds.AreaProject(typ)
}

// flowsUsed is the flows a resource refers to directly.
func flowsUsed(r *resourceBlock, uses map[string][]string, flowProject map[string]string) []string {
	var out []string
	for _, u := range uses[r.address] {
		if flowProject[u] != "" {
			out = append(out, u)
		}
	}
	return out
}

// usesWithinModule is, per resource address, the module's resources it uses: by
// reference, through a data source naming an object the module declares, and — for a
// flow — by the names its YAML uses.
func (m *module) usesWithinModule() map[string][]string {
	declared := map[string]string{} // "type\x00name" → address
	for _, o := range m.project.Declares {
		declared[o.Type+"\x00"+strings.ToLower(o.Name)] = o.Address
	}
	out := map[string][]string{}
	for _, r := range m.resources {
		for _, u := range r.uses {
			if m.byAddress[u] != nil {
				out[r.address] = append(out[r.address], u)
			} else if d := m.data[u]; d != nil {
				if name, ok := literalAttr(d.Body, "name"); ok {
					if a := declared[d.Labels[0]+"\x00"+strings.ToLower(name)]; a != "" {
						out[r.address] = append(out[r.address], a)
					}
				}
			}
		}
	}
	for _, f := range m.flows {
		file, ok := m.flowFile(f)
		if !ok {
			continue
		}
		for _, ref := range m.project.Refers {
			if ref.Via == "flow" && ref.Pos.File == file {
				if a := declared[ref.Type+"\x00"+strings.ToLower(ref.Name)]; a != "" {
					out[f.address] = append(out[f.address], a)
				}
			}
		}
	}
	return out
}
