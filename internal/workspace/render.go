package workspace

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"strings"
)

// Format is an output format for Render.
type Format string

// The formats Render writes.
const (
	FormatText    Format = "text"    // for people: projects in order, edges and the refs behind them
	FormatMermaid Format = "mermaid" // `graph LR`, renders in GitHub markdown
	FormatDOT     Format = "dot"     // Graphviz
	FormatJSON    Format = "json"    // for tools; field names are stable
)

// Formats lists the formats Render accepts, for flag help.
func Formats() []Format { return []Format{FormatText, FormatMermaid, FormatDOT, FormatJSON} }

// Render writes the graph in the given format.
func (g *Graph) Render(w io.Writer, f Format) error {
	bw := bufio.NewWriter(w)
	switch f {
	case FormatText:
		g.renderText(bw)
	case FormatMermaid:
		g.renderMermaid(bw)
	case FormatDOT:
		g.renderDOT(bw)
	case FormatJSON:
		enc := json.NewEncoder(bw)
		enc.SetIndent("", "  ")
		if err := enc.Encode(g.jsonView()); err != nil {
			return fmt.Errorf("render graph: %w", err)
		}
	default:
		return fmt.Errorf("unknown graph format %q; use one of text, mermaid, dot, json", f)
	}
	return bw.Flush()
}

// displayOrder is the deployment order, or names when a cycle leaves no order.
func (g *Graph) displayOrder() ([]string, bool) {
	order, err := g.Order()
	if err != nil {
		return g.Projects, false
	}
	return order, true
}

func (g *Graph) outgoing(p string) []Edge {
	var out []Edge
	for _, e := range g.Edges {
		if e.From == p {
			out = append(out, e)
		}
	}
	return out
}

func (g *Graph) renderText(w io.Writer) {
	order, ok := g.displayOrder()
	fmt.Fprintf(w, "workspace %s: %s, %s\n", g.Workspace.Config.Name, plural(len(g.Projects), "project"), plural(len(g.Edges), "edge"))
	if ok {
		fmt.Fprintf(w, "order: %s\n", strings.Join(order, ", "))
	} else {
		fmt.Fprintln(w, "order: none (dependency cycle, see errors)")
	}
	for _, p := range order {
		out := g.outgoing(p)
		if len(out) == 0 {
			fmt.Fprintf(w, "\n%s: no dependencies\n", p)
			continue
		}
		fmt.Fprintf(w, "\n%s\n", p)
		for _, e := range out {
			fmt.Fprintf(w, "  → %s\n", e.To)
			if e.Explicit {
				fmt.Fprintf(w, "      %s depends_on\n", e.ExplicitPos)
			}
			for _, r := range e.Refs {
				fmt.Fprintf(w, "      %s\n", r)
			}
		}
	}
	for _, ds := range []Diagnostics{g.Diagnostics.Errors(), g.Diagnostics.Warnings()} {
		if len(ds) == 0 {
			continue
		}
		fmt.Fprintf(w, "\n%ss:\n", ds[0].Severity)
		for _, d := range ds {
			fmt.Fprintf(w, "  %s\n", d)
		}
	}
}

func plural(n int, what string) string {
	if n == 1 {
		return "1 " + what
	}
	return fmt.Sprintf("%d %ss", n, what)
}

// edgeLabel summarises an edge's references: the first few objects, then a count. An
// object referred to twice (data source and flow) is named once.
func edgeLabel(e Edge) string {
	const shown = 3
	var parts []string
	if e.Explicit {
		parts = append(parts, "depends_on")
	}
	seen := map[objectKey]bool{}
	var refs []Ref
	for _, r := range e.Refs {
		if k := keyOf(r.Type, r.Name); !seen[k] {
			seen[k] = true
			refs = append(refs, r)
		}
	}
	for i, r := range refs {
		if i == shown {
			parts = append(parts, fmt.Sprintf("+%d more", len(refs)-shown))
			break
		}
		what := r.Kind
		if what == "" {
			what = strings.TrimPrefix(r.Type, "genesyscloud_")
		}
		parts = append(parts, what+" "+r.Name)
	}
	return strings.Join(parts, ", ")
}

