package archy

import (
	"bytes"
	"errors"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"
)

// defaultFalseKeys are flags that Architect exports write out as `false` although false is
// what leaving them out means.
var defaultFalseKeys = []string{"globalDtmf", "globalSpeechRecTerms", "isInput", "isOutput"}

// canonLimits bound the work Canonical does on aliases, which YAML lets expand exponentially
// (`a: &a [x, x]`, `b: &b [*a, *a]`, …) or even point at themselves.
const (
	maxCanonNodes = 1 << 20
	maxCanonDepth = 10000
)

var errCanonTooLarge = errors.New("the flow expands to too many nodes (YAML aliases nest too deep or refer to themselves)")

// Canonical renders f in a form where two files that mean the same flow are byte-equal:
//
//   - comments, anchors and aliases are gone (aliases are expanded);
//   - mapping keys are sorted; sequence order is kept (actions and choices run in order);
//   - scalars are plain unless their type needs quotes, so `"Main Menu"` and `Main Menu`
//     agree, while the string "5" and the number 5 stay different; numbers, booleans and
//     nulls are written one way (`0x10` → 16, `True` → true, `~` → null);
//   - what an export fills in but a hand-written file leaves out is removed: inputs set to
//     `{noValue: true}`, `noValue: false`, the flags globalDtmf, globalSpeechRecTerms,
//     isInput and isOutput when false, an empty description, and the mappings and lists
//     left empty by that (e.g. `failureOutputs` whose outputs were all noValue, `actions: []`).
//
// The settings blocks (settingsActionDefaults, settingsErrorHandling, settingsMenu,
// settingsPrompts, settingsSpeechRec, …) are compared as written: their defaults vary by flow
// type and org and are not documented, so a block equal to the defaults still differs from
// an absent one.
func Canonical(f *Flow) ([]byte, error) {
	if f == nil || f.Root == nil {
		return nil, errors.New("canonical form of an empty flow")
	}
	c := canonicalizer{}
	body, err := c.node(f.Root, 0)
	if err != nil {
		return nil, fmt.Errorf("canonical form of %s: %w", f.File, err)
	}
	if body == nil {
		body = &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map"}
	}
	top := &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map", Content: []*yaml.Node{
		{Kind: yaml.ScalarNode, Tag: "!!str", Value: f.Type}, body,
	}}
	var buf bytes.Buffer
	enc := yaml.NewEncoder(&buf)
	enc.SetIndent(2)
	if err := enc.Encode(top); err != nil {
		return nil, fmt.Errorf("canonical form of %s: %w", f.File, err)
	}
	if err := enc.Close(); err != nil {
		return nil, fmt.Errorf("canonical form of %s: %w", f.File, err)
	}
	return buf.Bytes(), nil
}

// Equal reports whether a and b are the same flow once both are in canonical form. A flow
// that has no canonical form equals nothing.
func Equal(a, b *Flow) bool {
	if a == nil || b == nil {
		return a == b
	}
	if a.Type != b.Type {
		return false
	}
	ca, err := Canonical(a)
	if err != nil {
		return false
	}
	cb, err := Canonical(b)
	if err != nil {
		return false
	}
	return bytes.Equal(ca, cb)
}

type canonicalizer struct{ nodes int }

// node returns the canonical copy of n, or nil for a mapping or sequence that is empty
// (which the caller drops when it is a mapping value).
func (c *canonicalizer) node(n *yaml.Node, depth int) (*yaml.Node, error) {
	c.nodes++
	if c.nodes > maxCanonNodes || depth > maxCanonDepth {
		return nil, errCanonTooLarge
	}
	switch n.Kind {
	case yaml.DocumentNode:
		if len(n.Content) == 0 {
			return nil, nil
		}
		return c.node(n.Content[0], depth+1)
	case yaml.AliasNode:
		if n.Alias == nil {
			return nil, nil
		}
		return c.node(n.Alias, depth+1)
	case yaml.ScalarNode:
		return canonScalar(n), nil
	case yaml.SequenceNode:
		out := &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq"}
		for _, item := range n.Content {
			ci, err := c.node(item, depth+1)
			if err != nil {
				return nil, err
			}
			if ci == nil {
				// An emptied item still takes its place in the list.
				ci = &yaml.Node{Kind: item.Kind, Tag: emptyTag(item)}
			}
			out.Content = append(out.Content, ci)
		}
		if len(out.Content) == 0 {
			return nil, nil
		}
		return out, nil
	case yaml.MappingNode:
		return c.mapping(n, depth)
	}
	return nil, fmt.Errorf("line %d: unexpected YAML node kind %d", n.Line, n.Kind)
}

