package backport

import (
	"context"
	"fmt"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"github.com/cxascode/cxascode/internal/drift"
	"github.com/cxascode/cxascode/internal/workspace"
	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/hashicorp/hcl/v2/hclwrite"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/zclconf/go-cty/cty"
)

// hiddenValue is how drift shows sensitive values; they cannot be written back.
const hiddenValue = "(sensitive)"

// managed backports one managed finding into the block that declares the object.
func (b *builder) managed(ctx context.Context, f drift.Finding) error {
	label := f.Address + " (" + f.Project + ")"
	p := b.projectFor(f.Project)
	switch {
	case p == nil:
		b.skip(label, "project %s is not in the workspace", f.Project)
		return nil
	case f.Deleted:
		b.skip(label, "deleted in the org: remove the block from %s, or apply to create it again", f.Project)
		return nil
	case strings.ContainsAny(f.Address, "[") || strings.HasPrefix(f.Address, "module."):
		b.skip(label, "declared with count, for_each or in a module: edit the inputs by hand")
		return nil
	}
	typ, name, _ := strings.Cut(f.Address, ".")
	file, blk, err := b.findResource(p, typ, name)
	if err != nil {
		return err
	}
	if blk == nil {
		b.skip(label, "no resource block %s in %s", f.Address, strings.Join(p.Files, ", "))
		return nil
	}
	if typ == "genesyscloud_flow" {
		return b.flow(ctx, f, p, label, blk)
	}
	w := &blockWriter{b: b, p: p, file: file, label: label}
	for _, a := range f.Attributes {
		if a.New == hiddenValue {
			b.skip(label, "%s is sensitive: its value in the org cannot be read back; set it by hand", a.Path)
			continue
		}
		segs, ok := parsePath(a.Path)
		if !ok {
			b.skip(label, "cannot read the attribute path %s", a.Path)
			continue
		}
		what, err := w.set(ctx, blk.Body(), b.sch.block(typ), segs, a.New)
		if err != nil {
			return err
		}
		if what != "" {
			b.skip(label, "%s: %s", a.Path, what)
			continue
		}
		b.done(label, "%s = %s (%s)", a.Path, shortValue(a.New), file)
		b.refresh[f.Project] = true
	}
	return nil
}

// findResource finds the block declaring a resource in the project's files.
func (b *builder) findResource(p *workspace.Project, typ, name string) (string, *hclwrite.Block, error) {
	for _, file := range p.Files {
		f, err := b.ed.hclFile(file, false)
		if err != nil {
			return "", nil, err
		}
		if blk := f.Body().FirstMatchingBlock("resource", []string{typ, name}); blk != nil {
			return file, blk, nil
		}
	}
	return "", nil, nil
}

// pathSeg is one step of a drift attribute path: media_settings_call[0] or alerting_timeout_sec.
type pathSeg struct {
	name  string
	index int // -1: none
}

var segPattern = regexp.MustCompile(`^([A-Za-z_][A-Za-z0-9_-]*)(?:\[(\d+)\])?$`)

func parsePath(p string) ([]pathSeg, bool) {
	var out []pathSeg
	for _, part := range strings.Split(p, ".") {
		m := segPattern.FindStringSubmatch(part)
		if m == nil {
			return nil, false
		}
		s := pathSeg{name: m[1], index: -1}
		if m[2] != "" {
			s.index, _ = strconv.Atoi(m[2])
		}
		out = append(out, s)
	}
	return out, len(out) > 0
}

// blockWriter sets values inside one resource block.
type blockWriter struct {
	b     *builder
	p     *workspace.Project
	file  string
	label string
}

