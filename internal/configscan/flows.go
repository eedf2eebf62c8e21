package configscan

import (
	"fmt"
	"path"
	"sort"
	"strings"

	"github.com/cxascode/cxascode/internal/archy"
	"github.com/cxascode/cxascode/internal/kinds"
	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"
)

// resourceTypeOf maps an Archy reference kind to the resource type that declares such an
// object, from the catalogue. ok is false for kinds that name no Genesys object (references
// into other files).
func resourceTypeOf(ref archy.RefKind) (string, bool) {
	k := kinds.Genesys().ByArchy(string(ref))
	if k == nil || k.Resource == "" {
		return "", false
	}
	return k.Resource, true
}

// scanFlow declares the flow a genesyscloud_flow resource publishes (its name is in the
// YAML, not in HCL) and records the flow's by-name references.
func (s *Scan) scanFlow(b *hclsyntax.Block, addr string, read func(string) ([]byte, error)) {
	a := b.Body.Attributes["filepath"]
	if a == nil {
		s.Unknown = append(s.Unknown, Unknown{Address: addr, Reason: "genesyscloud_flow has no filepath", Pos: PosOf(b.DefRange())})
		return
	}
	// path.module and path.root are the project directory: the only variables a flow path
	// may use and still be read without running OpenTofu.
	dot := cty.StringVal(".")
	ctx := &hcl.EvalContext{Variables: map[string]cty.Value{
		"path": cty.ObjectVal(map[string]cty.Value{"module": dot, "root": dot, "cwd": dot}),
	}}
	v, ok := LiteralValue(a.Expr, ctx)
	if !ok || !v.Type().Equals(cty.String) {
		s.Unknown = append(s.Unknown, Unknown{Address: addr, Reason: "filepath is not a literal path (only ${path.module} is understood)", Pos: PosOf(a.Expr.Range())})
		return
	}
	file := v.AsString()
	if !path.IsAbs(file) {
		file = path.Join(s.Dir, file)
	}
	s.Reads = append(s.Reads, file)
	data, err := read(file)
	if err != nil {
		s.Diagnostics = append(s.Diagnostics, Diagnostic{Severity: SeverityError, Code: "flow-file",
			Message:   fmt.Sprintf("%s: cannot read flow file %s: %v", addr, file, unwrapPathError(err)),
			Positions: []Pos{PosOf(a.Expr.Range())}})
		return
	}
	subst, substOK := literalSubstitutions(b)
	if !substOK {
		s.Unknown = append(s.Unknown, Unknown{Address: addr, Reason: "substitutions is not a literal map; placeholders stay unresolved", Pos: PosOf(b.Body.Attributes["substitutions"].Expr.Range())})
	}
	data = substitute(data, subst)
	flow, err := archy.Parse(file, data)
	if err != nil {
		s.Diagnostics = append(s.Diagnostics, Diagnostic{Severity: SeverityError, Code: "flow-file",
			Message:   fmt.Sprintf("%s: flow file does not parse: %v", addr, err),
			Positions: []Pos{PosOf(a.Expr.Range())}})
		return
	}
	flowPos := flowNamePos(flow)
	if flow.Name == "" || hasPlaceholder(flow.Name) {
		s.Unknown = append(s.Unknown, Unknown{Address: addr, Reason: "flow name is empty or uses an unresolved substitution", Pos: flowPos})
	} else {
		s.Declares = append(s.Declares, Object{Type: "genesyscloud_flow", Name: flow.Name, Address: addr, Pos: flowPos})
	}
	for _, r := range flow.References() {
		typ, ok := resourceTypeOf(r.Kind)
		pos := Pos{File: r.Pos.File, Line: r.Pos.Line, Column: r.Pos.Column}
		switch {
		case !ok:
			continue
		case r.Kind == archy.RefDivision && strings.EqualFold(r.Name, "Home"):
			// Every org has the Home division; reporting it would only add noise.
			continue
		case hasPlaceholder(r.Name):
			s.Unknown = append(s.Unknown, Unknown{Address: addr, Reason: fmt.Sprintf("%s %q uses an unresolved substitution", r.Kind, r.Name), Pos: pos})
			continue
		}
		s.Refers = append(s.Refers, Ref{Type: typ, Name: r.Name, Via: "flow", Kind: string(r.Kind), Pos: pos})
	}
	for _, r := range flow.DynamicLookups() {
		pos := Pos{File: r.Pos.File, Line: r.Pos.Line, Column: r.Pos.Column}
		s.Unknown = append(s.Unknown, Unknown{Address: addr, Reason: fmt.Sprintf("%s looked up at run time by %s", r.Kind, r.Name), Pos: pos})
	}
}

