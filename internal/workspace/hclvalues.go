package workspace

// Reading HCL without evaluating it: cx.hcl and project files are read as written, so only
// literal values count. A name behind a variable or function is "unknown", never guessed.

import (
	"fmt"
	"path/filepath"
	"sort"
	"strings"

	"github.com/cxascode/cxascode/internal/configscan"
	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"
)

// literal evaluates an attribute that must be a constant (no variables, no functions).
func (p *configParser) literal(a *hclsyntax.Attribute, want cty.Type, what string) (cty.Value, bool) {
	v, ok := literalValue(a.Expr, nil)
	if !ok {
		p.errorf(a.Expr.Range(), "invalid-value", "%s must be %s (no variables or functions)", a.Name, what)
		return cty.NilVal, false
	}
	if want == cty.DynamicPseudoType {
		return v, true
	}
	if !v.Type().Equals(want) {
		p.errorf(a.Expr.Range(), "invalid-value", "%s must be %s", a.Name, what)
		return cty.NilVal, false
	}
	return v, true
}

func (p *configParser) str(a *hclsyntax.Attribute) (string, bool) {
	v, ok := p.literal(a, cty.String, "a string")
	if !ok {
		return "", false
	}
	return v.AsString(), true
}

func (p *configParser) strList(a *hclsyntax.Attribute) ([]string, bool) {
	v, ok := p.literal(a, cty.DynamicPseudoType, "a list of strings")
	if !ok {
		return nil, false
	}
	if !v.Type().IsTupleType() && !v.Type().IsListType() {
		p.errorf(a.Expr.Range(), "invalid-value", "%s must be a list of strings", a.Name)
		return nil, false
	}
	out := []string{}
	for it := v.ElementIterator(); it.Next(); {
		_, e := it.Element()
		if e.Type() != cty.String || e.IsNull() {
			p.errorf(a.Expr.Range(), "invalid-value", "%s must be a list of strings", a.Name)
			return nil, false
		}
		out = append(out, e.AsString())
	}
	return out, true
}

func (p *configParser) strMap(a *hclsyntax.Attribute) (map[string]string, bool) {
	v, ok := p.literal(a, cty.DynamicPseudoType, "a map of strings")
	if !ok {
		return nil, false
	}
	m, ok := stringMap(v)
	if !ok {
		p.errorf(a.Expr.Range(), "invalid-value", "%s must be a map of strings, e.g. { client_id = \"VAR\" }", a.Name)
	}
	return m, ok
}

// literalValue and stringMap are the scan's: cx.hcl is read by the same rules as projects.
func literalValue(expr hcl.Expression, ctx *hcl.EvalContext) (cty.Value, bool) {
	return configscan.LiteralValue(expr, ctx)
}

func stringMap(v cty.Value) (map[string]string, bool) { return configscan.StringMap(v) }

func sortedAttrs(m hclsyntax.Attributes) []*hclsyntax.Attribute {
	out := make([]*hclsyntax.Attribute, 0, len(m))
	for _, a := range m {
		out = append(out, a)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].SrcRange.Start.Byte < out[j].SrcRange.Start.Byte })
	return out
}

func sortedKeys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

func blockTitle(b *hclsyntax.Block) string {
	if len(b.Labels) == 0 {
		return b.Type + " block"
	}
	return fmt.Sprintf("%s %q", b.Type, strings.Join(b.Labels, " "))
}

func validName(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if !(r == '-' || r == '_' || r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z') {
			return false
		}
	}
	return true
}

func indexOf(list []string, s string) int {
	for i, v := range list {
		if v == s {
			return i
		}
	}
	return -1
}

func absOrSelf(p string) string {
	if a, err := filepath.Abs(p); err == nil {
		return a
	}
	return p
}