// set writes value at segs inside body. It returns why it could not ("" when it did).
func (w *blockWriter) set(ctx context.Context, body *hclwrite.Body, sb *tfprotov6.SchemaBlock, segs []pathSeg, value any) (string, error) {
	s := segs[0]
	if len(segs) == 2 && s.index < 0 && segs[1].index < 0 && isMapAttr(attrOf(sb, s.name)) {
		return w.setMapEntry(ctx, body, s.name, segs[1].name, value) // managed_maps.go
	}
	if len(segs) > 1 {
		nb := nestedBlockOf(sb, s.name)
		if nb == nil || s.index < 0 {
			return "a nested attribute: edit it by hand", nil
		}
		blocks := blocksNamed(body, s.name)
		switch {
		case s.index < len(blocks):
			return w.set(ctx, blocks[s.index].Body(), nb.Block, segs[1:], value)
		case s.index == len(blocks):
			return w.set(ctx, body.AppendNewBlock(s.name, nil).Body(), nb.Block, segs[1:], value)
		}
		return fmt.Sprintf("%s[%d] is not written in the code", s.name, s.index), nil
	}
	if s.index >= 0 {
		return "an element of an ordered list: edit it by hand", nil
	}
	if nb := nestedBlockOf(sb, s.name); nb != nil {
		return w.reconcileBlocks(ctx, body, s.name, nb.Block, value)
	}
	a := attrOf(sb, s.name)
	switch {
	case sb != nil && a == nil:
		return "not an attribute of the provider's schema", nil
	case sb != nil && !settable(a):
		return "computed by the org: there is nothing to write", nil
	}
	existing := body.GetAttribute(s.name)
	if existing == nil && len(blocksNamed(body, s.name)) > 0 {
		// A set of objects written with block syntax (routing_skills { … }).
		return w.reconcileBlocks(ctx, body, s.name, nil, value)
	}
	if existing != nil && !rewritable(existing) {
		return w.setVariable(existing, value)
	}
	if value == nil {
		body.RemoveAttribute(s.name)
		return "", nil
	}
	if existing == nil {
		if items, ok := value.([]any); ok && isObjectList(items) && a != nil && a.NestedType == nil {
			// New sets of objects are written as blocks, the way the examples write them.
			return w.reconcileBlocks(ctx, body, s.name, nil, value)
		}
	}
	toks, err := w.tokens(ctx, s.name, value)
	if err != nil {
		return "", err
	}
	body.SetAttributeRaw(s.name, toks)
	return "", nil
}

// rewritable reports whether an attribute's expression may be replaced by a value: it is a
// literal, or refers only to resources and data sources (ids that tokens writes back as
// references). Variables, locals and function calls are someone's decision to keep.
func rewritable(a *hclwrite.Attribute) bool {
	e := exprOf(a)
	if e == nil {
		return false
	}
	for _, v := range e.Variables() {
		switch v.RootName() {
		case "var", "local", "module", "path", "terraform", "each", "count", "self":
			return false
		}
	}
	var hasCall bool
	hclsyntax.VisitAll(e, func(n hclsyntax.Node) hcl.Diagnostics {
		if _, ok := n.(*hclsyntax.FunctionCallExpr); ok {
			hasCall = true
		}
		return nil
	})
	return !hasCall || len(e.Variables()) == 0
}

// setVariable backports a value held by `var.NAME` into the environment's tfvars when that
// file sets NAME to a literal; anything else is left to a person.
func (w *blockWriter) setVariable(a *hclwrite.Attribute, value any) (string, error) {
	e := exprOf(a)
	st, ok := e.(*hclsyntax.ScopeTraversalExpr)
	expr := strings.TrimSpace(string(a.Expr().BuildTokens(nil).Bytes()))
	if !ok || len(st.Traversal) != 2 || st.Traversal.RootName() != "var" {
		return fmt.Sprintf("written as %s: set it by hand", expr), nil
	}
	name := st.Traversal[1].(hcl.TraverseAttr).Name
	vars := w.p.Environments[w.b.o.Env].Vars
	if vars == "" {
		return fmt.Sprintf("written as %s, and the project has no env/%s.tfvars: set the variable by hand", expr, w.b.o.Env), nil
	}
	f, err := w.b.ed.hclFile(vars, false)
	if err != nil {
		return "", err
	}
	va := f.Body().GetAttribute(name)
	if va == nil {
		return fmt.Sprintf("written as %s, which %s does not set: set it there by hand", expr, vars), nil
	}
	if _, ok := literalValue(va); !ok {
		return fmt.Sprintf("written as %s, which %s sets with an expression: set it by hand", expr, vars), nil
	}
	if value == nil {
		return fmt.Sprintf("written as %s and now empty in the org: remove it from %s by hand", expr, vars), nil
	}
	f.Body().SetAttributeValue(name, ctyOf(value))
	return "", nil
}

