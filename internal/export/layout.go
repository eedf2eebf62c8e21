package export

import (
	"fmt"
	"maps"
	"slices"
	"sort"
	"strings"

	"github.com/cxascode/cxascode/internal/backport"
	"github.com/cxascode/cxascode/internal/kinds"
)

// How an org becomes projects (Conway's law, as the seed asks): one project per Architect
// flow holding what only that flow uses, shared projects for the rest, people and
// permissions apart. Layout works on a graph of ids alone, so it is tested without an org.

// Node is one object of the org for the layout.
type Node struct {
	ID, Type, Name string
	// Refs are the ids of other nodes this one refers to (by id in its JSON, by name in a
	// flow's YAML).
	Refs []string
	// Division is the name of the division the object belongs to ("" for kinds without
	// divisions): ByDivision groups shared objects by it.
	Division string
}

// Layouts cx export knows.
const (
	// ByFlow: a project per flow with what only it uses; shared projects by area.
	ByFlow = "flow"
	// ByKind: projects by area only (shared-routing, shared-skills, …; flows in flows).
	ByKind = "kind"
	// ByDivision: a project per flow with what only it uses, as ByFlow; the shared objects of
	// a division in that division's project (division-<name>), the rest by area.
	ByDivision = "division"
)

// DefaultSharedThreshold is how many flows must use an object before it goes to a shared
// project: two, so a flow's project holds exactly what no other flow needs.
const DefaultSharedThreshold = 2

// LayoutOptions tune PlanLayoutWith.
type LayoutOptions struct {
	// Layout is ByFlow (""), ByKind or ByDivision.
	Layout string
	// SharedThreshold: an object used by at least this many flows goes to a shared project;
	// one used by fewer goes to the project of the first of its flows (by project name), whose
	// neighbours then find it by name. 0 means DefaultSharedThreshold; 1 leaves each flow
	// alone in its project.
	SharedThreshold int
}

// Layout is where each node goes.
type Layout struct {
	// Project is the project of each node, by id.
	Project map[string]string
	// Notes say what the layout decided that a reader should know (cycles broken, objects
	// moved to a shared project because several projects refer to them).
	Notes []string
}

const flowType = "genesyscloud_flow"

// PlanLayout places every node with the layout's default threshold (see PlanLayoutWith).
func PlanLayout(nodes []Node, layout string) (*Layout, error) {
	return PlanLayoutWith(nodes, LayoutOptions{Layout: layout})
}

// PlanLayoutWith places every node. With ByFlow (and ByDivision), a node belongs to a flow's
// project when fewer flows than the threshold use it (by default: that flow alone): reach it
// through references (its queues, and their wrap-up codes), or are the only flow an entry
// point routes to (an IVR) together with what the entry point uses. Everything else goes to a
// shared project of its area (ByDivision: of its division); entry points shared by several
// flows to shared-entry. A placement that would make a shared project depend on a flow's
// project is undone (the object moves to shared), and projects that still depend on each
// other in a cycle are merged — both reported in Notes.
func PlanLayoutWith(nodes []Node, o LayoutOptions) (*Layout, error) {
	layout := o.Layout
	if layout == "" {
		layout = ByFlow
	}
	if layout != ByFlow && layout != ByKind && layout != ByDivision {
		return nil, fmt.Errorf("layout %q: choose %s, %s or %s", layout, ByFlow, ByKind, ByDivision)
	}
	threshold := o.SharedThreshold
	if threshold == 0 {
		threshold = DefaultSharedThreshold
	}
	if threshold < 1 {
		return nil, fmt.Errorf("shared threshold %d: an object is shared when at least that many flows use it, so at least 1", threshold)
	}
	byID := map[string]*Node{}
	for i := range nodes {
		byID[nodes[i].ID] = &nodes[i]
	}
	out := &Layout{Project: map[string]string{}}
	perFlow := layout != ByKind
	shared := func(n Node) string { return sharedProject(n, byID) }
	if layout == ByDivision {
		shared = func(n Node) string { return divisionProject(n, byID) }
	}
	flowProject := map[string]string{} // flow id → its project
	usedProjects := map[string]bool{}
	for _, n := range sortedNodes(nodes) {
		if n.Type != flowType {
			continue
		}
		name := "flows"
		if perFlow {
			name = uniqueName("flow-"+dashed(n.Name), usedProjects)
		}
		usedProjects[name] = true
		flowProject[n.ID] = name
	}
	users := map[string]map[string]bool{} // node id → flows it is attached to
	if perFlow {
		attach(nodes, byID, users)
	}
	for _, n := range nodes {
		switch {
		case flowProject[n.ID] != "":
			out.Project[n.ID] = flowProject[n.ID]
		case len(users[n.ID]) > 0 && len(users[n.ID]) < threshold:
			var owners []string
			for f := range users[n.ID] {
				owners = append(owners, flowProject[f])
			}
			out.Project[n.ID] = slices.Min(owners)
		default:
			out.Project[n.ID] = shared(n)
		}
	}
	if perFlow {
		userProjects := map[string]map[string]bool{} // node id → projects of the flows using it
		for id, fs := range users {
			userProjects[id] = map[string]bool{}
			for f := range fs {
				userProjects[id][flowProject[f]] = true
			}
		}
		// Flow projects cannot depend on each other in a cycle: what an object refers to is
		// used by every flow using the object (and maybe more), so it lies in the same flow
		// project or one whose name sorts first, or in a shared project.
		out.settle(nodes, byID, flowProject, userProjects, shared)
	}
	out.mergeCycles(nodes)
	return out, nil
}

