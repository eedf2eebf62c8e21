package provider

import (
	"fmt"

	"github.com/cxascode/cxascode/internal/kinds"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// The generic resource's mapping between Terraform values and API JSON, field by field along
// the catalogue's JSON paths. Requests carry what the user set; state carries what the org
// answered, with the prior value deciding where the API cannot tell "unset" from "empty".

// requestBody builds the API body from planned attribute values. Computed fields and values
// that are null or not yet known are left out: the org decides them.
func requestBody(fields []kinds.Field, attrs map[string]attr.Value) (apiObject, error) {
	body := apiObject{}
	for _, f := range fields {
		// Members are written through their own sub-collection (kind_members.go), additions
		// as requests of their own (kind_additions.go), a named-by value to the object that
		// names (kind_named_by.go), an array kept beside the object to its path (kind_kept_at.go);
		// which object is adopted is the org's to say (kind_builtin.go).
		if f.Mode == kinds.Computed || f.Adopts || f.Members || f.AddedThrough != nil || f.NamedBy != nil || f.KeptAt != nil {
			continue
		}
		v, ok := attrs[f.Attr]
		if !ok || v.IsNull() || v.IsUnknown() || isNoValue(f, v) {
			if f.SentEmpty {
				kinds.Set(body, f.RequestJSON(), zeroJSON(f.Type))
			}
			continue
		}
		j, err := jsonValue(f, v)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", f.Attr, err)
		}
		if f.Type == kinds.Object {
			// The block list holds the object, or nothing when the user wrote no block.
			list, _ := j.([]any)
			if len(list) == 0 {
				continue
			}
			j = list[0]
		}
		if f.Keyed() {
			list, _ := j.([]any)
			j = f.BlockJSON(list)
		}
		kinds.Set(body, f.RequestJSON(), j)
	}
	return body, nil
}

// jsonValue is one attribute's value as JSON decodes (string, bool, int64, float64, []any of
// those, []any of objects for a block).
func jsonValue(f kinds.Field, v attr.Value) (any, error) {
	switch v := v.(type) {
	case types.String:
		if f.Format == kinds.JSONText {
			return decodeJSONText(v.ValueString())
		}
		return v.ValueString(), nil
	case types.Bool:
		return v.ValueBool(), nil
	case types.Int64:
		return v.ValueInt64(), nil
	case types.Float64:
		return v.ValueFloat64(), nil
	case types.List:
		return jsonList(f, v.Elements())
	case types.Set:
		return jsonList(f, v.Elements())
	case types.Map:
		out := make(map[string]any, len(v.Elements()))
		for key, el := range v.Elements() {
			s, ok := el.(types.String)
			if !ok {
				return nil, fmt.Errorf("map value %q is a %T", key, el)
			}
			out[key] = s.ValueString()
		}
		return out, nil
	}
	return nil, fmt.Errorf("unexpected value type %T", v)
}

// jsonList maps the elements of a string list or set, or the objects of a block.
func jsonList(f kinds.Field, elems []attr.Value) ([]any, error) {
	out := make([]any, 0, len(elems))
	for i, el := range elems {
		if f.IsBlock() {
			obj, ok := el.(types.Object)
			if !ok {
				return nil, fmt.Errorf("block element %d is a %T", i, el)
			}
			nested, err := requestBody(f.Nested, obj.Attributes())
			if err != nil {
				return nil, fmt.Errorf("block element %d: %w", i, err)
			}
			out = append(out, nested)
			continue
		}
		s, ok := el.(types.String)
		if !ok {
			return nil, fmt.Errorf("element %d is a %T", i, el)
		}
		out = append(out, s.ValueString())
	}
	return out, nil
}

