package provider

import (
	"fmt"
	"strings"

	"github.com/cxascode/cxascode/internal/kinds"
	"github.com/hashicorp/terraform-plugin-framework-validators/listvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/mapvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/setvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/booldefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/boolplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/float64default"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/float64planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/int64default"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/int64planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/listplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/mapplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/setplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringdefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// kindResourceSchema builds a regular kind's resource schema from its catalogue fields: the
// attribute names, types, modes and defaults are the official provider's because the
// catalogue entry states them. A kind without an update API replaces the object on every
// change.
func kindResourceSchema(k *kinds.Kind) (schema.Schema, error) {
	attrs, blocks, err := fieldsSchema(k.Fields, k.API.Update == "")
	if err != nil {
		return schema.Schema{}, fmt.Errorf("schema of %s: %w", k.Resource, err)
	}
	attrs["id"] = idAttribute()
	description := k.Summary
	if description == "" {
		description = fmt.Sprintf("Genesys Cloud %s.", k.Noun)
	}
	return schema.Schema{
		Description: description,
		Attributes:  attrs,
		Blocks:      blocks,
	}, nil
}

// fieldsSchema splits fields into attributes and (list) blocks; immutable marks every field
// as replacing the object when it changes.
func fieldsSchema(fields []kinds.Field, immutable bool) (map[string]schema.Attribute, map[string]schema.Block, error) {
	attrs := map[string]schema.Attribute{}
	blocks := map[string]schema.Block{}
	for _, f := range fields {
		if f.IsBlock() {
			b, err := blockSchema(f, immutable)
			if err != nil {
				return nil, nil, err
			}
			blocks[f.Attr] = b
			continue
		}
		a, err := attributeSchema(f, immutable)
		if err != nil {
			return nil, nil, err
		}
		attrs[f.Attr] = a
	}
	return attrs, blocks, nil
}

// blockSchema is a nested block list, as the official provider's "Block List"; an Object
// field's list holds at most one block ("Block List, Max: 1"). An Unordered field is a set
// of blocks instead ("Block Set").
func blockSchema(f kinds.Field, immutable bool) (schema.Block, error) {
	attrs, blocks, err := fieldsSchema(f.Nested, immutable)
	if err != nil {
		return nil, fmt.Errorf("block %s: %w", f.Attr, err)
	}
	nested := schema.NestedBlockObject{Attributes: attrs, Blocks: blocks}
	replace := f.ForceNew || immutable
	if f.Unordered {
		b := schema.SetNestedBlock{Description: f.Description, NestedObject: nested}
		if f.Type == kinds.Object {
			b.Validators = append(b.Validators, setvalidator.SizeAtMost(1))
		}
		if f.MinItems > 0 {
			b.Validators = append(b.Validators, setvalidator.SizeAtLeast(f.MinItems))
		}
		if replace {
			b.PlanModifiers = []planmodifier.Set{setplanmodifier.RequiresReplace()}
		}
		return b, nil
	}
	b := schema.ListNestedBlock{Description: f.Description, NestedObject: nested}
	if f.Type == kinds.Object {
		b.Validators = append(b.Validators, listvalidator.SizeAtMost(1))
	}
	if f.MinItems > 0 {
		b.Validators = append(b.Validators, listvalidator.SizeAtLeast(f.MinItems))
	}
	if replace {
		b.PlanModifiers = []planmodifier.List{listplanmodifier.RequiresReplace()}
	}
	return b, nil
}

// fieldMode is how a field's mode reads in the framework's three flags. A field with a
// default is computed as well: the framework fills the default in as a computed value.
type fieldMode struct {
	required, optional, computed bool
	// keepState: the org decides the value when the user does not, and it stays as it was
	// across updates (UseStateForUnknown) instead of showing "known after apply".
	keepState bool
}

func modeOf(f kinds.Field) fieldMode {
	switch f.Mode {
	case kinds.Required:
		return fieldMode{required: true}
	case kinds.Computed:
		return fieldMode{computed: true, keepState: !f.ChangesOnWrite}
	case kinds.OptionalComputed:
		return fieldMode{optional: true, computed: true, keepState: true}
	}
	return fieldMode{optional: true, computed: f.Default != nil}
}

// attributeSchema is the attribute for one non-block field.
func attributeSchema(f kinds.Field, immutable bool) (schema.Attribute, error) {
	m := modeOf(f)
	replace := (f.ForceNew || immutable) && !(m.computed && !m.optional)
	switch f.Type {
	case kinds.String:
		return schema.StringAttribute{Required: m.required, Optional: m.optional, Computed: m.computed,
			Sensitive: f.Sensitive, Description: fieldDescription(f), Validators: stringValidators(f),
			Default:       staticDefault(f, stringdefault.StaticString),
			PlanModifiers: planModifiers(m.keepState, stringplanmodifier.UseStateForUnknown(), replace, stringplanmodifier.RequiresReplace()),
		}, nil
	case kinds.Bool:
		return schema.BoolAttribute{Required: m.required, Optional: m.optional, Computed: m.computed,
			Sensitive: f.Sensitive, Description: fieldDescription(f),
			Default:       staticDefault(f, booldefault.StaticBool),
			PlanModifiers: planModifiers(m.keepState, boolplanmodifier.UseStateForUnknown(), replace, boolplanmodifier.RequiresReplace()),
		}, nil
	case kinds.Int:
		return schema.Int64Attribute{Required: m.required, Optional: m.optional, Computed: m.computed,
			Sensitive: f.Sensitive, Description: fieldDescription(f),
			Default:       staticDefault(f, int64default.StaticInt64),
			PlanModifiers: planModifiers(m.keepState, int64planmodifier.UseStateForUnknown(), replace, int64planmodifier.RequiresReplace()),
		}, nil
	case kinds.Float:
		return schema.Float64Attribute{Required: m.required, Optional: m.optional, Computed: m.computed,
			Sensitive: f.Sensitive, Description: fieldDescription(f),
			Default:       staticDefault(f, float64default.StaticFloat64),
			PlanModifiers: planModifiers(m.keepState, float64planmodifier.UseStateForUnknown(), replace, float64planmodifier.RequiresReplace()),
		}, nil
	case kinds.StringList:
		a := schema.ListAttribute{ElementType: types.StringType, Required: m.required, Optional: m.optional,
			Computed: m.computed, Sensitive: f.Sensitive, Description: fieldDescription(f)}
		if v := stringValidators(f); len(v) > 0 {
			a.Validators = []validator.List{listvalidator.ValueStringsAre(v...)}
		}
		if f.MinItems > 0 {
			a.Validators = append(a.Validators, listvalidator.SizeAtLeast(f.MinItems))
		}
		a.PlanModifiers = planModifiers(m.keepState, listplanmodifier.UseStateForUnknown(), replace, listplanmodifier.RequiresReplace())
		return a, nil
	case kinds.StringSet:
		a := schema.SetAttribute{ElementType: types.StringType, Required: m.required, Optional: m.optional,
			Computed: m.computed, Sensitive: f.Sensitive, Description: fieldDescription(f)}
		if v := stringValidators(f); len(v) > 0 {
			a.Validators = []validator.Set{setvalidator.ValueStringsAre(v...)}
		}
		if f.MinItems > 0 {
			a.Validators = append(a.Validators, setvalidator.SizeAtLeast(f.MinItems))
		}
		a.PlanModifiers = planModifiers(m.keepState, setplanmodifier.UseStateForUnknown(), replace, setplanmodifier.RequiresReplace())
		return a, nil
	case kinds.StringMap:
		a := schema.MapAttribute{ElementType: types.StringType, Required: m.required, Optional: m.optional,
			Computed: m.computed, Sensitive: f.Sensitive, Description: fieldDescription(f)}
		if v := stringValidators(f); len(v) > 0 {
			a.Validators = []validator.Map{mapvalidator.ValueStringsAre(v...)}
		}
		a.PlanModifiers = planModifiers(m.keepState, mapplanmodifier.UseStateForUnknown(), replace, mapplanmodifier.RequiresReplace())
		return a, nil
	}
	// The catalogue's field types are a closed set; a new one must be mapped here first.
	return nil, fmt.Errorf("field %s has a type (%d) the generic resource does not map", f.Attr, f.Type)
}

// planModifiers lists the modifiers a field needs, typed for its attribute kind.
func planModifiers[M any](keepState bool, useState M, replace bool, requiresReplace M) []M {
	var out []M
	if keepState {
		out = append(out, useState)
	}
	if replace {
		out = append(out, requiresReplace)
	}
	return out
}

// staticDefault is the framework default for the field's default value when the catalogue
// states one of type V, else none (a nil default, as if the attribute set none).
func staticDefault[V any, D any](f kinds.Field, static func(V) D) D {
	var none D
	if v, ok := f.Default.(V); ok {
		return static(v)
	}
	return none
}

// fieldDescription is the field's documentation, with its default as the official docs state it.
func fieldDescription(f kinds.Field) string {
	if f.Default == nil {
		return f.Description
	}
	return strings.TrimSpace(fmt.Sprintf("%s Defaults to `%v`.", f.Description, f.Default))
}

// stringValidators checks, at plan time, what the API would reject: values outside an enum,
// strings longer than the API's limit and values not in the field's format.
func stringValidators(f kinds.Field) []validator.String {
	var out []validator.String
	if len(f.Enum) > 0 {
		out = append(out, stringvalidator.OneOf(f.Enum...))
	}
	if f.MaxLength > 0 {
		out = append(out, stringvalidator.LengthAtMost(f.MaxLength))
	}
	return append(out, formatValidators(f.Format)...)
}