// literalSubstitutions returns the flow resource's substitutions map; ok is false when the
// attribute exists but cannot be read without evaluating.
func literalSubstitutions(b *hclsyntax.Block) (map[string]string, bool) {
	a := b.Body.Attributes["substitutions"]
	if a == nil {
		return nil, true
	}
	if v, ok := LiteralValue(a.Expr, nil); ok {
		return StringMap(v)
	}
	// A map written out key by key whose values come from variables (what cx export writes:
	// `phone_1 = var.billing_phone`) still says which placeholders it fills: those with a
	// literal value are substituted, the rest stay, and only a name holding one is unknown.
	obj, isObj := a.Expr.(*hclsyntax.ObjectConsExpr)
	if !isObj {
		return nil, false
	}
	out := map[string]string{}
	for _, item := range obj.Items {
		k, ok := LiteralValue(item.KeyExpr, nil)
		if !ok {
			// A bare key is a traversal to HCL, but an object key all the same.
			if kt, isKey := item.KeyExpr.(*hclsyntax.ObjectConsKeyExpr); isKey {
				if name := hcl.ExprAsKeyword(kt.Wrapped); name != "" {
					k, ok = cty.StringVal(name), true
				}
			}
		}
		if !ok || k.Type() != cty.String {
			return nil, false
		}
		if v, ok := LiteralValue(item.ValueExpr, nil); ok && v.Type() == cty.String {
			out[k.AsString()] = v.AsString()
		}
	}
	return out, true
}

// substitute replaces {{key}} placeholders the way genesyscloud_flow does before upload:
// textually, in the whole file. Longest keys first so no key replaces part of another.
func substitute(data []byte, subst map[string]string) []byte {
	if len(subst) == 0 {
		return data
	}
	keys := sortedKeys(subst)
	sort.SliceStable(keys, func(i, j int) bool { return len(keys[i]) > len(keys[j]) })
	pairs := make([]string, 0, 2*len(keys))
	for _, k := range keys {
		pairs = append(pairs, "{{"+k+"}}", subst[k])
	}
	return []byte(strings.NewReplacer(pairs...).Replace(string(data)))
}

func hasPlaceholder(s string) bool {
	i := strings.Index(s, "{{")
	return i >= 0 && strings.Contains(s[i:], "}}")
}

// unwrapPathError drops the OS path from a read error: the message names the file already.
func unwrapPathError(err error) error {
	if pe, ok := err.(interface{ Unwrap() error }); ok && pe.Unwrap() != nil {
		return pe.Unwrap()
	}
	return err
}

// flowNamePos is where the flow's name is written (the flow-type key when it has none), so
// duplicate-owner errors point at the line to change.
func flowNamePos(f *archy.Flow) Pos {
	pos := Pos{File: f.TypePos.File, Line: f.TypePos.Line, Column: f.TypePos.Column}
	if f.Root == nil {
		return pos
	}
	for i := 0; i+1 < len(f.Root.Content); i += 2 {
		if f.Root.Content[i].Value == "name" {
			v := f.Root.Content[i+1]
			return Pos{File: f.File, Line: v.Line, Column: v.Column}
		}
	}
	return pos
}
