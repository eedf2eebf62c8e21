package export

import (
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/hashicorp/hcl/v2/hclwrite"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/zclconf/go-cty/cty"
	ctyjson "github.com/zclconf/go-cty/cty/json"
)

// A resource's configuration written from its state the way `tofu plan
// -generate-config-out` writes it (OpenTofu 1.10, internal/genconfig), so that the blocks
// the in-process generation writes are the ones OpenTofu would:
//
//   - Only what a configuration may set: computed-only and deprecated attributes are left
//     out, and so is an optional+computed "id" (OpenTofu drops it as the legacy SDK's), at
//     every depth; deprecated nested blocks too.
//   - Attributes first, then nested blocks, each in name order.
//   - A sensitive attribute is `null # sensitive`; an optional string that is "" is written
//     null (the legacy SDK's empty value); a string holding a JSON object or array is
//     written as jsonencode(...) of its value; anything else is its value (null too).
//   - A nested block is written once per element (none when null); a map's under its key.
//   - Nested attributes are written as an object, a list of objects or a map of objects.
//   - The text is formatted as `hclwrite.Format` formats it.

// configText returns the resource block of typ named label whose state is v, per schema,
// formatted.
func configText(typ, label string, schema *tfprotov6.SchemaBlock, v cty.Value) []byte {
	var b strings.Builder
	fmt.Fprintf(&b, "resource %q %q {\n", typ, label)
	writeBody(&b, schema.Attributes, schema.BlockTypes, v)
	b.WriteString("}")
	// OpenTofu formats the body, then the block around it: the same text.
	return hclwrite.Format([]byte(b.String()))
}

// generated reports whether a configuration may set the attribute, i.e. whether OpenTofu
// writes it.
func generated(a *tfprotov6.SchemaAttribute) bool {
	switch {
	case a.Computed && !a.Optional, a.Deprecated:
		return false
	case a.Name == "id" && a.Computed && a.Optional:
		return false
	}
	return true
}

// attrOf is v's attribute name, null (of no type) when v is null or has no such attribute.
func attrOf(v cty.Value, name string) (cty.Value, bool) {
	if v.IsNull() || !v.Type().IsObjectType() || !v.Type().HasAttribute(name) {
		return cty.NilVal, false
	}
	return v.GetAttr(name), true
}

func writeBody(b *strings.Builder, attrs []*tfprotov6.SchemaAttribute, blocks []*tfprotov6.SchemaNestedBlock, v cty.Value) {
	writeAttributes(b, attrs, v)
	blocks = slices.Clone(blocks)
	slices.SortFunc(blocks, func(x, y *tfprotov6.SchemaNestedBlock) int { return strings.Compare(x.TypeName, y.TypeName) })
	for _, nb := range blocks {
		if nb.Block != nil && nb.Block.Deprecated {
			continue
		}
		bv, ok := attrOf(v, nb.TypeName)
		if !ok {
			continue
		}
		writeBlocks(b, nb, bv)
	}
}

func writeAttributes(b *strings.Builder, attrs []*tfprotov6.SchemaAttribute, v cty.Value) {
	attrs = slices.Clone(attrs)
	slices.SortFunc(attrs, func(x, y *tfprotov6.SchemaAttribute) int { return strings.Compare(x.Name, y.Name) })
	for _, a := range attrs {
		if !generated(a) {
			continue
		}
		if a.NestedType != nil {
			writeNestedAttribute(b, a, v)
			continue
		}
		fmt.Fprintf(b, "%s = ", a.Name)
		if a.Sensitive {
			b.WriteString("null # sensitive\n")
			continue
		}
		av, ok := attrOf(v, a.Name)
		if !ok {
			av = cty.NullVal(cty.DynamicPseudoType)
		}
		if a.Optional && av.Type() == cty.String && !av.IsNull() && av.IsKnown() && av.AsString() == "" {
			av = cty.NullVal(cty.String)
		}
		b.Write(valueTokens(av).Bytes())
		b.WriteString("\n")
	}
}

