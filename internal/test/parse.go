package test

import (
	"fmt"
	"strings"
	"time"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/convert"
)

// Parsing of test files. Every problem is an hcl.Diagnostic with the range it is about, so the
// error names file:line; parsing goes on after a problem to report all of them at once.

// The schemas of a test file and its blocks.
func fileSchema() *hcl.BodySchema {
	return &hcl.BodySchema{Blocks: []hcl.BlockHeaderSchema{
		{Type: KindCall, LabelNames: []string{"name"}},
		{Type: KindObject, LabelNames: []string{"name"}},
		{Type: KindDataAction, LabelNames: []string{"name"}},
	}}
}

func callSchema() *hcl.BodySchema {
	return &hcl.BodySchema{
		Attributes: []hcl.AttributeSchema{{Name: "dial", Required: true}, {Name: "at", Required: true},
			{Name: "time_zone"}, {Name: "ani"}, {Name: "dtmf"}, {Name: "decisions"}},
		Blocks: []hcl.BlockHeaderSchema{{Type: "expect"}},
	}
}

func expectSchema() *hcl.BodySchema {
	return &hcl.BodySchema{Attributes: []hcl.AttributeSchema{{Name: "schedule"}, {Name: "flows"},
		{Name: "menus"}, {Name: "prompts"}, {Name: "decisions"},
		{Name: FinalQueue}, {Name: FinalDisconnect}, {Name: FinalVoicemail}, {Name: FinalFlow}}}
}

// ParseFile parses one test file. file names it in positions (root-relative), project is the
// project holding it, and vars are the values `var.NAME` reads: the environment's tfvars, so
// that one test dials dev's number in dev and test's in test. The error is hcl.Diagnostics,
// each naming file:line.
func ParseFile(file, project string, src []byte, vars map[string]cty.Value) ([]*Test, error) {
	f, diags := hclsyntax.ParseConfig(src, file, hcl.InitialPos)
	if diags.HasErrors() {
		return nil, diags
	}
	p := &parser{file: file, ctx: &hcl.EvalContext{Variables: map[string]cty.Value{"var": cty.ObjectVal(vars)}}}
	content, d := f.Body.Content(fileSchema())
	p.diags = append(p.diags, d...)
	var tests []*Test
	seen := map[string]hcl.Range{}
	for _, b := range content.Blocks {
		name := b.Labels[0]
		if strings.TrimSpace(name) == "" {
			p.errorf(b.LabelRanges[0], "Empty test name", "Name the test: the name is how reports and CI find it.")
			continue
		}
		if prev, dup := seen[name]; dup {
			p.errorf(b.LabelRanges[0], "Duplicate test name", "A test named %q is already written at line %d.", name, prev.Start.Line)
			continue
		}
		seen[name] = b.LabelRanges[0]
		t := &Test{Kind: b.Type, Name: name, Project: project, Pos: p.pos(b.DefRange)}
		switch b.Type {
		case KindCall:
			t.Call = p.call(b)
		case KindObject:
			t.Object = p.object(b)
		case KindDataAction:
			t.DataAction = p.dataAction(b)
		}
		tests = append(tests, t)
	}
	if p.diags.HasErrors() {
		return nil, p.diags
	}
	return tests, nil
}

type parser struct {
	file  string
	ctx   *hcl.EvalContext
	diags hcl.Diagnostics
}

func (p *parser) errorf(r hcl.Range, summary, format string, a ...any) {
	p.diags = append(p.diags, &hcl.Diagnostic{Severity: hcl.DiagError, Summary: summary,
		Detail: fmt.Sprintf(format, a...), Subject: r.Ptr()})
}

func (p *parser) pos(r hcl.Range) Pos { return Pos{File: p.file, Line: r.Start.Line} }

// value evaluates an attribute and converts it to typ; ok is false (with a diagnostic) when it
// cannot, or when the value is null or unknown.
func (p *parser) value(a *hcl.Attribute, typ cty.Type, what string) (cty.Value, bool) {
	v, d := a.Expr.Value(p.ctx)
	p.diags = append(p.diags, d...)
	if d.HasErrors() {
		return cty.NilVal, false
	}
	if v.IsNull() || !v.IsWhollyKnown() {
		p.errorf(a.Expr.Range(), "Missing value", "%s must have a value.", a.Name)
		return cty.NilVal, false
	}
	if typ == cty.DynamicPseudoType {
		return v, true
	}
	cv, err := convert.Convert(v, typ)
	if err != nil {
		p.errorf(a.Expr.Range(), "Wrong type", "%s must be %s: %s.", a.Name, what, err)
		return cty.NilVal, false
	}
	return cv, true
}

func (p *parser) str(a *hcl.Attribute) string {
	if a == nil {
		return ""
	}
	v, ok := p.value(a, cty.String, "a string")
	if !ok {
		return ""
	}
	return v.AsString()
}

func (p *parser) strList(a *hcl.Attribute) []string {
	if a == nil {
		return nil
	}
	v, ok := p.value(a, cty.List(cty.String), "a list of strings")
	if !ok {
		return nil
	}
	out := []string{}
	for _, e := range v.AsValueSlice() {
		if e.IsNull() {
			p.errorf(a.Expr.Range(), "Missing value", "%s holds a null entry.", a.Name)
			continue
		}
		out = append(out, e.AsString())
	}
	return out
}

func (p *parser) strMap(a *hcl.Attribute) map[string]string {
	if a == nil {
		return nil
	}
	v, ok := p.value(a, cty.Map(cty.String), "a map of strings")
	if !ok {
		return nil
	}
	out := map[string]string{}
	for k, e := range v.AsValueMap() {
		if e.IsNull() {
			p.errorf(a.Expr.Range(), "Missing value", "%s[%q] is null.", a.Name, k)
			continue
		}
		out[k] = e.AsString()
	}
	return out
}

