package release

import (
	"fmt"
	"io"
	"regexp"
	"slices"
	"strings"

	tfjson "github.com/hashicorp/terraform-json"
)

// Object is one resource a plan touches, by kind (the resource type) and name (its address
// in the project, e.g. genesyscloud_routing_queue.sales).
type Object struct {
	Kind    string `json:"kind"`
	Address string `json:"address"`
	// ID is the org's id of an object the plan destroys, when known (rollback plans).
	ID string `json:"id,omitempty"`
	// Name is the object's name in the org, when known.
	Name string `json:"name,omitempty"`
}

// ProjectNote is what a plan of one project adds, changes and destroys; a replacement is
// both destroyed and added.
type ProjectNote struct {
	Project   string   `json:"project"`
	Added     []Object `json:"added,omitempty"`
	Changed   []Object `json:"changed,omitempty"`
	Destroyed []Object `json:"destroyed,omitempty"`
}

// Note is a release note: per project, what was (or would be) added, changed and destroyed.
type Note struct {
	Projects []ProjectNote `json:"projects"`
}

// planAction is OpenTofu's headline of a resource in a plan's human output, e.g.
// "  # genesyscloud_routing_queue.sales will be created". Reading it costs nothing, where
// reading the saved plan as JSON starts OpenTofu and the provider once more per project.
var planAction = regexp.MustCompile(`(?m)^\s*# (\S+) (will be created|will be updated in-place|will be destroyed|must be replaced|is tainted, so must be replaced)\s*$`)

// NoteFromPlanOutput reads a project's plan note from OpenTofu's human plan output.
func NoteFromPlanOutput(project, output string) ProjectNote {
	pn := ProjectNote{Project: project}
	for _, m := range planAction.FindAllStringSubmatch(output, -1) {
		if strings.HasPrefix(m[1], "data.") || strings.Contains(m[1], ".data.") {
			continue
		}
		o := Object{Kind: resourceType(m[1]), Address: m[1]}
		switch m[2] {
		case "will be created":
			pn.Added = append(pn.Added, o)
		case "will be updated in-place":
			pn.Changed = append(pn.Changed, o)
		case "will be destroyed":
			pn.Destroyed = append(pn.Destroyed, o)
		default:
			pn.Destroyed = append(pn.Destroyed, o)
			pn.Added = append(pn.Added, o)
		}
	}
	return pn
}

// NoteFromPlan reads a project's plan note from the saved plan's JSON, with the ids and
// names of the objects it destroys (the guard looks them up in the org).
func NoteFromPlan(project string, p *tfjson.Plan) ProjectNote {
	pn := ProjectNote{Project: project}
	for _, rc := range p.ResourceChanges {
		if rc.Mode != tfjson.ManagedResourceMode || rc.Change == nil {
			continue
		}
		o := Object{Kind: rc.Type, Address: rc.Address}
		if before, ok := rc.Change.Before.(map[string]any); ok {
			o.ID, _ = before["id"].(string)
			o.Name, _ = before["name"].(string)
		}
		a := rc.Change.Actions
		switch {
		case a.Replace():
			pn.Destroyed = append(pn.Destroyed, o)
			pn.Added = append(pn.Added, Object{Kind: o.Kind, Address: o.Address})
		case a.Create():
			pn.Added = append(pn.Added, Object{Kind: o.Kind, Address: o.Address})
		case a.Update():
			pn.Changed = append(pn.Changed, Object{Kind: o.Kind, Address: o.Address})
		case a.Delete():
			pn.Destroyed = append(pn.Destroyed, o)
		}
	}
	return pn
}

// resourceType is the type of a resource address, past any module path.
func resourceType(address string) string {
	parts := strings.Split(address, ".")
	for len(parts) > 2 && parts[0] == "module" {
		parts = parts[2:]
	}
	return parts[0]
}