func emptyTag(n *yaml.Node) string {
	if n.Kind == yaml.SequenceNode {
		return "!!seq"
	}
	return "!!map"
}

func (c *canonicalizer) mapping(n *yaml.Node, depth int) (*yaml.Node, error) {
	type pair struct {
		sortKey string
		k, v    *yaml.Node
	}
	var pairs []pair
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, err := c.node(n.Content[i], depth+1)
		if err != nil {
			return nil, err
		}
		v, err := c.node(n.Content[i+1], depth+1)
		if err != nil {
			return nil, err
		}
		if k == nil || v == nil || isDefault(k, v) {
			continue
		}
		sk := k.Value
		if k.Kind != yaml.ScalarNode {
			b, err := yaml.Marshal(k)
			if err != nil {
				return nil, err
			}
			sk = string(b)
		}
		pairs = append(pairs, pair{sk, k, v})
	}
	if len(pairs) == 0 {
		return nil, nil
	}
	slices.SortStableFunc(pairs, func(a, b pair) int { return strings.Compare(a.sortKey, b.sortKey) })
	out := &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map", Content: make([]*yaml.Node, 0, 2*len(pairs))}
	for _, p := range pairs {
		out.Content = append(out.Content, p.k, p.v)
	}
	return out, nil
}

// isDefault reports whether the canonical pair k: v only restates what omitting it means.
func isDefault(k, v *yaml.Node) bool {
	key := k.Value
	switch {
	case v.Kind == yaml.ScalarNode && v.Tag == "!!bool" && v.Value == "false":
		return key == "noValue" || slices.Contains(defaultFalseKeys, key)
	case v.Kind == yaml.ScalarNode && key == "description":
		return v.Value == "" || v.Tag == "!!null"
	case v.Kind == yaml.MappingNode && len(v.Content) == 2:
		nk, nv := v.Content[0], v.Content[1]
		return nk.Value == "noValue" && nv.Tag == "!!bool" && nv.Value == "true"
	}
	return false
}

// canonScalar writes a scalar's value one way per type; the encoder quotes strings only
// where a plain scalar would read back as another type.
func canonScalar(n *yaml.Node) *yaml.Node {
	tag := n.ShortTag()
	v := n.Value
	switch tag {
	case "!!null":
		v = "null"
	case "!!bool":
		if b, err := strconv.ParseBool(strings.ToLower(v)); err == nil {
			v = strconv.FormatBool(b)
		}
	case "!!int":
		if i, err := strconv.ParseInt(strings.ReplaceAll(v, "_", ""), 0, 64); err == nil {
			v = strconv.FormatInt(i, 10)
		}
	case "!!float":
		v = canonFloat(v)
	}
	return &yaml.Node{Kind: yaml.ScalarNode, Tag: tag, Value: v}
}

func canonFloat(v string) string {
	switch strings.ToLower(strings.TrimPrefix(v, "+")) {
	case ".inf":
		return ".inf"
	case "-.inf":
		return "-.inf"
	case ".nan":
		return ".nan"
	}
	f, err := strconv.ParseFloat(strings.ReplaceAll(v, "_", ""), 64)
	if err != nil || math.IsInf(f, 0) || math.IsNaN(f) {
		return v
	}
	s := strconv.FormatFloat(f, 'g', -1, 64)
	if !strings.ContainsAny(s, ".eEn") {
		s += ".0" // keep it a float: "1.0" must not come back as the int 1
	}
	return s
}