// attach fills users: for each flow, the nodes it uses.
func attach(nodes []Node, byID map[string]*Node, users map[string]map[string]bool) {
	referrers := map[string][]string{}
	for _, n := range nodes {
		for _, r := range n.Refs {
			referrers[r] = append(referrers[r], n.ID)
		}
	}
	for _, f := range nodes {
		if f.Type != flowType {
			continue
		}
		// Seeds: the flow and the entry points that route to it alone.
		seeds := []string{f.ID}
		for _, r := range referrers[f.ID] {
			if n := byID[r]; n != nil && n.Type != flowType && flowsOf(n, byID) == 1 {
				seeds = append(seeds, r)
			}
		}
		seen := map[string]bool{}
		for len(seeds) > 0 {
			id := seeds[len(seeds)-1]
			seeds = seeds[:len(seeds)-1]
			n := byID[id]
			if n == nil || seen[id] || n.Type == flowType && id != f.ID || id != f.ID && staysShared(n, byID) {
				continue
			}
			seen[id] = true
			if users[id] == nil {
				users[id] = map[string]bool{}
			}
			users[id][f.ID] = true
			seeds = append(seeds, n.Refs...)
		}
	}
}

// staysShared reports whether the catalogue keeps a node in a shared project even while one
// flow uses it (skills, wrap-up codes, schedules; see kinds.Sharing): cx check's monolith
// split reads the same rule, so an export passes it.
func staysShared(n *Node, byID map[string]*Node) bool {
	k := kinds.Genesys().ByResource(n.Type)
	if k == nil {
		return false
	}
	parts := make([]*kinds.Kind, 0, len(n.Refs))
	for _, r := range n.Refs {
		if t := byID[r]; t != nil {
			parts = append(parts, kinds.Genesys().ByResource(t.Type))
		}
	}
	return k.StaysShared(parts)
}

// flowsOf counts the distinct flows a node refers to.
func flowsOf(n *Node, byID map[string]*Node) int {
	seen := map[string]bool{}
	for _, r := range n.Refs {
		if t := byID[r]; t != nil && t.Type == flowType {
			seen[r] = true
		}
	}
	return len(seen)
}