func (p *parser) intValue(a *hcl.Attribute) *int {
	if a == nil {
		return nil
	}
	v, ok := p.value(a, cty.Number, "a whole number")
	if !ok {
		return nil
	}
	bf := v.AsBigFloat()
	n, acc := bf.Int64()
	if !bf.IsInt() || acc != 0 || n < 0 || n > 1<<31 {
		p.errorf(a.Expr.Range(), "Wrong value", "%s must be a whole number from 0, not %s.", a.Name, bf.Text('g', -1))
		return nil
	}
	i := int(n)
	return &i
}

func (p *parser) call(b *hcl.Block) *Call {
	content, d := b.Body.Content(callSchema())
	p.diags = append(p.diags, d...)
	c := &Call{}
	at := content.Attributes
	if a := at["dial"]; a != nil {
		c.DNIS = strings.TrimSpace(p.str(a))
		if c.DNIS == "" && !p.diags.HasErrors() {
			p.errorf(a.Expr.Range(), "Empty number", "dial names the number the caller dials, in E.164 (+13175550100).")
		}
	}
	c.ANI = p.str(at["ani"])
	c.DTMF = p.strList(at["dtmf"])
	c.Decisions = p.strMap(at["decisions"])
	if a := at["at"]; a != nil {
		c.Time = p.callTime(a, at["time_zone"])
	}
	expects := content.Blocks
	switch len(expects) {
	case 0:
		p.errorf(b.DefRange, "Missing expect block", "A call test needs an expect block naming at least the final action.")
	case 1:
		c.Expect = p.expect(expects[0])
	default:
		p.errorf(expects[1].DefRange, "Duplicate expect block", "A call test has one expect block; the first is at line %d.", expects[0].DefRange.Start.Line)
	}
	return c
}

// callTime reads `at`: a local date-time read in time_zone, or an RFC 3339 time with its offset
// when no time_zone is given.
func (p *parser) callTime(a, zone *hcl.Attribute) time.Time {
	s := p.str(a)
	if s == "" {
		return time.Time{}
	}
	if zone == nil {
		t, err := time.Parse(time.RFC3339, s)
		if err != nil {
			p.errorf(a.Expr.Range(), "Wrong date-time", "at must be a date-time with its offset (2026-03-10T10:00:00-05:00), "+
				"or a local one (2026-03-10T10:00:00) with time_zone = \"America/New_York\"; %q is neither.", s)
		}
		return t
	}
	name := p.str(zone)
	loc, err := time.LoadLocation(name)
	if err != nil || name == "" {
		p.errorf(zone.Expr.Range(), "Unknown time zone", "time_zone must be an IANA time zone such as America/New_York, not %q.", name)
		return time.Time{}
	}
	t, err := time.ParseInLocation("2006-01-02T15:04:05", s, loc)
	if err != nil {
		p.errorf(a.Expr.Range(), "Wrong date-time", "with time_zone, at is a local date-time such as 2026-03-10T10:00:00, not %q.", s)
	}
	return t
}

// scheduleState reads a schedule group's state; emergency is one only where an emergency
// group can decide it (a call's route, not a schedule group alone).
func (p *parser) scheduleState(a *hcl.Attribute, emergency bool) string {
	state := p.str(a)
	switch {
	case state == "open", state == "closed", state == "holiday":
	case state == "emergency" && emergency:
	case emergency:
		p.errorf(a.Expr.Range(), "Wrong schedule state", "%s is open, closed or holiday (or emergency: an active emergency group took the call), not %q.", a.Name, state)
	default:
		p.errorf(a.Expr.Range(), "Wrong schedule state", "%s is open, closed or holiday, not %q.", a.Name, state)
	}
	return state
}

func (p *parser) expect(b *hcl.Block) CallExpect {
	content, d := b.Body.Content(expectSchema())
	p.diags = append(p.diags, d...)
	at := content.Attributes
	e := CallExpect{Pos: p.pos(b.DefRange)}
	if a := at["schedule"]; a != nil {
		e.Schedule = p.scheduleState(a, true)
	}
	e.Flows, e.Menus, e.Prompts = p.strList(at["flows"]), p.strList(at["menus"]), p.strList(at["prompts"])
	e.Decisions = p.strMap(at["decisions"])
	var finals []*hcl.Attribute
	for _, k := range []string{FinalQueue, FinalDisconnect, FinalVoicemail, FinalFlow} {
		if a := at[k]; a != nil {
			finals = append(finals, a)
		}
	}
	if len(finals) != 1 {
		r := b.DefRange
		if len(finals) > 1 {
			r = finals[1].Range
		}
		p.errorf(r, "One final action", "expect names exactly one final action: %s, %s, %s or %s.",
			FinalQueue, FinalDisconnect, FinalVoicemail, FinalFlow)
		return e
	}
	a := finals[0]
	e.Final = a.Name
	if a.Name == FinalDisconnect {
		if v, ok := p.value(a, cty.Bool, "true"); ok && v.False() {
			p.errorf(a.Expr.Range(), "Wrong value", "disconnect = true expects the call to be disconnected; leave it out otherwise.")
		}
		return e
	}
	if e.Target = p.str(a); e.Target == "" && !p.diags.HasErrors() {
		p.errorf(a.Expr.Range(), "Empty target", "%s names the queue, voicemail target or flow the call must reach.", a.Name)
	}
	return e
}
