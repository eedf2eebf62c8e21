package workspace

import (
	"cmp"
	"fmt"
	"path"
	"path/filepath"
	"slices"
	"strings"
)

// Edge says From depends on To: From refers by name to objects To declares, or cx.hcl says
// so with depends_on. To is deployed first.
type Edge struct {
	From string
	To   string
	Refs []Ref // the references behind the edge, in file order
	// Explicit is set when cx.hcl's project block lists To in depends_on; ExplicitPos is there.
	Explicit    bool
	ExplicitPos Pos
}

// Graph is the dependency graph of a workspace's projects.
type Graph struct {
	Workspace   *Workspace
	Projects    []string // sorted by name
	Edges       []Edge   // sorted by From, then To
	Diagnostics Diagnostics
	deps        map[string][]string // project → projects it depends on, sorted
	dependents  map[string][]string // project → projects depending on it, sorted
}

type objectKey struct{ typ, name string }

func keyOf(typ, name string) objectKey { return objectKey{typ, strings.ToLower(name)} }

type owner struct {
	project string
	object  Object
}

// BuildGraph matches every project's by-name references to the project declaring the
// object (same type, name compared case-insensitively, as Genesys Cloud does) and adds
// cx.hcl's depends_on edges. Errors: dependency cycles, objects declared by two projects,
// unreadable project files, depends_on naming unknown projects. Warnings: references no
// project declares (they must already exist in the org) and names the scan cannot read.
func BuildGraph(ws *Workspace) (*Graph, []Diagnostic) {
	g := &Graph{Workspace: ws, deps: map[string][]string{}, dependents: map[string][]string{}}
	var diags Diagnostics
	owners := map[objectKey][]owner{}
	for _, p := range ws.Projects {
		g.Projects = append(g.Projects, p.Name)
		diags = append(diags, p.Diagnostics...)
		for _, u := range p.Unknown {
			diags = append(diags, Diagnostic{Severity: SeverityWarning, Code: "unknown-name",
				Message:   fmt.Sprintf("%s: %s; an edge may be missing (add depends_on in %s if so)", u.Address, u.Reason, ConfigFile),
				Positions: []Pos{u.Pos}})
		}
		for _, o := range p.Declares {
			k := keyOf(o.Type, o.Name)
			owners[k] = append(owners[k], owner{p.Name, o})
		}
	}
	diags = append(diags, duplicateOwners(owners)...)

	edges := map[[2]string]*Edge{}
	edge := func(from, to string) *Edge {
		k := [2]string{from, to}
		if edges[k] == nil {
			edges[k] = &Edge{From: from, To: to}
		}
		return edges[k]
	}
	for _, p := range ws.Projects {
		for _, r := range p.Refers {
			own := owners[keyOf(r.Type, r.Name)]
			if slices.ContainsFunc(own, func(o owner) bool { return o.project == p.Name }) {
				continue // the project uses its own object
			}
			if len(own) == 0 {
				diags = append(diags, Diagnostic{Severity: SeverityWarning, Code: "unresolved-reference",
					Message:   fmt.Sprintf("%s: no project declares %s %q; it must already exist in every environment's org", p.Name, r.Type, r.Name),
					Positions: []Pos{r.Pos}})
				continue
			}
			for _, o := range own { // with duplicate owners (an error already) depend on all
				e := edge(p.Name, o.project)
				e.Refs = append(e.Refs, r)
			}
		}
	}
	for _, pc := range ws.Config.Projects {
		if ws.Project(pc.Name) == nil {
			diags = append(diags, Diagnostic{Severity: SeverityError, Code: "unknown-project",
				Message:   fmt.Sprintf("project %q is not in the workspace (check projects.include and the directory name)", pc.Name),
				Positions: []Pos{pc.Pos}})
			continue
		}
		for _, dep := range pc.DependsOn {
			switch {
			case dep == pc.Name:
				diags = append(diags, Diagnostic{Severity: SeverityError, Code: "cycle",
					Message: fmt.Sprintf("project %q depends on itself", pc.Name), Positions: []Pos{pc.Pos}})
			case ws.Project(dep) == nil:
				diags = append(diags, Diagnostic{Severity: SeverityError, Code: "unknown-project",
					Message:   fmt.Sprintf("project %q depends_on %q, which is not a project in the workspace", pc.Name, dep),
					Positions: []Pos{pc.Pos}})
			default:
				e := edge(pc.Name, dep)
				e.Explicit, e.ExplicitPos = true, pc.Pos
			}
		}
	}
	for _, e := range edges {
		slices.SortFunc(e.Refs, func(a, b Ref) int { return comparePos(a.Pos, b.Pos) })
		g.Edges = append(g.Edges, *e)
		g.deps[e.From] = append(g.deps[e.From], e.To)
		g.dependents[e.To] = append(g.dependents[e.To], e.From)
	}
	slices.SortFunc(g.Edges, func(a, b Edge) int { return cmp.Or(cmp.Compare(a.From, b.From), cmp.Compare(a.To, b.To)) })
	for _, m := range []map[string][]string{g.deps, g.dependents} {
		for _, v := range m {
			slices.Sort(v)
		}
	}
	diags = append(diags, g.cycles()...)
	g.Diagnostics = sortDiagnostics(diags)
	return g, g.Diagnostics
}