// reconcileBlocks makes the blocks named name match want (a list of objects, as the plan
// holds a set or list of blocks): blocks equal to an element stay as written, blocks that
// share an element's identity (its first *_id attribute) get the changed attributes, the
// others are removed and the remaining elements appended as new blocks.
func (w *blockWriter) reconcileBlocks(ctx context.Context, body *hclwrite.Body, name string, sb *tfprotov6.SchemaBlock, value any) (string, error) {
	var want []map[string]any
	switch v := value.(type) {
	case nil:
	case []any:
		for _, el := range v {
			m, ok := el.(map[string]any)
			if !ok {
				return "not a list of objects", nil
			}
			want = append(want, m)
		}
	default:
		return "not a list of objects", nil
	}
	used := make([]bool, len(want))
	blocks := blocksNamed(body, name)
	matched := make([]int, len(blocks))
	for i, blk := range blocks {
		matched[i] = -1
		have := w.blockValues(blk.Body())
		for j, el := range want {
			if !used[j] && sameObject(have, el, false) {
				matched[i], used[j] = j, true
				break
			}
		}
	}
	for i, blk := range blocks {
		if matched[i] >= 0 {
			continue
		}
		have := w.blockValues(blk.Body())
		for j, el := range want {
			if !used[j] && sameObject(have, el, true) {
				matched[i], used[j] = j, true
				for _, k := range sortedKeys(el) {
					if hv, ok := have[k]; ok && valuesEqual(hv, el[k]) {
						continue
					}
					if _, err := w.set(ctx, blk.Body(), sb, []pathSeg{{name: k, index: -1}}, el[k]); err != nil {
						return "", err
					}
				}
				break
			}
		}
		if matched[i] < 0 {
			body.RemoveBlock(blk)
		}
	}
	for j, el := range want {
		if used[j] {
			continue
		}
		nb := body.AppendNewBlock(name, nil)
		for _, k := range sortedKeys(el) {
			if el[k] == nil || sb != nil && !settable(attrOf(sb, k)) && nestedBlockOf(sb, k) == nil {
				continue
			}
			toks, err := w.tokens(ctx, k, el[k])
			if err != nil {
				return "", err
			}
			nb.Body().SetAttributeRaw(k, toks)
		}
	}
	return "", nil
}

// blockValues evaluates a block's attributes: literals as values, references to resources
// and data sources as the referenced object's attribute from the state. Attributes it
// cannot evaluate are left out.
func (w *blockWriter) blockValues(body *hclwrite.Body) map[string]any {
	out := map[string]any{}
	for name, a := range body.Attributes() {
		if v, ok := literalValue(a); ok {
			out[name] = goValue(v)
			continue
		}
		st, ok := exprOf(a).(*hclsyntax.ScopeTraversalExpr)
		if !ok {
			continue
		}
		var parts []string
		for _, t := range st.Traversal {
			switch s := t.(type) {
			case hcl.TraverseRoot:
				parts = append(parts, s.Name)
			case hcl.TraverseAttr:
				parts = append(parts, s.Name)
			}
		}
		if len(parts) < 3 {
			continue
		}
		addr, attr := strings.Join(parts[:len(parts)-1], "."), parts[len(parts)-1]
		if vals := w.b.st.values(w.p.Name, addr); vals != nil {
			out[name] = vals[attr]
		}
	}
	return out
}

// sameObject compares a block's known values with an element: all equal, or (byKey) the
// element's identity — its first *_id attribute in name order — equal.
func sameObject(have, want map[string]any, byKey bool) bool {
	if byKey {
		for _, k := range sortedKeys(want) {
			if strings.HasSuffix(k, "_id") && want[k] != nil {
				return valuesEqual(have[k], want[k])
			}
		}
		return false
	}
	for k, hv := range have {
		if !valuesEqual(hv, want[k]) {
			return false
		}
	}
	return len(have) > 0
}

func valuesEqual(a, b any) bool {
	if af, ok := a.(float64); ok {
		bf, ok := b.(float64)
		return ok && af == bf
	}
	return fmt.Sprint(a) == fmt.Sprint(b)
}