func (g *Graph) renderMermaid(w io.Writer) {
	// Mermaid ids must be simple, so nodes are p0, p1, … labelled with the project name.
	id := map[string]string{}
	fmt.Fprintln(w, "graph LR")
	for i, p := range g.Projects {
		id[p] = fmt.Sprintf("p%d", i)
		fmt.Fprintf(w, "  %s[\"%s\"]\n", id[p], mermaidEscape(p))
	}
	for _, e := range g.Edges {
		fmt.Fprintf(w, "  %s -->|\"%s\"| %s\n", id[e.From], mermaidEscape(edgeLabel(e)), id[e.To])
	}
}

func mermaidEscape(s string) string {
	return strings.NewReplacer(`"`, "#quot;", "\n", " ", "|", "#124;").Replace(s)
}

func (g *Graph) renderDOT(w io.Writer) {
	fmt.Fprintf(w, "digraph %s {\n  rankdir=LR;\n  node [shape=box];\n", dotQuote(g.Workspace.Config.Name))
	for _, p := range g.Projects {
		fmt.Fprintf(w, "  %s;\n", dotQuote(p))
	}
	for _, e := range g.Edges {
		style := ""
		if e.Explicit && len(e.Refs) == 0 {
			style = ", style=dashed"
		}
		fmt.Fprintf(w, "  %s -> %s [label=%s%s];\n", dotQuote(e.From), dotQuote(e.To), dotQuote(edgeLabel(e)), style)
	}
	fmt.Fprintln(w, "}")
}

func dotQuote(s string) string {
	return `"` + strings.NewReplacer(`\`, `\\`, `"`, `\"`, "\n", `\n`).Replace(s) + `"`
}

type jsonGraph struct {
	Workspace string        `json:"workspace"`
	Projects  []jsonProject `json:"projects"`
	Order     []string      `json:"order"` // null when a cycle leaves no order
	Levels    [][]string    `json:"levels"`
	Edges     []jsonEdge    `json:"edges"`
	Warnings  []jsonDiag    `json:"warnings"`
	Errors    []jsonDiag    `json:"errors"`
}

type jsonProject struct {
	Name         string              `json:"name"`
	Dir          string              `json:"dir"`
	Environments map[string]EnvFiles `json:"environments"`
	Declares     []Object            `json:"declares"`
	Refers       []Ref               `json:"refers"`
	Unknown      []Unknown           `json:"unknown"`
}

type jsonEdge struct {
	From     string `json:"from"`
	To       string `json:"to"`
	Explicit bool   `json:"explicit"`
	Refs     []Ref  `json:"refs"`
}

type jsonDiag struct {
	Code      string `json:"code"`
	Message   string `json:"message"`
	Positions []Pos  `json:"positions"`
}

// nonNil keeps empty lists as [] in JSON, so consumers never see null for a list.
func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}

func (g *Graph) jsonView() jsonGraph {
	out := jsonGraph{Workspace: g.Workspace.Config.Name, Projects: []jsonProject{}, Edges: []jsonEdge{},
		Warnings: []jsonDiag{}, Errors: []jsonDiag{}}
	out.Order, _ = g.Order()
	out.Levels, _ = g.Levels()
	for _, p := range g.Workspace.Projects {
		out.Projects = append(out.Projects, jsonProject{Name: p.Name, Dir: p.Dir, Environments: p.Environments,
			Declares: nonNil(p.Declares), Refers: nonNil(p.Refers), Unknown: nonNil(p.Unknown)})
	}
	for _, e := range g.Edges {
		out.Edges = append(out.Edges, jsonEdge{From: e.From, To: e.To, Explicit: e.Explicit, Refs: nonNil(e.Refs)})
	}
	for _, d := range g.Diagnostics {
		jd := jsonDiag{Code: d.Code, Message: d.Message, Positions: nonNil(d.Positions)}
		if d.Severity == SeverityWarning {
			out.Warnings = append(out.Warnings, jd)
		} else {
			out.Errors = append(out.Errors, jd)
		}
	}
	return out
}
