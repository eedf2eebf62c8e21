package configscan

import (
	"sort"

	"github.com/hashicorp/hcl/v2"
	"github.com/zclconf/go-cty/cty"
)

// Reading HCL without evaluating it: only literal values count. A name behind a variable or
// function is "unknown", never guessed.

// LiteralValue evaluates an expression without variables or functions; ctx may supply the
// few variables a caller allows (path.module for flow files).
func LiteralValue(expr hcl.Expression, ctx *hcl.EvalContext) (cty.Value, bool) {
	if ctx == nil && len(expr.Variables()) > 0 {
		return cty.NilVal, false
	}
	v, diags := expr.Value(ctx)
	if diags.HasErrors() || !v.IsWhollyKnown() || v.IsNull() {
		return cty.NilVal, false
	}
	return v, true
}

// StringMap reads an object or map value whose every element is a string.
func StringMap(v cty.Value) (map[string]string, bool) {
	if !v.Type().IsObjectType() && !v.Type().IsMapType() {
		return nil, false
	}
	out := map[string]string{}
	for it := v.ElementIterator(); it.Next(); {
		k, e := it.Element()
		if e.Type() != cty.String || e.IsNull() {
			return nil, false
		}
		out[k.AsString()] = e.AsString()
	}
	return out, true
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