// Empty reports whether the note changes nothing.
func (n Note) Empty() bool {
	for _, p := range n.Projects {
		if len(p.Added)+len(p.Changed)+len(p.Destroyed) > 0 {
			return false
		}
	}
	return true
}

// Sorted returns the note with projects and objects in a stable order.
func (n Note) Sorted() Note {
	out := Note{Projects: slices.Clone(n.Projects)}
	slices.SortFunc(out.Projects, func(a, b ProjectNote) int { return strings.Compare(a.Project, b.Project) })
	byAddress := func(a, b Object) int { return strings.Compare(a.Address, b.Address) }
	for i := range out.Projects {
		p := &out.Projects[i]
		p.Added, p.Changed, p.Destroyed = slices.Clone(p.Added), slices.Clone(p.Changed), slices.Clone(p.Destroyed)
		slices.SortFunc(p.Added, byAddress)
		slices.SortFunc(p.Changed, byAddress)
		slices.SortFunc(p.Destroyed, byAddress)
	}
	return out
}

// MergeNotes joins the notes of several applies, per project, each object once per list.
func MergeNotes(notes ...Note) Note {
	var out Note
	index := map[string]int{}
	for _, n := range notes {
		for _, p := range n.Projects {
			i, ok := index[p.Project]
			if !ok {
				i = len(out.Projects)
				index[p.Project] = i
				out.Projects = append(out.Projects, ProjectNote{Project: p.Project})
			}
			q := &out.Projects[i]
			q.Added = appendNew(q.Added, p.Added)
			q.Changed = appendNew(q.Changed, p.Changed)
			q.Destroyed = appendNew(q.Destroyed, p.Destroyed)
		}
	}
	return out.Sorted()
}

func appendNew(to, from []Object) []Object {
	for _, o := range from {
		if !slices.ContainsFunc(to, func(t Object) bool { return t.Address == o.Address }) {
			to = append(to, o)
		}
	}
	return to
}

// noteSections are a project's lists in the order a reader wants them: losses first.
func noteSections(p ProjectNote) []struct {
	title   string
	objects []Object
} {
	return []struct {
		title   string
		objects []Object
	}{{"destroyed", p.Destroyed}, {"changed", p.Changed}, {"added", p.Added}}
}

// WriteText prints the note for a terminal: per project, each object with its action.
func (n Note) WriteText(w io.Writer) {
	if n.Empty() {
		fmt.Fprintln(w, "  no changes")
		return
	}
	for _, p := range n.Sorted().Projects {
		if len(p.Added)+len(p.Changed)+len(p.Destroyed) == 0 {
			continue
		}
		fmt.Fprintf(w, "  %s: +%d ~%d -%d\n", p.Project, len(p.Added), len(p.Changed), len(p.Destroyed))
		for _, s := range noteSections(p) {
			for _, o := range s.objects {
				fmt.Fprintf(w, "    %-9s %s\n", s.title, o.Address)
			}
		}
	}
}

// WriteMarkdown prints the note as Markdown fit for a pull-request comment: a heading, then
// per project a table of objects by kind.
func (n Note) WriteMarkdown(w io.Writer, heading string) {
	fmt.Fprintf(w, "### %s\n\n", heading)
	if n.Empty() {
		fmt.Fprintln(w, "No changes.")
		return
	}
	for _, p := range n.Sorted().Projects {
		if len(p.Added)+len(p.Changed)+len(p.Destroyed) == 0 {
			continue
		}
		fmt.Fprintf(w, "**%s**: %d added, %d changed, %d destroyed\n\n", p.Project, len(p.Added), len(p.Changed), len(p.Destroyed))
		fmt.Fprintln(w, "| action | kind | object |\n|---|---|---|")
		for _, s := range noteSections(p) {
			for _, o := range s.objects {
				fmt.Fprintf(w, "| %s | `%s` | `%s` |\n", s.title, o.Kind, strings.TrimPrefix(o.Address, o.Kind+"."))
			}
		}
		fmt.Fprintln(w)
	}
}