// tokens renders value for attribute attr; ids become references (see refResolver).
func (w *blockWriter) tokens(ctx context.Context, attr string, value any) (hclwrite.Tokens, error) {
	switch v := value.(type) {
	case string:
		if looksLikeID(v) {
			return w.b.refs.tokens(ctx, w.p, w.file, attr, v)
		}
	case []any:
		elems := make([]hclwrite.Tokens, 0, len(v))
		for _, el := range v {
			et, err := w.tokens(ctx, attr, el)
			if err != nil {
				return nil, err
			}
			elems = append(elems, et)
		}
		return listTokens(elems), nil
	case map[string]any:
		toks := hclwrite.Tokens{{Type: hclsyntax.TokenOBrace, Bytes: []byte("{")}, {Type: hclsyntax.TokenNewline, Bytes: []byte("\n")}}
		for _, k := range sortedKeys(v) {
			if v[k] == nil {
				continue
			}
			et, err := w.tokens(ctx, k, v[k])
			if err != nil {
				return nil, err
			}
			toks = append(toks, &hclwrite.Token{Type: hclsyntax.TokenIdent, Bytes: []byte(k)},
				&hclwrite.Token{Type: hclsyntax.TokenEqual, Bytes: []byte("=")})
			toks = append(toks, et...)
			toks = append(toks, &hclwrite.Token{Type: hclsyntax.TokenNewline, Bytes: []byte("\n")})
		}
		return append(toks, &hclwrite.Token{Type: hclsyntax.TokenCBrace, Bytes: []byte("}")}), nil
	}
	return hclwrite.TokensForValue(ctyOf(value)), nil
}

// listTokens renders already rendered elements as a list: [a,b].
func listTokens(elems []hclwrite.Tokens) hclwrite.Tokens {
	toks := hclwrite.Tokens{{Type: hclsyntax.TokenOBrack, Bytes: []byte("[")}}
	for i, el := range elems {
		if i > 0 {
			toks = append(toks, &hclwrite.Token{Type: hclsyntax.TokenComma, Bytes: []byte(",")})
		}
		toks = append(toks, el...)
	}
	return append(toks, &hclwrite.Token{Type: hclsyntax.TokenCBrack, Bytes: []byte("]")})
}

// ctyOf converts a plan JSON value to cty.
func ctyOf(v any) cty.Value {
	switch t := v.(type) {
	case nil:
		return cty.NullVal(cty.DynamicPseudoType)
	case string:
		return cty.StringVal(t)
	case bool:
		return cty.BoolVal(t)
	case float64:
		return cty.NumberFloatVal(t)
	case []any:
		if len(t) == 0 {
			return cty.EmptyTupleVal
		}
		vals := make([]cty.Value, len(t))
		for i, el := range t {
			vals[i] = ctyOf(el)
		}
		return cty.TupleVal(vals)
	case map[string]any:
		if len(t) == 0 {
			return cty.EmptyObjectVal
		}
		vals := map[string]cty.Value{}
		for k, el := range t {
			vals[k] = ctyOf(el)
		}
		return cty.ObjectVal(vals)
	}
	return cty.StringVal(fmt.Sprint(v))
}

// goValue converts a known cty value to what plan JSON holds.
func goValue(v cty.Value) any {
	if v.IsNull() {
		return nil
	}
	switch {
	case v.Type() == cty.String:
		return v.AsString()
	case v.Type() == cty.Bool:
		return v.True()
	case v.Type() == cty.Number:
		f, _ := v.AsBigFloat().Float64()
		return f
	case v.Type().IsListType() || v.Type().IsTupleType() || v.Type().IsSetType():
		var out []any
		for it := v.ElementIterator(); it.Next(); {
			_, el := it.Element()
			out = append(out, goValue(el))
		}
		return out
	case v.Type().IsObjectType() || v.Type().IsMapType():
		out := map[string]any{}
		for it := v.ElementIterator(); it.Next(); {
			k, el := it.Element()
			out[k.AsString()] = goValue(el)
		}
		return out
	}
	return nil
}

func blocksNamed(body *hclwrite.Body, name string) []*hclwrite.Block {
	var out []*hclwrite.Block
	for _, blk := range body.Blocks() {
		if blk.Type() == name {
			out = append(out, blk)
		}
	}
	return out
}

func isObjectList(items []any) bool {
	for _, el := range items {
		if _, ok := el.(map[string]any); !ok {
			return false
		}
	}
	return len(items) > 0
}

func sortedKeys(m map[string]any) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// shortValue is a value for a one-line message.
func shortValue(v any) string {
	switch t := v.(type) {
	case nil:
		return "null"
	case string:
		return strconv.Quote(t)
	case []any:
		return fmt.Sprintf("[%d elements]", len(t))
	case map[string]any:
		return "{…}"
	}
	return fmt.Sprint(v)
}