// stateValues maps an API object onto attribute values of the given types. prior holds the
// values before (the plan on create and update, the state on read; nulls on import).
func stateValues(fields []kinds.Field, attrTypes map[string]attr.Type, obj apiObject, prior map[string]attr.Value) (map[string]attr.Value, diag.Diagnostics) {
	var diags diag.Diagnostics
	out := make(map[string]attr.Value, len(fields))
	for _, f := range fields {
		raw := kinds.Get(obj, f.JSON)
		p := prior[f.Attr]
		// The API never answers a write-only value, whatever its type: state keeps the one
		// configured (a credential's fields).
		if f.WriteOnly && p != nil && !p.IsNull() && !p.IsUnknown() {
			out[f.Attr] = p
			continue
		}
		switch f.Type {
		case kinds.Block, kinds.Object:
			if f.WriteOnly && raw == nil && p != nil && !p.IsUnknown() {
				out[f.Attr] = p // the API never answers it: what was configured stays
				continue
			}
			v, d := blockFromAPI(f, attrTypes[f.Attr], raw, p)
			diags.Append(d...)
			out[f.Attr] = v
		case kinds.StringList, kinds.StringSet:
			v, d := stringsFromAPI(f, raw, p)
			diags.Append(d...)
			out[f.Attr] = v
		case kinds.StringMap:
			v, d := stringMapFromAPI(f, raw, p)
			diags.Append(d...)
			out[f.Attr] = v
		default:
			if f.Format != kinds.FreeText {
				out[f.Attr] = formattedFromAPI(f, raw, p)
				continue
			}
			out[f.Attr] = scalarFromAPI(f, raw, p)
		}
	}
	return out, diags
}

// scalarFromAPI maps a string, bool or number. The API returns the zero value (or nothing)
// both for "never set" and "set to zero", so a zero keeps a prior zero, fills a required or
// defaulted attribute, and otherwise is null — the way optionalString treats strings. A
// sensitive or write-only value keeps its prior value: the API does not echo it.
func scalarFromAPI(f kinds.Field, raw any, prior attr.Value) attr.Value {
	value, zero := scalarValue(f.Type, raw)
	if value != nil {
		return value
	}
	priorKnown := prior != nil && !prior.IsNull() && !prior.IsUnknown()
	switch {
	case (f.Sensitive || f.WriteOnly) && priorKnown:
		return prior
	case priorKnown && prior.Equal(zero):
		return zero
	case f.Mode == kinds.Required || f.Default != nil || (f.Adopts && f.Type == kinds.Bool):
		return zero
	}
	return nullOf(f.Type)
}

// scalarValue returns the value when raw is a non-zero value of the field's type (else nil),
// and the type's zero value.
func scalarValue(t kinds.FieldType, raw any) (value, zero attr.Value) {
	switch t {
	case kinds.Bool:
		if b, ok := raw.(bool); ok && b {
			return types.BoolValue(true), types.BoolValue(false)
		}
		return nil, types.BoolValue(false)
	case kinds.Int:
		if n, ok := raw.(float64); ok && n != 0 {
			return types.Int64Value(int64(n)), types.Int64Value(0)
		}
		return nil, types.Int64Value(0)
	case kinds.Float:
		if n, ok := raw.(float64); ok && n != 0 {
			return types.Float64Value(n), types.Float64Value(0)
		}
		return nil, types.Float64Value(0)
	}
	if s, ok := raw.(string); ok && s != "" {
		return types.StringValue(s), types.StringValue("")
	}
	return nil, types.StringValue("")
}

// zeroJSON is the zero value of a scalar field type as JSON decodes, which a SentEmpty field
// sends when unset.
func zeroJSON(t kinds.FieldType) any {
	switch t {
	case kinds.Bool:
		return false
	case kinds.Int, kinds.Float:
		return float64(0)
	}
	return ""
}

func nullOf(t kinds.FieldType) attr.Value {
	switch t {
	case kinds.Bool:
		return types.BoolNull()
	case kinds.Int:
		return types.Int64Null()
	case kinds.Float:
		return types.Float64Null()
	}
	return types.StringNull()
}

// stringsFromAPI maps a list or set of strings; an empty one is null unless the user wrote
// an empty one or must write one.
func stringsFromAPI(f kinds.Field, raw any, prior attr.Value) (attr.Value, diag.Diagnostics) {
	var elems []attr.Value
	list, _ := raw.([]any)
	for _, el := range list {
		if s, ok := el.(string); ok {
			elems = append(elems, types.StringValue(s))
		}
	}
	priorKnown := prior != nil && !prior.IsNull() && !prior.IsUnknown()
	if len(elems) == 0 && !priorKnown && f.Mode != kinds.Required {
		if f.Type == kinds.StringSet {
			return types.SetNull(types.StringType), nil
		}
		return types.ListNull(types.StringType), nil
	}
	if elems == nil {
		elems = []attr.Value{}
	}
	if f.Type == kinds.StringSet {
		return types.SetValue(types.StringType, elems)
	}
	return types.ListValue(types.StringType, elems)
}

