package export

import (
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/zclconf/go-cty/cty"
	ctyjson "github.com/zclconf/go-cty/cty/json"
)

// configValue is the value the block configText writes for state v evaluates to: what
// OpenTofu then validates and plans, and the provider is asked to validate here. ty is the
// schema's type.
func configValue(schema *tfprotov6.SchemaBlock, ty cty.Type, v cty.Value) cty.Value {
	if v.IsNull() {
		return cty.NullVal(ty)
	}
	attrs := map[string]cty.Value{}
	for _, a := range schema.Attributes {
		at := ty.AttributeType(a.Name)
		av := v.GetAttr(a.Name)
		switch {
		case !generated(a) || a.Sensitive || av.IsNull():
			attrs[a.Name] = cty.NullVal(at)
		case a.NestedType != nil:
			attrs[a.Name] = nestedConfigValue(a.NestedType, at, av)
		default:
			attrs[a.Name] = written(a, av)
		}
	}
	for _, nb := range schema.BlockTypes {
		bt := ty.AttributeType(nb.TypeName)
		bv := v.GetAttr(nb.TypeName)
		if nb.Block != nil && nb.Block.Deprecated {
			bv = cty.NullVal(bt)
		}
		attrs[nb.TypeName] = blockConfigValue(nb, bt, bv)
	}
	return cty.ObjectVal(attrs)
}

// written is what an attribute written from av evaluates to: an optional "" is null, a JSON
// string is jsonencode of its value (the same JSON, normalized).
func written(a *tfprotov6.SchemaAttribute, av cty.Value) cty.Value {
	if av.Type() != cty.String || !av.IsKnown() {
		return av
	}
	if a.Optional && av.AsString() == "" {
		return cty.NullVal(cty.String)
	}
	toks := valueTokens(av)
	if len(toks) > 0 && string(toks[0].Bytes) == "jsonencode" {
		s := []byte(av.AsString())
		if ty, err := ctyjson.ImpliedType(s); err == nil {
			if jv, err := ctyjson.Unmarshal(s, ty); err == nil {
				if out, err := ctyjson.Marshal(jv, ty); err == nil {
					return cty.StringVal(string(out))
				}
			}
		}
	}
	return av
}

func nestedConfigValue(nt *tfprotov6.SchemaObject, ty cty.Type, v cty.Value) cty.Value {
	obj := &tfprotov6.SchemaBlock{Attributes: nt.Attributes}
	switch nt.Nesting {
	case tfprotov6.SchemaObjectNestingModeSingle:
		return configValue(obj, ty, v)
	case tfprotov6.SchemaObjectNestingModeList, tfprotov6.SchemaObjectNestingModeSet:
		var elems []cty.Value
		for _, e := range elements(v) {
			elems = append(elems, configValue(obj, ty.ElementType(), e))
		}
		return collection(ty, elems, nil)
	default:
		m := map[string]cty.Value{}
		for k, e := range keyed(v) {
			m[k] = configValue(obj, ty.ElementType(), e)
		}
		return collection(ty, nil, m)
	}
}

func blockConfigValue(nb *tfprotov6.SchemaNestedBlock, ty cty.Type, v cty.Value) cty.Value {
	switch nb.Nesting {
	case tfprotov6.SchemaNestedBlockNestingModeSingle, tfprotov6.SchemaNestedBlockNestingModeGroup:
		return configValue(nb.Block, ty, v)
	case tfprotov6.SchemaNestedBlockNestingModeMap:
		m := map[string]cty.Value{}
		for k, e := range keyed(v) {
			m[k] = configValue(nb.Block, ty.ElementType(), e)
		}
		return collection(ty, nil, m)
	default:
		// Blocks not written are an empty list or set in a configuration, never null.
		var elems []cty.Value
		for _, e := range elements(v) {
			elems = append(elems, configValue(nb.Block, ty.ElementType(), e))
		}
		return collection(ty, elems, nil)
	}
}

// collection is a list, set or map value of type ty holding elems or m.
func collection(ty cty.Type, elems []cty.Value, m map[string]cty.Value) cty.Value {
	switch {
	case ty.IsListType() && len(elems) == 0:
		return cty.ListValEmpty(ty.ElementType())
	case ty.IsListType():
		return cty.ListVal(elems)
	case ty.IsSetType() && len(elems) == 0:
		return cty.SetValEmpty(ty.ElementType())
	case ty.IsSetType():
		return cty.SetVal(elems)
	case len(m) == 0:
		return cty.MapValEmpty(ty.ElementType())
	default:
		return cty.MapVal(m)
	}
}
