package provider

import (
	"context"
	"reflect"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/boolplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/float64planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/int64planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/listplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/mapplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/numberplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/objectplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/setplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

// analyse works out what the server's shortcuts (server.go) may do for the resource r.
func analyse(ctx context.Context, r resource.Resource) *typeInfo {
	var sr resource.SchemaResponse
	r.Schema(ctx, resource.SchemaRequest{}, &sr)
	if sr.Diagnostics.HasError() {
		return nil
	}
	t := &typeInfo{tfType: sr.Schema.Type().TerraformType(ctx), version: sr.Schema.Version}
	_, modifies := r.(resource.ResourceWithModifyPlan)
	w := schemaWalk{ctx: ctx, safe: true}
	t.defaults = w.object(path.Empty(), sr.Schema.Attributes, sr.Schema.Blocks)
	t.plan = !modifies && w.safe
	_, beyond := r.(readsBeyondAPI)
	t.memo = !beyond
	return t
}

// readsBeyondAPI marks a resource whose Read depends on more than its state, its private
// state and the GETs it sends through the platform client (a flow's export is downloaded from
// a separate host): its reads are never answered from the read memo.
type readsBeyondAPI interface{ readsBeyondAPI() }

// keepsUnchangedPlan marks a plan modifier of this package that leaves a plan alone when the
// plan, the prior state and the configuration agree, so a no-op plan may skip it.
type keepsUnchangedPlan interface{ keepsUnchangedPlan() }

func (jsonSemanticPlan) keepsUnchangedPlan() {}
func (heldWhenUnset) keepsUnchangedPlan()    {}

// unchangedPlanModifiers are the framework's plan modifiers that leave a plan alone when it
// equals a known prior state: UseStateForUnknown acts on unknown values only, and
// RequiresReplace (and RequiresReplaceIf, the same type) only on changed ones.
var unchangedPlanModifiers = func() map[reflect.Type]bool {
	m := map[reflect.Type]bool{}
	for _, v := range []any{
		stringplanmodifier.UseStateForUnknown(), stringplanmodifier.RequiresReplace(),
		boolplanmodifier.UseStateForUnknown(), boolplanmodifier.RequiresReplace(),
		int64planmodifier.UseStateForUnknown(), int64planmodifier.RequiresReplace(),
		float64planmodifier.UseStateForUnknown(), float64planmodifier.RequiresReplace(),
		numberplanmodifier.UseStateForUnknown(), numberplanmodifier.RequiresReplace(),
		listplanmodifier.UseStateForUnknown(), listplanmodifier.RequiresReplace(),
		setplanmodifier.UseStateForUnknown(), setplanmodifier.RequiresReplace(),
		mapplanmodifier.UseStateForUnknown(), mapplanmodifier.RequiresReplace(),
		objectplanmodifier.UseStateForUnknown(), objectplanmodifier.RequiresReplace(),
	} {
		m[reflect.TypeOf(v)] = true
	}
	return m
}()

// defaultNode is an attribute with a default somewhere at or below it: value is its own
// default (nil when it has none); children are defaults of the attributes of its object, or
// of each element's object when each is set (a list, set or map of objects).
type defaultNode struct {
	name     string
	value    *tftypes.Value
	each     bool
	children []defaultNode
}

// schemaWalk collects defaults and clears safe when a plan modifier or attribute kind is not
// known to leave an unchanged plan alone.
type schemaWalk struct {
	ctx  context.Context
	safe bool
}

func (w *schemaWalk) object(at path.Path, attrs map[string]schema.Attribute, blocks map[string]schema.Block) []defaultNode {
	var nodes []defaultNode
	for name, a := range attrs {
		if n, ok := w.attribute(at.AtName(name), name, a); ok {
			nodes = append(nodes, n)
		}
	}
	for name, b := range blocks {
		if n, ok := w.block(at.AtName(name), name, b); ok {
			nodes = append(nodes, n)
		}
	}
	return nodes
}

func (w *schemaWalk) attribute(at path.Path, name string, a schema.Attribute) (defaultNode, bool) {
	w.modifiers(a)
	n := defaultNode{name: name, value: w.defaultOf(at, a)}
	switch a := a.(type) {
	case schema.ListNestedAttribute:
		w.modifiers(a.NestedObject)
		n.each, n.children = true, w.object(at.AtListIndex(0), a.NestedObject.Attributes, nil)
	case schema.SetNestedAttribute:
		w.modifiers(a.NestedObject)
		n.each, n.children = true, w.object(at, a.NestedObject.Attributes, nil)
	case schema.MapNestedAttribute:
		w.modifiers(a.NestedObject)
		n.each, n.children = true, w.object(at, a.NestedObject.Attributes, nil)
	case schema.SingleNestedAttribute:
		n.children = w.object(at, a.Attributes, nil)
	case schema.StringAttribute, schema.BoolAttribute, schema.Int64Attribute, schema.Float64Attribute,
		schema.NumberAttribute, schema.ListAttribute, schema.SetAttribute, schema.MapAttribute, schema.ObjectAttribute:
	default:
		w.safe = false // a kind of attribute this walk does not know
	}
	return n, n.value != nil || len(n.children) > 0
}

func (w *schemaWalk) block(at path.Path, name string, b schema.Block) (defaultNode, bool) {
	w.modifiers(b)
	n := defaultNode{name: name}
	switch b := b.(type) {
	case schema.ListNestedBlock:
		w.modifiers(b.NestedObject)
		n.each, n.children = true, w.object(at.AtListIndex(0), b.NestedObject.Attributes, b.NestedObject.Blocks)
	case schema.SetNestedBlock:
		w.modifiers(b.NestedObject)
		n.each, n.children = true, w.object(at, b.NestedObject.Attributes, b.NestedObject.Blocks)
	case schema.SingleNestedBlock:
		n.children = w.object(at, b.Attributes, b.Blocks)
	default:
		w.safe = false
	}
	return n, len(n.children) > 0
}

// modifiers checks the plan modifiers of v (any attribute, block or nested object: each has
// one XPlanModifiers method returning a slice of them).
func (w *schemaWalk) modifiers(v any) {
	rv := reflect.ValueOf(v)
	rt := rv.Type()
	for i := 0; i < rt.NumMethod(); i++ {
		m := rt.Method(i)
		if !strings.HasSuffix(m.Name, "PlanModifiers") || m.Type.NumIn() != 1 || m.Type.NumOut() != 1 || m.Type.Out(0).Kind() != reflect.Slice {
			continue
		}
		list := rv.Method(i).Call(nil)[0]
		for j := 0; j < list.Len(); j++ {
			mod := list.Index(j).Interface()
			if _, ok := mod.(keepsUnchangedPlan); !ok && !unchangedPlanModifiers[reflect.TypeOf(mod)] {
				w.safe = false
			}
		}
	}
}

// defaultOf returns a's static default as a terraform value, nil when it has none (each kind
// of attribute has one XDefaultValue method returning its defaults.X, whose DefaultX fills
// the PlanValue of a response).
func (w *schemaWalk) defaultOf(at path.Path, a schema.Attribute) *tftypes.Value {
	rv := reflect.ValueOf(a)
	rt := rv.Type()
	for i := 0; i < rt.NumMethod(); i++ {
		m := rt.Method(i)
		if !strings.HasSuffix(m.Name, "DefaultValue") || m.Type.NumIn() != 1 || m.Type.NumOut() != 1 {
			continue
		}
		def := rv.Method(i).Call(nil)[0]
		if def.IsNil() {
			return nil
		}
		v, ok := callDefault(w.ctx, at, def)
		if !ok {
			w.safe = false
			return nil
		}
		return &v
	}
	return nil
}

// callDefault calls the DefaultX(ctx, XRequest, *XResponse) method of def and returns the
// response's PlanValue.
func callDefault(ctx context.Context, at path.Path, def reflect.Value) (tftypes.Value, bool) {
	for i := 0; i < def.NumMethod(); i++ {
		m := def.Type().Method(i)
		if !strings.HasPrefix(m.Name, "Default") || m.Type.NumIn() != 3 {
			continue
		}
		req := reflect.New(m.Type.In(1)).Elem()
		if f := req.FieldByName("Path"); f.IsValid() && f.CanSet() {
			f.Set(reflect.ValueOf(at))
		}
		resp := reflect.New(m.Type.In(2).Elem())
		def.Method(i).Call([]reflect.Value{reflect.ValueOf(ctx), req, resp})
		pv, ok := resp.Elem().FieldByName("PlanValue").Interface().(attr.Value)
		if !ok {
			return tftypes.Value{}, false
		}
		if d := resp.Elem().FieldByName("Diagnostics"); d.IsValid() && d.Len() > 0 {
			return tftypes.Value{}, false
		}
		v, err := pv.ToTerraformValue(ctx)
		return v, err == nil
	}
	return tftypes.Value{}, false
}

// holdsDefaults reports whether the object v holds every default of nodes (see defaultNode).
func holdsDefaults(v tftypes.Value, nodes []defaultNode) bool {
	if v.IsNull() || !v.IsKnown() {
		return true
	}
	var attrs map[string]tftypes.Value
	if v.As(&attrs) != nil {
		return false
	}
	for _, n := range nodes {
		av, ok := attrs[n.name]
		if !ok {
			return false
		}
		if n.value != nil && !av.Equal(*n.value) {
			return false
		}
		if len(n.children) == 0 || av.IsNull() {
			continue
		}
		if !n.each {
			if !holdsDefaults(av, n.children) {
				return false
			}
			continue
		}
		var elems []tftypes.Value
		if av.Type().Is(tftypes.Map{}) {
			var m map[string]tftypes.Value
			if av.As(&m) != nil {
				return false
			}
			for _, e := range m {
				elems = append(elems, e)
			}
		} else if av.As(&elems) != nil {
			return false
		}
		for _, e := range elems {
			if !holdsDefaults(e, n.children) {
				return false
			}
		}
	}
	return true
}
