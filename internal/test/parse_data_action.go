package test

import (
	"github.com/hashicorp/hcl/v2"
	"github.com/zclconf/go-cty/cty"
)

// Data action tests: `data_action "name" { action, category, input, expect { success,
// output } }`.

func dataActionSchema() *hcl.BodySchema {
	return &hcl.BodySchema{
		Attributes: []hcl.AttributeSchema{{Name: "action", Required: true}, {Name: "category"}, {Name: "input"}},
		Blocks:     []hcl.BlockHeaderSchema{{Type: "expect"}},
	}
}

func dataExpectSchema() *hcl.BodySchema {
	return &hcl.BodySchema{Attributes: []hcl.AttributeSchema{{Name: "success"}, {Name: "output"}, {Name: "fields"}}}
}

func (p *parser) dataAction(b *hcl.Block) *DataAction {
	content, d := b.Body.Content(dataActionSchema())
	p.diags = append(p.diags, d...)
	at := content.Attributes
	da := &DataAction{Input: map[string]any{}, Expect: DataExpect{Success: true, Pos: p.pos(b.DefRange)}}
	if a := at["action"]; a != nil {
		if da.Action = p.str(a); da.Action == "" && !p.diags.HasErrors() {
			p.errorf(a.Expr.Range(), "Empty action", "action is the name of the data action the test runs.")
		}
	}
	da.Category = p.str(at["category"])
	if a := at["input"]; a != nil {
		da.InputPos = p.pos(a.Range)
		for _, kv := range p.pairs(a) {
			da.Input[kv.key] = kv.value
		}
	}
	switch len(content.Blocks) {
	case 0:
		p.errorf(b.DefRange, "Missing expect block", "A data action test needs an expect block: success and the output values it must answer.")
	case 1:
		da.Expect = p.dataExpect(content.Blocks[0])
	default:
		p.errorf(content.Blocks[1].DefRange, "Duplicate expect block", "A data action test has one expect block; the first is at line %d.", content.Blocks[0].DefRange.Start.Line)
	}
	return da
}

func (p *parser) dataExpect(b *hcl.Block) DataExpect {
	content, d := b.Body.Content(dataExpectSchema())
	p.diags = append(p.diags, d...)
	at := content.Attributes
	e := DataExpect{Success: true, Pos: p.pos(b.DefRange)}
	if a := at["success"]; a != nil {
		if v, ok := p.value(a, cty.Bool, "true or false"); ok {
			e.Success = v.True()
		}
	}
	if a := at["output"]; a != nil {
		for _, kv := range p.pairs(a) {
			e.Output = append(e.Output, ValueCheck{Path: kv.key, Want: kv.value, Pos: kv.pos})
		}
	}
	if a := at["fields"]; a != nil {
		e.Fields, e.FieldsPos = p.strList(a), p.pos(a.Range)
	}
	for _, name := range []string{"output", "fields"} {
		if a := at[name]; a != nil && !e.Success {
			p.errorf(a.Expr.Range(), "Output of a failure", "a failed execution answers no output; leave %s out when success = false.", name)
		}
	}
	return e
}
