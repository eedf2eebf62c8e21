package check

import (
	"fmt"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"

	"github.com/cxascode/cxascode/internal/configscan"
	"github.com/cxascode/cxascode/internal/workspace"
	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"
)

// view is what the checks read: the workspace, its graph and each project's .tf files
// parsed once, with the resource blocks and what each refers to.
type view struct {
	ws      *workspace.Workspace
	graph   *workspace.Graph
	cfg     *Config
	modules []*module         // in project order
	owners  map[string]string // "type\x00lower-case name" → declaring project
}

// module is one project's configuration as the checks see it.
type module struct {
	project   *workspace.Project
	files     []*hclsyntax.Body // the .tf files, in file order
	sources   map[string][]byte // each .tf file's text by root-relative path, for expressions' source text
	resources []*resourceBlock
	byAddress map[string]*resourceBlock
	data      map[string]*hclsyntax.Block // data sources by address ("data.type.label")
	flows     []*resourceBlock            // genesyscloud_flow resources
}

// resourceBlock is one resource block with the addresses its expressions refer to:
// resources ("type.label") and data sources ("data.type.label"), locals expanded.
type resourceBlock struct {
	typ, label, address string
	pos                 Pos
	block               *hclsyntax.Block
	uses                []string
}

func newView(ws *workspace.Workspace, cfg *Config) (*view, error) {
	g, _ := workspace.BuildGraph(ws)
	v := &view{ws: ws, graph: g, cfg: cfg, owners: map[string]string{}}
	for _, p := range ws.Projects {
		for _, o := range p.Declares {
			v.owners[o.Type+"\x00"+strings.ToLower(o.Name)] = p.Name
		}
	}
	for _, p := range ws.Projects {
		m, err := loadModule(ws.Root, p)
		if err != nil {
			return nil, err
		}
		v.modules = append(v.modules, m)
	}
	return v, nil
}

func loadModule(root string, p *workspace.Project) (*module, error) {
	m := &module{project: p, byAddress: map[string]*resourceBlock{}, data: map[string]*hclsyntax.Block{}, sources: map[string][]byte{}}
	locals := map[string][]hcl.Traversal{}
	for _, rel := range p.Files {
		src, err := os.ReadFile(filepath.Join(root, filepath.FromSlash(rel)))
		if err != nil {
			return nil, fmt.Errorf("read %s: %w", rel, err)
		}
		m.sources[rel] = src
		// Syntax errors are the workspace's to report (cx graph, cx plan); a file that does
		// not parse is checked as far as it parses.
		f, _ := hclsyntax.ParseConfig(src, rel, hcl.InitialPos)
		body, ok := f.Body.(*hclsyntax.Body)
		if !ok {
			continue
		}
		m.files = append(m.files, body)
		for _, b := range body.Blocks {
			switch {
			case b.Type == "resource" && len(b.Labels) == 2:
				r := &resourceBlock{typ: b.Labels[0], label: b.Labels[1], address: b.Labels[0] + "." + b.Labels[1],
					pos: configscan.PosOf(b.DefRange()), block: b}
				m.resources = append(m.resources, r)
				m.byAddress[r.address] = r
				if r.typ == "genesyscloud_flow" {
					m.flows = append(m.flows, r)
				}
			case b.Type == "data" && len(b.Labels) == 2:
				m.data["data."+b.Labels[0]+"."+b.Labels[1]] = b
			case b.Type == "locals":
				for name, a := range b.Body.Attributes {
					locals[name] = a.Expr.Variables()
				}
			}
		}
	}
	for _, r := range m.resources {
		r.uses = addressesOf(traversalsIn(r.block.Body), locals)
	}
	return m, nil
}

// traversalsIn is every variable reference in a body and its nested blocks.
func traversalsIn(body *hclsyntax.Body) []hcl.Traversal {
	var out []hcl.Traversal
	for _, a := range body.Attributes {
		out = append(out, a.Expr.Variables()...)
	}
	for _, b := range body.Blocks {
		out = append(out, traversalsIn(b.Body)...)
	}
	return out
}

// addressesOf turns references into resource and data source addresses, following locals
// (a list of schedule ids in a local is still a use of each schedule).
func addressesOf(ts []hcl.Traversal, locals map[string][]hcl.Traversal) []string {
	seen := map[string]bool{}
	var walk func(ts []hcl.Traversal, depth int)
	walk = func(ts []hcl.Traversal, depth int) {
		for _, t := range ts {
			names := traversalNames(t)
			switch {
			case len(names) >= 3 && names[0] == "data":
				seen["data."+names[1]+"."+names[2]] = true
			case len(names) >= 2 && names[0] == "local" && depth < 8:
				walk(locals[names[1]], depth+1)
			case len(names) >= 2 && strings.HasPrefix(names[0], "genesyscloud_"):
				seen[names[0]+"."+names[1]] = true
			}
		}
	}
	walk(ts, 0)
	out := make([]string, 0, len(seen))
	for a := range seen {
		out = append(out, a)
	}
	sort.Strings(out)
	return out
}

// traversalNames is a traversal's leading attribute names (root, then .attr steps).
func traversalNames(t hcl.Traversal) []string {
	var names []string
	for _, step := range t {
		switch s := step.(type) {
		case hcl.TraverseRoot:
			names = append(names, s.Name)
		case hcl.TraverseAttr:
			names = append(names, s.Name)
		default:
			return names
		}
	}
	return names
}

// flowFile is the root-relative path of a flow resource's YAML, when it is literal
// (${path.module} is the only variable understood, as in configscan).
func (m *module) flowFile(r *resourceBlock) (string, bool) {
	a := r.block.Body.Attributes["filepath"]
	if a == nil {
		return "", false
	}
	dot := cty.StringVal(".")
	ctx := &hcl.EvalContext{Variables: map[string]cty.Value{
		"path": cty.ObjectVal(map[string]cty.Value{"module": dot, "root": dot, "cwd": dot}),
	}}
	v, ok := configscan.LiteralValue(a.Expr, ctx)
	if !ok || !v.Type().Equals(cty.String) {
		return "", false
	}
	return path.Join(m.project.Dir, v.AsString()), true
}

// owner is the project declaring an object, by type and name ("" when none does).
func (v *view) owner(typ, name string) string {
	return v.owners[typ+"\x00"+strings.ToLower(name)]
}

// isFlowProject reports whether a project publishes an Architect flow.
func (m *module) isFlowProject() bool { return len(m.flows) > 0 }

// literalAttr is a body's attribute as a literal string.
func literalAttr(body *hclsyntax.Body, name string) (string, bool) {
	a := body.Attributes[name]
	if a == nil {
		return "", false
	}
	v, ok := configscan.LiteralValue(a.Expr, nil)
	if !ok || !v.Type().Equals(cty.String) {
		return "", false
	}
	return v.AsString(), true
}