// valueTokens is v written as HCL: a string holding a JSON object or array as jsonencode of
// its value, as OpenTofu writes it.
func valueTokens(v cty.Value) hclwrite.Tokens {
	if v.Type() == cty.String && !v.IsNull() && v.IsKnown() {
		s := []byte(strings.TrimSpace(v.AsString()))
		if len(s) > 0 && (s[0] == '{' || s[0] == '[') {
			if ty, err := ctyjson.ImpliedType(s); err == nil {
				if jv, err := ctyjson.Unmarshal(s, ty); err == nil {
					return hclwrite.TokensForFunctionCall("jsonencode", hclwrite.TokensForValue(jv))
				}
			}
		}
	}
	return hclwrite.TokensForValue(v)
}

// elements are the elements of a list, set or tuple value; nil when it is null or unknown.
func elements(v cty.Value) []cty.Value {
	if v == cty.NilVal || v.IsNull() || !v.IsKnown() {
		return nil
	}
	var out []cty.Value
	for it := v.ElementIterator(); it.Next(); {
		_, e := it.Element()
		out = append(out, e)
	}
	return out
}

// keyed are the elements of a map or object value by key.
func keyed(v cty.Value) map[string]cty.Value {
	if v.IsNull() || !v.IsKnown() || v.LengthInt() == 0 {
		return map[string]cty.Value{}
	}
	return v.AsValueMap()
}

func writeNestedAttribute(b *strings.Builder, a *tfprotov6.SchemaAttribute, v cty.Value) {
	nt := a.NestedType
	av, ok := attrOf(v, a.Name)
	switch nt.Nesting {
	case tfprotov6.SchemaObjectNestingModeSingle:
		switch {
		case a.Sensitive:
			fmt.Fprintf(b, "%s = {} # sensitive\n", a.Name)
		case !ok:
		case av.IsNull():
			fmt.Fprintf(b, "%s = null\n", a.Name)
		default:
			fmt.Fprintf(b, "%s = {\n", a.Name)
			writeAttributes(b, nt.Attributes, av)
			b.WriteString("}\n")
		}
	case tfprotov6.SchemaObjectNestingModeList, tfprotov6.SchemaObjectNestingModeSet:
		if a.Sensitive {
			fmt.Fprintf(b, "%s = [] # sensitive\n", a.Name)
			return
		}
		if !ok || av.IsNull() || !av.IsKnown() {
			fmt.Fprintf(b, "%s = null\n", a.Name)
			return
		}
		fmt.Fprintf(b, "%s = [\n", a.Name)
		for _, e := range elements(av) {
			b.WriteString("{\n")
			writeAttributes(b, nt.Attributes, e)
			b.WriteString("},\n")
		}
		b.WriteString("]\n")
	case tfprotov6.SchemaObjectNestingModeMap:
		if a.Sensitive {
			fmt.Fprintf(b, "%s = {} # sensitive\n", a.Name)
			return
		}
		if !ok || av.IsNull() {
			fmt.Fprintf(b, "%s = null\n", a.Name)
			return
		}
		m := keyed(av)
		fmt.Fprintf(b, "%s = {\n", a.Name)
		for _, k := range slices.Sorted(maps.Keys(m)) {
			fmt.Fprintf(b, "%s = {\n", k)
			writeAttributes(b, nt.Attributes, m[k])
			b.WriteString("}\n")
		}
		b.WriteString("}\n")
	}
}

func writeBlocks(b *strings.Builder, nb *tfprotov6.SchemaNestedBlock, v cty.Value) {
	one := func(header string, e cty.Value) {
		b.WriteString(header + " {\n")
		writeBody(b, nb.Block.Attributes, nb.Block.BlockTypes, e)
		b.WriteString("}\n")
	}
	switch nb.Nesting {
	case tfprotov6.SchemaNestedBlockNestingModeSingle, tfprotov6.SchemaNestedBlockNestingModeGroup:
		if !v.IsNull() {
			one(nb.TypeName, v)
		}
	case tfprotov6.SchemaNestedBlockNestingModeList, tfprotov6.SchemaNestedBlockNestingModeSet:
		for _, e := range elements(v) {
			one(nb.TypeName, e)
		}
	case tfprotov6.SchemaNestedBlockNestingModeMap:
		m := keyed(v)
		for _, k := range slices.Sorted(maps.Keys(m)) {
			one(fmt.Sprintf("%s %q", nb.TypeName, k), m[k])
		}
	}
}