// settle moves to a shared project every object of a flow's project that an object outside
// that project refers to (other than the flow itself, which a shared entry point may name):
// shared projects must not depend on a flow's project, or the graph would cycle. Only the
// project of another flow that uses the object (a threshold above two) may refer to it there.
func (l *Layout) settle(nodes []Node, byID map[string]*Node, flowProject map[string]string, userProjects map[string]map[string]bool, shared func(Node) string) {
	isFlowProject := map[string]bool{}
	for _, p := range flowProject {
		isFlowProject[p] = true
	}
	for changed := true; changed; {
		changed = false
		for _, n := range sortedNodes(nodes) {
			from := l.Project[n.ID]
			for _, r := range n.Refs {
				t := byID[r]
				to := l.Project[r]
				if t == nil || to == from || !isFlowProject[to] || t.Type == flowType || userProjects[r][from] {
					continue
				}
				into := shared(*t)
				l.Notes = append(l.Notes, fmt.Sprintf("%s %q goes to %s: %s (in %s) refers to it as well as %s",
					t.Type, t.Name, into, n.Name, from, to))
				l.Project[r] = into
				changed = true
			}
		}
	}
}

// mergeCycles merges projects that depend on each other in a cycle into the first of them.
func (l *Layout) mergeCycles(nodes []Node) {
	for {
		deps := map[string]map[string]bool{}
		for _, n := range nodes {
			from := l.Project[n.ID]
			for _, r := range n.Refs {
				to, ok := l.Project[r]
				if !ok || to == from {
					continue
				}
				if deps[from] == nil {
					deps[from] = map[string]bool{}
				}
				deps[from][to] = true
			}
		}
		cycle := findCycle(deps)
		if cycle == nil {
			return
		}
		sort.Strings(cycle)
		into := cycle[0]
		l.Notes = append(l.Notes, fmt.Sprintf("projects %s depend on each other in a cycle: merged into %s",
			strings.Join(cycle, ", "), into))
		for id, p := range l.Project {
			for _, c := range cycle[1:] {
				if p == c {
					l.Project[id] = into
				}
			}
		}
	}
}

// findCycle returns the projects of one cycle of deps, or nil.
func findCycle(deps map[string]map[string]bool) []string {
	const (
		unseen = iota
		onPath
		done
	)
	state := map[string]int{}
	var path []string
	var found []string
	var visit func(p string) bool
	visit = func(p string) bool {
		state[p] = onPath
		path = append(path, p)
		for _, q := range slices.Sorted(maps.Keys(deps[p])) {
			switch state[q] {
			case onPath:
				for i := len(path) - 1; i >= 0; i-- {
					if path[i] == q {
						found = append([]string(nil), path[i:]...)
						return true
					}
				}
			case unseen:
				if visit(q) {
					return true
				}
			}
		}
		path = path[:len(path)-1]
		state[p] = done
		return false
	}
	for _, p := range slices.Sorted(maps.Keys(deps)) {
		if state[p] == unseen && visit(p) {
			return found
		}
	}
	return nil
}

// sharedProject is the shared project of a node: entry points into flows together, the rest
// where the catalogue puts its kind (kinds.Kind.SharedProject: the vocabulary's projects,
// people and permissions together, else its API area's), as cx check's monolith split
// suggests.
func sharedProject(n Node, byID map[string]*Node) string {
	if flowsOf(&n, byID) > 0 {
		return "shared-entry"
	}
	if k := kinds.Genesys().ByResource(n.Type); k != nil {
		return k.SharedProject()
	}
	return kinds.AreaProject(n.Type)
}

// divisionProject is, for ByDivision, the project of a shared object: its division's when it
// has one (people and entry points keep their own projects), else its area's.
func divisionProject(n Node, byID map[string]*Node) string {
	p := sharedProject(n, byID)
	if n.Division == "" || p == "people" || p == "shared-entry" {
		return p
	}
	return "division-" + dashed(n.Division)
}

func sortedNodes(nodes []Node) []Node {
	out := append([]Node(nil), nodes...)
	sort.Slice(out, func(i, j int) bool {
		if out[i].Type != out[j].Type {
			return out[i].Type < out[j].Type
		}
		if a, b := strings.ToLower(out[i].Name), strings.ToLower(out[j].Name); a != b {
			return a < b
		}
		return out[i].ID < out[j].ID
	})
	return out
}

// dashed makes a project name part from an object's name: lower case, runs of other
// characters as "-".
func dashed(name string) string { return strings.ReplaceAll(backport.Slug(name), "_", "-") }

func uniqueName(base string, used map[string]bool) string {
	name := base
	for i := 2; used[name]; i++ {
		name = fmt.Sprintf("%s-%d", base, i)
	}
	return name
}