func duplicateOwners(owners map[objectKey][]owner) Diagnostics {
	var diags Diagnostics
	for _, os := range owners {
		projects := map[string]bool{}
		for _, o := range os {
			projects[o.project] = true
		}
		if len(projects) < 2 {
			continue // one project declaring a name twice is OpenTofu's and the API's to report
		}
		var where []string
		var pos []Pos
		for _, o := range os {
			where = append(where, fmt.Sprintf("%s (%s at %s)", o.project, o.object.Address, o.object.Pos))
			pos = append(pos, o.object.Pos)
		}
		diags = append(diags, Diagnostic{Severity: SeverityError, Code: "duplicate-owner",
			Message: fmt.Sprintf("%s %q is declared by %d projects: %s; keep it in one project and look it up by name (data source) in the others",
				os[0].object.Type, os[0].object.Name, len(projects), strings.Join(where, " and ")),
			Positions: pos})
	}
	return diags
}

// cycles reports each strongly connected component of more than one project, printing one
// cycle through it and the references that make each of its edges.
func (g *Graph) cycles() Diagnostics {
	var diags Diagnostics
	for _, scc := range g.components() {
		if len(scc) < 2 {
			continue
		}
		in := map[string]bool{}
		for _, n := range scc {
			in[n] = true
		}
		cycle := g.shortestCycle(scc[0], in)
		var why []string
		var pos []Pos
		for i := 0; i+1 < len(cycle); i++ {
			e := g.Edge(cycle[i], cycle[i+1])
			var refs []string
			for _, r := range e.Refs {
				refs = append(refs, r.String())
				pos = append(pos, r.Pos)
			}
			if e.Explicit {
				refs = append(refs, fmt.Sprintf("%s depends_on", e.ExplicitPos))
				pos = append(pos, e.ExplicitPos)
			}
			why = append(why, fmt.Sprintf("%s → %s by %s", e.From, e.To, strings.Join(refs, ", ")))
		}
		diags = append(diags, Diagnostic{Severity: SeverityError, Code: "cycle",
			Message: fmt.Sprintf("dependency cycle: %s (%s); move the shared objects into a project both can depend on",
				strings.Join(cycle, " → "), strings.Join(why, "; ")),
			Positions: pos})
	}
	return diags
}

// components returns the strongly connected components (Tarjan), each sorted by name, in
// order of their first member so output is deterministic.
func (g *Graph) components() [][]string {
	index, low, onStack := map[string]int{}, map[string]int{}, map[string]bool{}
	var stack []string
	var out [][]string
	var visit func(n string)
	visit = func(n string) {
		index[n], low[n] = len(index), len(index)
		stack = append(stack, n)
		onStack[n] = true
		for _, m := range g.deps[n] {
			if _, seen := index[m]; !seen {
				visit(m)
				low[n] = min(low[n], low[m])
			} else if onStack[m] {
				low[n] = min(low[n], index[m])
			}
		}
		if low[n] == index[n] {
			var scc []string
			for {
				m := stack[len(stack)-1]
				stack = stack[:len(stack)-1]
				onStack[m] = false
				scc = append(scc, m)
				if m == n {
					break
				}
			}
			slices.Sort(scc)
			out = append(out, scc)
		}
	}
	for _, n := range g.Projects {
		if _, seen := index[n]; !seen {
			visit(n)
		}
	}
	slices.SortFunc(out, func(a, b []string) int { return cmp.Compare(a[0], b[0]) })
	return out
}

// shortestCycle finds the shortest path start → … → start inside one component (BFS over
// sorted neighbours, so the same graph always prints the same cycle).
func (g *Graph) shortestCycle(start string, in map[string]bool) []string {
	prev := map[string]string{}
	queue := []string{start}
	for len(queue) > 0 {
		n := queue[0]
		queue = queue[1:]
		for _, m := range g.deps[n] {
			if !in[m] {
				continue
			}
			if m == start {
				path := []string{start}
				for c := n; c != start; c = prev[c] {
					path = append(path, c)
				}
				path = append(path, start)
				slices.Reverse(path[1 : len(path)-1])
				return path
			}
			if _, seen := prev[m]; !seen {
				prev[m] = n
				queue = append(queue, m)
			}
		}
	}
	return []string{start, start}
}

