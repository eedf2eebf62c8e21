package archy

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"

	"gopkg.in/yaml.v3"
)

// Data actions in a simulated call. The simulator never runs one (it would call a remote
// service); it checks the call against the org's action when the org can show it
// (DataActionOrg), and takes the output the test names, else the success output.

// DataAction is an org's data action as a flow's callData is checked against it.
type DataAction struct {
	Name, Integration string
	// Inputs and Outputs are the field names of the input and success contracts as Architect
	// maps them: top-level properties and, for nested objects, their dotted paths ("a.b").
	Inputs, Outputs []string
}

// DataActionOrg is an Org that can show its data actions. An Org without it leaves callData
// unchecked (the action is taken to exist).
type DataActionOrg interface {
	// DataAction finds the action by its integration's name (its category) and its own
	// name, both ignoring case.
	DataAction(integration, name string) (DataAction, bool)
}

// ContractFields lists the field names a contract schema (JSON Schema) offers a flow: its
// properties, and the dotted paths of the properties of nested objects.
func ContractFields(schema json.RawMessage) []string {
	type node struct {
		Properties map[string]json.RawMessage `json:"properties"`
	}
	var out []string
	var visit func(prefix string, raw json.RawMessage, depth int)
	visit = func(prefix string, raw json.RawMessage, depth int) {
		var n node
		if depth > 8 || json.Unmarshal(raw, &n) != nil {
			return
		}
		for name, sub := range n.Properties {
			out = append(out, prefix+name)
			visit(prefix+name+".", sub, depth+1)
		}
	}
	visit("", schema, 0)
	slices.Sort(out)
	return out
}

// dataActionCall is what a callData names: the integration, the action, and the contract
// fields its inputs and success outputs map (keys with their YAML nodes).
type dataActionCall struct {
	integration, action string
	at                  *yaml.Node
	inputs, outputs     []*yaml.Node
}

// readDataActionCall reads the export form `category: {I: {dataAction: {A: {inputs,
// successOutputs}}}}` and the literal form `category: {lit: {name: I}}` next to
// `dataAction: {lit: {name: A}}` (which maps no fields the simulator can see).
func readDataActionCall(body *yaml.Node) (dataActionCall, bool) {
	cat := mapValue(body, "category")
	if cat == nil {
		return dataActionCall{}, false
	}
	if ns := litNames(cat); len(ns) > 0 {
		if as := litNames(mapValue(body, "dataAction")); len(as) > 0 {
			return dataActionCall{integration: ns[0].Value, action: as[0].Value, at: as[0]}, true
		}
		return dataActionCall{}, false
	}
	if cat.Kind != yaml.MappingNode || len(cat.Content) < 2 {
		return dataActionCall{}, false
	}
	da := mapValue(cat.Content[1], "dataAction")
	if da == nil || da.Kind != yaml.MappingNode || len(da.Content) < 2 {
		return dataActionCall{}, false
	}
	c := dataActionCall{integration: cat.Content[0].Value, action: da.Content[0].Value, at: da.Content[0]}
	keys := func(m *yaml.Node) []*yaml.Node {
		var out []*yaml.Node
		if m != nil && m.Kind == yaml.MappingNode {
			for i := 0; i+1 < len(m.Content); i += 2 {
				out = append(out, m.Content[i])
			}
		}
		return out
	}
	c.inputs, c.outputs = keys(mapValue(da.Content[1], "inputs")), keys(mapValue(da.Content[1], "successOutputs"))
	return c, true
}

// callData checks the call against the org's data action, then takes the output the call
// names, else the success output (Assumed). An action the org lacks takes the failure
// output, as Architect does when the action cannot run.
func (s *simulator) callData(fr *frame, k, body *yaml.Node, name string) signal {
	out, forced := s.call.Decisions[name]
	out = strings.ToLower(out)
	missing := s.checkDataAction(fr, body, name)
	switch {
	case forced:
	case missing:
		out = "failure"
	default:
		out = "success"
	}
	detail := "data action not run: takes the " + out + " output"
	if forced {
		detail += " (set by the call)"
	}
	if !s.add(Step{Kind: StepAction, Name: name, Flow: fr.flow.Name, Pos: fr.flow.Pos(k), Assumed: !forced, Detail: detail}) {
		return stopCall
	}
	return s.runOutput(fr, body, out)
}

// checkDataAction records an Invalid step for each way the callData does not fit the org's
// action; missing reports that the org has no such action.
func (s *simulator) checkDataAction(fr *frame, body *yaml.Node, name string) (missing bool) {
	org, ok := s.org.(DataActionOrg)
	if !ok {
		return false
	}
	c, ok := readDataActionCall(body)
	if !ok {
		return false
	}
	invalid := func(n *yaml.Node, format string, a ...any) {
		s.add(Step{Kind: StepError, Name: name, Flow: fr.flow.Name, Pos: fr.flow.Pos(n), Invalid: true, Detail: fmt.Sprintf(format, a...)})
	}
	da, ok := org.DataAction(c.integration, c.action)
	if !ok {
		invalid(c.at, "data action %q of integration %q does not exist in the org", c.action, c.integration)
		return true
	}
	for _, f := range []struct {
		what     string
		mapped   []*yaml.Node
		contract []string
	}{{"input", c.inputs, da.Inputs}, {"output", c.outputs, da.Outputs}} {
		for _, n := range f.mapped {
			if !slices.ContainsFunc(f.contract, func(c string) bool { return strings.EqualFold(c, n.Value) }) {
				invalid(n, "data action %q has no %s %q in its contract (it has %q): the flow maps a field the action no longer offers",
					c.action, f.what, n.Value, f.contract)
			}
		}
	}
	return false
}
