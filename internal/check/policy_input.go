package check

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/cxascode/cxascode/internal/configscan"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	ctyjson "github.com/zclconf/go-cty/cty/json"
)

// The input Rego policies read. It is plain JSON so a policy can be tried with `opa eval`
// on `cx check --format json`-like data, and every position is root-relative like the
// findings':
//
//	input.workspace                      the workspace's name
//	input.environments[_]                {name, org, protected, promote_from}
//	input.projects[_]                    {name, dir, flow, files, depends_on, declares, refers}
//	input.resources[_]                   {project, type, name, address, file, line, attributes}
//	input.edges[_]                       {from, to, refs}: from depends on to by the names in refs
//	input.plans[project]                 the project's plan (`tofu show -json`), when plans are read
//
// A resource's attributes hold literal values as they are, expressions (references,
// function calls) as their source text, list expressions element by element, and nested
// blocks as lists of objects under the block's type: a queue without wrap-up codes has no
// attributes.wrapup_codes.

// policyInput builds the input of the workspace's policies.
func policyInput(v *view) (map[string]any, error) {
	in := map[string]any{"workspace": v.ws.Config.Name}
	envs := []any{}
	for _, e := range v.ws.Config.Environments {
		envs = append(envs, map[string]any{"name": e.Name, "org": e.Org, "protected": e.Protected, "promote_from": e.PromoteFrom})
	}
	in["environments"] = envs
	projects, resources := []any{}, []any{}
	for _, m := range v.modules {
		p := m.project
		declares := []any{}
		for _, o := range p.Declares {
			declares = append(declares, map[string]any{"type": o.Type, "name": o.Name, "address": o.Address, "file": o.Pos.File, "line": o.Pos.Line})
		}
		refers := []any{}
		for _, r := range p.Refers {
			refers = append(refers, refInput(r))
		}
		dependsOn := []any{}
		for _, e := range v.graph.Edges { // sorted by From, then To
			if e.From == p.Name {
				dependsOn = append(dependsOn, e.To)
			}
		}
		files := []any{}
		for _, f := range p.Files {
			files = append(files, f)
		}
		projects = append(projects, map[string]any{"name": p.Name, "dir": p.Dir, "flow": m.isFlowProject(), "files": files,
			"depends_on": dependsOn, "declares": declares, "refers": refers})
		for _, r := range m.resources {
			resources = append(resources, map[string]any{"project": p.Name, "type": r.typ, "name": r.label, "address": r.address,
				"file": r.pos.File, "line": r.pos.Line, "attributes": bodyInput(r.block.Body, m.sources[r.pos.File])})
		}
	}
	in["projects"], in["resources"] = projects, resources
	edges := []any{}
	for _, e := range v.graph.Edges {
		refs := []any{}
		for _, r := range e.Refs {
			refs = append(refs, refInput(r))
		}
		edges = append(edges, map[string]any{"from": e.From, "to": e.To, "refs": refs})
	}
	in["edges"] = edges
	if v.cfg.Plans != "" {
		plans, err := readPlans(v)
		if err != nil {
			return nil, err
		}
		in["plans"] = plans
	}
	return in, nil
}

func refInput(r configscan.Ref) map[string]any {
	return map[string]any{"type": r.Type, "name": r.Name, "via": r.Via, "kind": r.Kind, "file": r.Pos.File, "line": r.Pos.Line}
}

// bodyInput is a block body's attributes and nested blocks as policy input.
func bodyInput(body *hclsyntax.Body, src []byte) map[string]any {
	out := map[string]any{}
	for name, a := range body.Attributes {
		out[name] = expressionInput(a.Expr, src)
	}
	for _, b := range body.Blocks {
		list, _ := out[b.Type].([]any)
		out[b.Type] = append(list, bodyInput(b.Body, src))
	}
	return out
}

// expressionInput is a literal's value, a list's elements one by one, else the source text.
func expressionInput(e hclsyntax.Expression, src []byte) any {
	if t, ok := e.(*hclsyntax.TupleConsExpr); ok {
		list := []any{}
		for _, el := range t.Exprs {
			list = append(list, expressionInput(el, src))
		}
		return list
	}
	if v, ok := configscan.LiteralValue(e, nil); ok && v.IsWhollyKnown() {
		if raw, err := ctyjson.Marshal(v, v.Type()); err == nil {
			var out any
			if json.Unmarshal(raw, &out) == nil {
				return out
			}
		}
	}
	r := e.Range()
	if r.End.Byte <= len(src) && r.Start.Byte < r.End.Byte {
		return string(r.SliceBytes(src))
	}
	return nil
}

// readPlans reads the plans folder: each <project>.json is that project's plan as
// `tofu show -json` writes it. A project without a file has no plan in the input; a file
// naming no project is an error, since a policy would silently miss it.
func readPlans(v *view) (map[string]any, error) {
	dir := filepath.Join(v.ws.Root, filepath.FromSlash(v.cfg.Plans))
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, fmt.Errorf("read plans: %w (write each project's plan there as <project>.json with tofu show -json)", err)
	}
	plans := map[string]any{}
	for _, e := range entries {
		project, ok := strings.CutSuffix(e.Name(), ".json")
		if e.IsDir() || !ok {
			continue
		}
		if v.ws.Project(project) == nil {
			return nil, fmt.Errorf("read plans: %s names no project of the workspace; name each plan <project>.json", filepath.Join(v.cfg.Plans, e.Name()))
		}
		raw, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			return nil, fmt.Errorf("read plans: %w", err)
		}
		var plan any
		if err := json.Unmarshal(raw, &plan); err != nil {
			return nil, fmt.Errorf("read plans: %s: %w", filepath.Join(v.cfg.Plans, e.Name()), err)
		}
		plans[project] = plan
	}
	return plans, nil
}