// stringMapFromAPI maps a JSON object of strings onto a map; an empty one is null unless
// the user wrote an empty one or must write one, as for lists.
func stringMapFromAPI(f kinds.Field, raw any, prior attr.Value) (attr.Value, diag.Diagnostics) {
	elems := map[string]attr.Value{}
	obj, _ := raw.(map[string]any)
	for key, el := range obj {
		if s, ok := el.(string); ok {
			elems[key] = types.StringValue(s)
		}
	}
	priorKnown := prior != nil && !prior.IsNull() && !prior.IsUnknown()
	if len(elems) == 0 && !priorKnown && f.Mode != kinds.Required {
		return types.MapNull(types.StringType), nil
	}
	return types.MapValue(types.StringType, elems)
}

// blockFromAPI maps an array of objects (or, for an Object field, the one object) onto a
// block list or, for an Unordered field, a block set. Blocks are never null in OpenTofu (no
// blocks is an empty list or set), so neither are they here. Elements are matched to prior
// ones by position: a set's order is the framework's, which is stable for equal values.
func blockFromAPI(f kinds.Field, t attr.Type, raw any, prior attr.Value) (attr.Value, diag.Diagnostics) {
	var diags diag.Diagnostics
	var elemAttrType attr.Type
	switch ct := t.(type) {
	case types.ListType:
		elemAttrType = ct.ElemType
	case types.SetType:
		elemAttrType = ct.ElemType
	default:
		diags.AddError("Provider bug", fmt.Sprintf("block %s has type %T, not a list or set", f.Attr, t))
		return types.ListNull(types.ObjectType{}), diags
	}
	elemType, ok := elemAttrType.(types.ObjectType)
	if !ok {
		diags.AddError("Provider bug", fmt.Sprintf("block %s holds %T, not objects", f.Attr, elemAttrType))
		return types.ListNull(elemAttrType), diags
	}
	var priorElems []attr.Value
	switch p := prior.(type) {
	case types.List:
		if !p.IsNull() && !p.IsUnknown() {
			priorElems = p.Elements()
		}
	case types.Set:
		if !p.IsNull() && !p.IsUnknown() {
			priorElems = p.Elements()
		}
	}
	objects := f.BlockObjects(raw)
	if f.Keyed() && !f.Unordered {
		objects = inPriorKeyOrder(f, objects, priorElems) // kind_keyed_blocks.go
	}
	elems := make([]attr.Value, 0, len(objects))
	for i, obj := range objects {
		var priorAttrs map[string]attr.Value
		if i < len(priorElems) {
			if po, ok := priorElems[i].(types.Object); ok {
				priorAttrs = po.Attributes()
			}
		}
		values, d := stateValues(f.Nested, elemType.AttrTypes, obj, priorAttrs)
		diags.Append(d...)
		v, d := types.ObjectValue(elemType.AttrTypes, values)
		diags.Append(d...)
		elems = append(elems, v)
	}
	if f.Unordered {
		v, d := types.SetValue(elemType, elems)
		diags.Append(d...)
		return v, diags
	}
	v, d := types.ListValue(elemType, elems)
	diags.Append(d...)
	return v, diags
}

// addRequiredEnclosures sends, empty, a nested object the request models require that holds
// only optional attributes the configuration left out (a workitem schema's jsonSchema
// document, holding its description and properties), and an array they require that an
// optional block list left without blocks (a rule set's rules): without it the API refuses
// the body, while the official provider always sends it.
func addRequiredEnclosures(k *kinds.Kind, body apiObject) {
	for _, f := range k.Fields {
		top := kinds.TopLevel(f.RequestJSON())
		if body[top] != nil {
			continue
		}
		nested := top != f.RequestJSON()
		emptyArray := f.Type == kinds.Block && !f.Keyed() && !nested
		if !nested && !emptyArray {
			continue
		}
		for _, method := range []string{"POST", k.API.Update} {
			mf := kinds.FieldOf(k.RequestModel(method), top)
			if mf == nil || !mf.Required {
				continue
			}
			if _, isArray := kinds.ArrayElem(mf.Type); emptyArray && isArray {
				body[top] = []any{}
			} else if nested && kinds.IsModel(mf.Type) {
				body[top] = map[string]any{}
			}
		}
	}
}
