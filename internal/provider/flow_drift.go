package provider

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"
)

// describeFlowDrift names the first place where the published flow's canonical form differs
// from the file's, e.g.
//
//	inboundCall.menus[0].menu.audio.tts: "Press 1" in the org, "Press one" in flow.yaml
//
// Both inputs are archy.Canonical output: mappings sorted by key, sequences in order.
func describeFlowDrift(published, file []byte, fileName string) string {
	var pub, loc yaml.Node
	if yaml.Unmarshal(published, &pub) != nil || yaml.Unmarshal(file, &loc) != nil {
		return "the published flow differs from " + fileName
	}
	where, org, local := firstYAMLDifference(docRoot(&pub), docRoot(&loc), "")
	if where == "" {
		where = "(top level)"
	}
	return fmt.Sprintf("%s: %s in the org, %s in %s", where, org, local, fileName)
}

func docRoot(n *yaml.Node) *yaml.Node {
	if n.Kind == yaml.DocumentNode && len(n.Content) == 1 {
		return n.Content[0]
	}
	return n
}

// firstYAMLDifference walks a and b in step and returns the path of the first difference
// and a short rendering of each side there ("" path when they do not differ).
func firstYAMLDifference(a, b *yaml.Node, at string) (where, aText, bText string) {
	switch {
	case a == nil && b == nil:
		return "", "", ""
	case a == nil:
		return at, "absent", shortYAML(b)
	case b == nil:
		return at, shortYAML(a), "absent"
	case a.Kind != b.Kind:
		return at, shortYAML(a), shortYAML(b)
	}
	switch a.Kind {
	case yaml.MappingNode:
		av, bv := mappingOf(a), mappingOf(b)
		keys := make([]string, 0, len(av)+len(bv))
		for k := range av {
			keys = append(keys, k)
		}
		for k := range bv {
			if _, ok := av[k]; !ok {
				keys = append(keys, k)
			}
		}
		slices.Sort(keys)
		for _, k := range keys {
			if w, x, y := firstYAMLDifference(av[k], bv[k], joinPath(at, k)); w != "" {
				return w, x, y
			}
		}
	case yaml.SequenceNode:
		for i := range max(len(a.Content), len(b.Content)) {
			var x, y *yaml.Node
			if i < len(a.Content) {
				x = a.Content[i]
			}
			if i < len(b.Content) {
				y = b.Content[i]
			}
			if w, xs, ys := firstYAMLDifference(x, y, at+"["+strconv.Itoa(i)+"]"); w != "" {
				return w, xs, ys
			}
		}
	default:
		if a.Value != b.Value || a.Tag != b.Tag {
			return at, shortYAML(a), shortYAML(b)
		}
	}
	return "", "", ""
}

func mappingOf(n *yaml.Node) map[string]*yaml.Node {
	m := make(map[string]*yaml.Node, len(n.Content)/2)
	for i := 0; i+1 < len(n.Content); i += 2 {
		m[n.Content[i].Value] = n.Content[i+1]
	}
	return m
}

func joinPath(at, key string) string {
	if at == "" {
		return key
	}
	return at + "." + key
}

// shortYAML renders a node on one line, cut to keep the summary readable in a plan.
func shortYAML(n *yaml.Node) string {
	const limit = 60
	var s string
	if n.Kind == yaml.ScalarNode {
		s = strconv.Quote(n.Value)
	} else {
		out, err := yaml.Marshal(n)
		if err != nil {
			return "a " + kindName(n)
		}
		s = strings.Join(strings.Fields(string(out)), " ")
	}
	if len([]rune(s)) > limit {
		s = string([]rune(s)[:limit]) + "…"
	}
	return s
}

func kindName(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "mapping"
	case yaml.SequenceNode:
		return "list"
	}
	return "value"
}