// Edge returns the edge from → to, or nil.
func (g *Graph) Edge(from, to string) *Edge {
	i, ok := slices.BinarySearchFunc(g.Edges, [2]string{from, to}, func(e Edge, k [2]string) int {
		return cmp.Or(cmp.Compare(e.From, k[0]), cmp.Compare(e.To, k[1]))
	})
	if !ok {
		return nil
	}
	return &g.Edges[i]
}

// CycleError is returned by Order and Levels when the graph has a cycle.
type CycleError struct{ Projects []string }

func (e *CycleError) Error() string {
	return fmt.Sprintf("no deployment order: projects %s are in a dependency cycle", strings.Join(e.Projects, ", "))
}

// Order returns every project with its dependencies before it; ties are broken by name,
// so the order is the same on every run.
func (g *Graph) Order() ([]string, error) {
	levels, err := g.Levels()
	if err != nil {
		return nil, err
	}
	var out []string
	for _, l := range levels {
		out = append(out, l...)
	}
	return out, nil
}

// Levels groups projects for parallel runs: level 0 depends on nothing, level n only on
// projects in earlier levels. Each level is sorted by name.
func (g *Graph) Levels() ([][]string, error) {
	remaining := map[string]int{}
	for _, p := range g.Projects {
		remaining[p] = len(g.deps[p])
	}
	var levels [][]string
	var ready []string
	for _, p := range g.Projects {
		if remaining[p] == 0 {
			ready = append(ready, p)
		}
	}
	done := 0
	for len(ready) > 0 {
		slices.Sort(ready)
		levels = append(levels, ready)
		done += len(ready)
		var next []string
		for _, p := range ready {
			for _, d := range g.dependents[p] {
				if remaining[d]--; remaining[d] == 0 {
					next = append(next, d)
				}
			}
		}
		ready = next
	}
	if done < len(g.Projects) {
		var stuck []string
		for _, p := range g.Projects {
			if remaining[p] > 0 {
				stuck = append(stuck, p)
			}
		}
		return nil, &CycleError{Projects: stuck}
	}
	return levels, nil
}

// Dependencies returns every project p depends on, directly or not, sorted by name.
func (g *Graph) Dependencies(p string) []string { return reach(p, g.deps) }

// Dependents returns every project that depends on p, directly or not, sorted by name:
// the projects to re-plan when p changes.
func (g *Graph) Dependents(p string) []string { return reach(p, g.dependents) }

func reach(start string, next map[string][]string) []string {
	seen := map[string]bool{start: true}
	queue := []string{start}
	var out []string
	for len(queue) > 0 {
		n := queue[0]
		queue = queue[1:]
		for _, m := range next[n] {
			if !seen[m] {
				seen[m] = true
				out = append(out, m)
				queue = append(queue, m)
			}
		}
	}
	slices.Sort(out)
	return out
}

// Affected returns the projects a change touches: those containing or reading a changed
// file, plus all their dependents, in deployment order (by name if the graph has a cycle).
// Paths are relative to the workspace root or absolute. A change to cx.hcl affects every
// project, since it can change any project's environments, state or edges.
func (g *Graph) Affected(changedFiles []string) []string {
	hit := map[string]bool{}
	for _, f := range changedFiles {
		rel := g.relative(f)
		for _, p := range g.Workspace.Projects {
			if rel == ConfigFile || p.Contains(rel) || slices.Contains(p.Reads, rel) {
				hit[p.Name] = true
				for _, d := range g.Dependents(p.Name) {
					hit[d] = true
				}
			}
		}
	}
	order, err := g.Order()
	if err != nil {
		order = g.Projects
	}
	var out []string
	for _, p := range order {
		if hit[p] {
			out = append(out, p)
		}
	}
	return out
}

func (g *Graph) relative(file string) string {
	if filepath.IsAbs(file) {
		if root, err := filepath.Abs(g.Workspace.Root); err == nil {
			if rel, err := filepath.Rel(root, file); err == nil {
				file = rel
			}
		}
	}
	return path.Clean(filepath.ToSlash(file))
}

func comparePos(a, b Pos) int {
	return cmp.Or(cmp.Compare(a.File, b.File), cmp.Compare(a.Line, b.Line), cmp.Compare(a.Column, b.Column))
}

// sortDiagnostics orders errors before warnings, then by first position and message.
func sortDiagnostics(ds Diagnostics) Diagnostics {
	slices.SortStableFunc(ds, func(a, b Diagnostic) int {
		var pa, pb Pos
		if len(a.Positions) > 0 {
			pa = a.Positions[0]
		}
		if len(b.Positions) > 0 {
			pb = b.Positions[0]
		}
		return cmp.Or(cmp.Compare(a.Severity, b.Severity), comparePos(pa, pb), cmp.Compare(a.Message, b.Message))
	})
	return ds
}
