package export

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/cxascode/cxascode/internal/configscan"
	"github.com/cxascode/cxascode/internal/drift"
	"github.com/cxascode/cxascode/internal/kinds"
	"github.com/cxascode/cxascode/internal/workspace"
	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"
)

// Objects of nameless kinds (a DID pool, known by its first number) are not among a
// project's declared names: their identifying attribute is often a variable set per
// environment. They are matched here by that attribute, evaluated with the environment's
// tfvars and the variables' defaults.

// namelessMatches matches the project's resources of nameless kinds to listed objects by
// their identifying attribute (kinds.Kind.FoundBy). Missing ones are in missing.
func namelessMatches(root string, p *workspace.Project, env string, listed []drift.Listed) (found, missing []Match) {
	blocks := projectBlocks(root, p)
	vars := projectVariables(root, p, env, blocks)
	for _, b := range blocks {
		if b.Type != "resource" || len(b.Labels) != 2 {
			continue
		}
		k := kinds.Genesys().ByResource(b.Labels[0])
		if k == nil || k.FoundBy == "" || b.Body.Attributes[k.FoundBy] == nil {
			continue
		}
		field := k.Field(k.FoundBy)
		if field == nil {
			continue
		}
		v, ok := configscan.LiteralValue(b.Body.Attributes[k.FoundBy].Expr, &hcl.EvalContext{Variables: map[string]cty.Value{"var": cty.ObjectVal(vars)}})
		if !ok || !v.Type().Equals(cty.String) {
			continue
		}
		m := Match{Project: p.Name, Address: b.Labels[0] + "." + b.Labels[1], Name: v.AsString()}
		for _, l := range listed {
			if s, _ := kinds.Get(l.Object, field.JSON).(string); l.Type == k.Resource && strings.EqualFold(s, m.Name) {
				m.ID = l.ID
				break
			}
		}
		if m.ID == "" {
			missing = append(missing, m)
		} else {
			found = append(found, m)
		}
	}
	return found, missing
}

// projectVariables are the project's variables for env: the defaults of its variable blocks,
// then the literal values of env/<env>.tfvars.
func projectVariables(root string, p *workspace.Project, env string, blocks []*hclsyntax.Block) map[string]cty.Value {
	vars := map[string]cty.Value{}
	for _, b := range blocks {
		if b.Type == "variable" && len(b.Labels) == 1 && b.Body.Attributes["default"] != nil {
			if v, ok := configscan.LiteralValue(b.Body.Attributes["default"].Expr, nil); ok {
				vars[b.Labels[0]] = v
			}
		}
	}
	if ef, ok := p.Environments[env]; ok && ef.Vars != "" {
		if data, err := os.ReadFile(filepath.Join(root, filepath.FromSlash(ef.Vars))); err == nil {
			if f, diags := hclsyntax.ParseConfig(data, ef.Vars, hcl.InitialPos); !diags.HasErrors() {
				for name, a := range f.Body.(*hclsyntax.Body).Attributes {
					if v, ok := configscan.LiteralValue(a.Expr, nil); ok {
						vars[name] = v
					}
				}
			}
		}
	}
	return vars
}

// projectBlocks are the top-level blocks of the project's .tf files (a file that does not
// parse is left out: the workspace scan reports it).
func projectBlocks(root string, p *workspace.Project) []*hclsyntax.Block {
	var out []*hclsyntax.Block
	for _, file := range p.Files {
		data, err := os.ReadFile(filepath.Join(root, filepath.FromSlash(file)))
		if err != nil {
			continue
		}
		if f, diags := hclsyntax.ParseConfig(data, file, hcl.InitialPos); !diags.HasErrors() {
			out = append(out, f.Body.(*hclsyntax.Body).Blocks...)
		}
	}
	return out
}

// DescribeMatch names a match in messages: project, address and name.
func DescribeMatch(m Match) string { return fmt.Sprintf("%s %s (%q)", m.Project, m.Address, m.Name) }

// Objects that live inside another (a data table's rows) have no name of their own: a row is
// its table and its key (kinds.Kind.ParentAttr, KeyAttr). They are matched here by the parent
// the project declares — matched already, by name — and the key, as the object's child id
// (kinds.ChildID).

// childMatches matches the project's child resources to listed objects; parents are the
// project's matches so far, by address. A child whose parent is not matched (or not a
// resource of the project) is missing.
func childMatches(root string, p *workspace.Project, parents map[string]string, listed []drift.Listed) (found, missing []Match) {
	byID := map[string]bool{}
	for _, l := range listed {
		byID[l.Type+"\x00"+l.ID] = true
	}
	for _, b := range projectBlocks(root, p) {
		if b.Type != "resource" || len(b.Labels) != 2 {
			continue
		}
		k := kinds.Genesys().ByResource(b.Labels[0])
		if k == nil || k.ParentAttr == "" || k.KeyAttr == "" {
			continue
		}
		keyAttr, parentAttr := b.Body.Attributes[k.KeyAttr], b.Body.Attributes[k.ParentAttr]
		if keyAttr == nil || parentAttr == nil {
			continue
		}
		key, ok := configscan.LiteralValue(keyAttr.Expr, nil)
		if !ok || key.IsNull() || !key.Type().Equals(cty.String) {
			continue
		}
		m := Match{Project: p.Name, Address: b.Labels[0] + "." + b.Labels[1], Name: key.AsString()}
		if parentID := parents[referencedAddress(parentAttr.Expr)]; parentID != "" {
			if id := kinds.ChildID(parentID, m.Name); byID[b.Labels[0]+"\x00"+id] {
				m.ID = id
			}
		}
		if m.ID == "" {
			missing = append(missing, m)
		} else {
			found = append(found, m)
		}
	}
	return found, missing
}

// referencedAddress is "type.label" of an expression such as type.label.id, or "".
func referencedAddress(e hclsyntax.Expression) string {
	st, ok := e.(*hclsyntax.ScopeTraversalExpr)
	if !ok || len(st.Traversal) < 2 {
		return ""
	}
	root, ok1 := st.Traversal[0].(hcl.TraverseRoot)
	attr, ok2 := st.Traversal[1].(hcl.TraverseAttr)
	if !ok1 || !ok2 || root.Name == "data" || root.Name == "var" || root.Name == "local" {
		return ""
	}
	return root.Name + "." + strings.TrimSpace(attr.Name)
}
