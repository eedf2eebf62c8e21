package provider

import (
	"slices"

	"github.com/cxascode/cxascode/internal/kinds"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// inPriorKeyOrder orders a keyed block list's objects (kinds.Field.Keyed) as the prior blocks
// were: the API's object has no order, the user's block list does, and the list is compared
// by position. Entries the prior blocks do not hold follow, in key order.
func inPriorKeyOrder(f kinds.Field, objects []map[string]any, prior []attr.Value) []map[string]any {
	keyAttr := ""
	for _, n := range f.Nested {
		if n.JSON == kinds.EntryKey {
			keyAttr = n.Attr
		}
	}
	rank := map[string]int{}
	for i, el := range prior {
		o, ok := el.(types.Object)
		if !ok {
			continue
		}
		if s, ok := o.Attributes()[keyAttr].(types.String); ok && !s.IsNull() && !s.IsUnknown() {
			rank[s.ValueString()] = i
		}
	}
	position := func(o map[string]any) int {
		key, _ := o[kinds.EntryKey].(string)
		if r, ok := rank[key]; ok {
			return r
		}
		return len(prior)
	}
	out := slices.Clone(objects)
	// Stable: the entries not in the prior blocks keep BlockObjects' key order.
	slices.SortStableFunc(out, func(a, b map[string]any) int { return position(a) - position(b) })
	return out
}
