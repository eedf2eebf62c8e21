package test

import (
	"encoding/json"
	"strings"

	"github.com/cxascode/cxascode/internal/kinds"
	"github.com/hashicorp/hcl/v2"
	"github.com/zclconf/go-cty/cty"
	ctyjson "github.com/zclconf/go-cty/cty/json"
)

// Object tests: the kind comes from the catalogue by its official resource type, and
// attributes become JSON paths through the kind's fields, so a new regular kind is testable
// the day its catalogue entry lands.

func objectSchema() *hcl.BodySchema {
	return &hcl.BodySchema{
		Attributes: []hcl.AttributeSchema{{Name: "type", Required: true}, {Name: "name", Required: true},
			{Name: "attributes"}, {Name: "api"}, {Name: "matches_workspace"}},
		Blocks: []hcl.BlockHeaderSchema{{Type: "count", LabelNames: []string{"path"}}, {Type: "state_at"}},
	}
}

func countSchema() *hcl.BodySchema {
	return &hcl.BodySchema{Attributes: []hcl.AttributeSchema{{Name: "equals"}, {Name: "at_least"},
		{Name: "at_most"}, {Name: "includes"}}}
}

func (p *parser) object(b *hcl.Block) *Object {
	content, d := b.Body.Content(objectSchema())
	p.diags = append(p.diags, d...)
	at := content.Attributes
	o := &Object{}
	if a := at["type"]; a != nil {
		o.Type = p.str(a)
		o.Kind = kinds.Genesys().ByResource(o.Type)
		switch {
		case o.Type == "":
		case o.Kind == nil:
			p.errorf(a.Expr.Range(), "Unknown type", "%q is no resource type cxascode knows; use an official type name such as genesyscloud_routing_queue.", o.Type)
		case !o.Kind.Served():
			p.errorf(a.Expr.Range(), "Type not served", "cxascode knows %s but cannot read it from an org yet.", o.Type)
		case o.Kind.API.Parent != "" || o.Kind.API.Singleton || o.Kind.Names == kinds.NoName || !o.Kind.API.Listable():
			p.errorf(a.Expr.Range(), "Type not testable by name", "object tests find objects by name in their kind's listing; %s has none to search.", o.Type)
		}
	}
	if a := at["name"]; a != nil {
		if o.Name = p.str(a); o.Name == "" && !p.diags.HasErrors() {
			p.errorf(a.Expr.Range(), "Empty name", "name is the name of the object the test finds.")
		}
	}
	if a := at["attributes"]; a != nil && o.Kind != nil {
		p.attributeChecks(a, o)
	}
	if a := at["api"]; a != nil {
		for _, kv := range p.pairs(a) {
			o.Values = append(o.Values, ValueCheck{Path: kv.key, Want: kv.value, Pos: kv.pos})
		}
	}
	if a := at["matches_workspace"]; a != nil {
		if v, ok := p.value(a, cty.Bool, "true or false"); ok && v.True() {
			o.MatchesWorkspace, o.MatchesPos = true, p.pos(a.Range)
			if o.Kind != nil && o.Kind.Name != kinds.Flow {
				p.errorf(a.Range, "Flows only", "matches_workspace compares a flow's published version with its file; %s is no flow.", o.Type)
			}
		}
	}
	for _, cb := range content.Blocks {
		switch cb.Type {
		case "count":
			o.Counts = append(o.Counts, p.count(cb))
		case "state_at":
			if o.Kind != nil && o.Kind.Name != kinds.ScheduleGroup {
				p.errorf(cb.DefRange, "Schedule groups only", "state_at checks a schedule group's state at a time; %s is no schedule group.", o.Type)
				continue
			}
			o.States = append(o.States, p.stateAt(cb))
		}
	}
	return o
}

func stateAtSchema() *hcl.BodySchema {
	return &hcl.BodySchema{Attributes: []hcl.AttributeSchema{{Name: "at", Required: true}, {Name: "time_zone"},
		{Name: "state", Required: true}}}
}

// stateAt reads `state_at { at, time_zone, state }`: at is read as a call's is.
func (p *parser) stateAt(b *hcl.Block) StateCheck {
	content, d := b.Body.Content(stateAtSchema())
	p.diags = append(p.diags, d...)
	at := content.Attributes
	c := StateCheck{Pos: p.pos(b.DefRange)}
	if a := at["at"]; a != nil {
		c.At = p.callTime(a, at["time_zone"])
	}
	if a := at["state"]; a != nil {
		c.State = p.scheduleState(a, false)
	}
	return c
}

// attributeChecks turns `attributes = { name = value }` into JSON paths through the kind's
// fields: only regular kinds map their attributes, so other kinds are checked with `api`.
func (p *parser) attributeChecks(a *hcl.Attribute, o *Object) {
	for _, kv := range p.pairs(a) {
		f := o.Kind.Field(kv.key)
		if f == nil || f.IsBlock() {
			p.errorf(a.Expr.Range(), "Attribute not checkable", "%s has no attribute %q that a test can compare by value; "+
				"write the API's JSON path instead: api = { \"fieldName\" = … }.", o.Type, kv.key)
			continue
		}
		o.Values = append(o.Values, ValueCheck{Attr: kv.key, Path: f.JSON, Want: kv.value, Pos: kv.pos})
	}
}

type pair struct {
	key   string
	value any
	pos   Pos
}

// pairs reads an object of values, in key order, each value as JSON would decode it.
func (p *parser) pairs(a *hcl.Attribute) []pair {
	v, ok := p.value(a, cty.DynamicPseudoType, "an object")
	if !ok {
		return nil
	}
	if !v.Type().IsObjectType() && !v.Type().IsMapType() {
		p.errorf(a.Expr.Range(), "Wrong type", "%s must be an object such as { name = \"value\" }.", a.Name)
		return nil
	}
	var out []pair
	for it := v.ElementIterator(); it.Next(); {
		k, e := it.Element()
		raw, err := ctyjson.Marshal(e, e.Type())
		var decoded any
		if err == nil {
			err = json.Unmarshal(raw, &decoded)
		}
		if err != nil {
			p.errorf(a.Expr.Range(), "Wrong value", "%s[%q]: %s.", a.Name, k.AsString(), err)
			continue
		}
		out = append(out, pair{key: k.AsString(), value: decoded, pos: p.pos(a.Range)})
	}
	return out
}

func (p *parser) count(b *hcl.Block) CountCheck {
	content, d := b.Body.Content(countSchema())
	p.diags = append(p.diags, d...)
	at := content.Attributes
	c := CountCheck{Path: b.Labels[0], Pos: p.pos(b.DefRange)}
	if strings.Trim(c.Path, "/ ") == "" {
		p.errorf(b.LabelRanges[0], "Empty path", "count names a JSON path (memberCount, bullseyeRings) or a sub-collection (/wrapupcodes).")
	}
	c.Equals, c.AtLeast, c.AtMost = p.intValue(at["equals"]), p.intValue(at["at_least"]), p.intValue(at["at_most"])
	c.Includes = p.strList(at["includes"])
	if c.Equals == nil && c.AtLeast == nil && c.AtMost == nil && c.Includes == nil {
		p.errorf(b.DefRange, "Nothing to check", "count needs equals, at_least, at_most or includes.")
	}
	return c
}
