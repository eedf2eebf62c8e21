package provider

import (
	"github.com/hashicorp/terraform-plugin-framework-validators/listvalidator"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/listplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// A settings attribute is a flat object of an object's subresource that always exists in the
// org (a voicemail policy): the official provider writes it as a one-element block that is
// optional and computed, so leaving it out leaves the subresource unmanaged. A block cannot be
// computed in the plugin framework; a list of objects can, and OpenTofu takes block syntax for
// it, so the official configurations apply unchanged.

// settingKind is the Terraform type of one field of a settings attribute.
type settingKind int

const (
	boolSetting settingKind = iota
	intSetting
)

// settingField maps one attribute of the object to its JSON field in the API model.
type settingField struct {
	attr, json string
	kind       settingKind
}

// settingsObject describes a settings attribute by its fields.
type settingsObject []settingField

func (s settingsObject) objectType() types.ObjectType {
	fields := map[string]attr.Type{}
	for _, f := range s {
		fields[f.attr] = f.kind.attrType()
	}
	return types.ObjectType{AttrTypes: fields}
}

func (k settingKind) attrType() attr.Type {
	if k == intSetting {
		return types.Int64Type
	}
	return types.BoolType
}

// attribute is the schema of the settings attribute: optional, computed, at most one element.
func (s settingsObject) attribute(description string) schema.ListAttribute {
	return schema.ListAttribute{
		Optional: true, Computed: true, ElementType: s.objectType(), Description: description,
		Validators:    []validator.List{listvalidator.SizeAtMost(1)},
		PlanModifiers: []planmodifier.List{listplanmodifier.UseStateForUnknown()},
	}
}

// body is the PATCH body of the configured element: its non-null fields only, so a field the
// configuration leaves out keeps its value in the org. ok is false when no element is set.
func (s settingsObject) body(v types.List) (map[string]any, bool) {
	if !isSet(v) || len(v.Elements()) == 0 {
		return nil, false
	}
	obj, isObj := v.Elements()[0].(types.Object)
	if !isObj || obj.IsNull() {
		return nil, false
	}
	out := map[string]any{}
	for _, f := range s {
		switch val := obj.Attributes()[f.attr].(type) {
		case types.Bool:
			if isSet(val) {
				out[f.json] = val.ValueBool()
			}
		case types.Int64:
			if isSet(val) {
				out[f.json] = val.ValueInt64()
			}
		}
	}
	return out, true
}

// state is the attribute's value read from the API's JSON. A field the prior value (plan or
// state) holds as null stays null: block syntax leaves out what is not configured, and the
// configuration's null must survive the apply. With no prior element (create without the
// attribute, import) every field is read.
func (s settingsObject) state(api map[string]any, prior types.List) types.List {
	var priorFields map[string]attr.Value
	if isSet(prior) && len(prior.Elements()) > 0 {
		if obj, ok := prior.Elements()[0].(types.Object); ok && !obj.IsNull() && !obj.IsUnknown() {
			priorFields = obj.Attributes()
		}
	}
	values := map[string]attr.Value{}
	for _, f := range s {
		keepNull := priorFields != nil && priorFields[f.attr] != nil && priorFields[f.attr].IsNull()
		values[f.attr] = f.value(api[f.json], keepNull)
	}
	obj := s.objectType()
	return types.ListValueMust(obj, []attr.Value{types.ObjectValueMust(obj.AttrTypes, values)})
}

// value reads one JSON value (a bool, or a number decoded as float64) as the field's type.
func (f settingField) value(v any, null bool) attr.Value {
	switch f.kind {
	case intSetting:
		n, ok := v.(float64)
		if null || !ok {
			return types.Int64Null()
		}
		return types.Int64Value(int64(n))
	default:
		b, ok := v.(bool)
		if null || !ok {
			return types.BoolNull()
		}
		return types.BoolValue(b)
	}
}
