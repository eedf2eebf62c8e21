package export

import (
	"bytes"
	"encoding/json"
	"fmt"
	"maps"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/cxascode/cxascode/internal/archy"
	"github.com/cxascode/cxascode/internal/backport"
	"github.com/cxascode/cxascode/internal/configscan"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/hashicorp/hcl/v2/hclwrite"
	"github.com/zclconf/go-cty/cty"
	"gopkg.in/yaml.v3"
)

// Environment-specific values (phone numbers, e-mail addresses, URLs — what
// configscan.FindEnvValue recognises, the same values cx check reports) leave the code as the
// export writes it: a resource's literal becomes var.<name>, declared in variables.tf and set
// in env/<env>.tfvars; a flow's YAML gets a {{name}} placeholder, which the flow resource's
// substitutions fill from the same variables. Another environment then differs by its own
// tfvars only. An object's name and lookup key stay literal: projects find each other by them.

// envVars are one project's environment-specific values, one variable each.
type envVars struct {
	byValue map[string]string // the value's HCL literal → its variable
	taken   map[string]bool
	vars    []envVar // in the order added
}

// envVar is one variable: its name, its value as an HCL literal, and what it stands for.
type envVar struct {
	name    string
	literal hclwrite.Tokens
	about   string
}

func newEnvVars() *envVars { return &envVars{byValue: map[string]string{}, taken: map[string]bool{}} }

// variable returns the variable holding literal (quoted HCL), adding it named after base the
// first time: the same value in two places of a project is one variable.
func (e *envVars) variable(base string, literal hclwrite.Tokens, about string) string {
	var key strings.Builder
	for _, t := range literal {
		key.Write(t.Bytes) // the tokens alone: spacing differs with where the literal stood
	}
	if name, ok := e.byValue[key.String()]; ok {
		return name
	}
	base = backport.Slug(base)
	if base == "" || base[0] >= '0' && base[0] <= '9' {
		base = "value_" + base
	}
	name := base
	for i := 2; e.taken[name]; i++ {
		name = fmt.Sprintf("%s_%d", base, i)
	}
	e.taken[name] = true
	e.byValue[key.String()] = name
	e.vars = append(e.vars, envVar{name: name, literal: literal, about: about})
	return name
}

// parameterise replaces the environment-specific string literals of a resource's attributes
// (nested blocks too) with variables. Descriptions are prose and stay; so does the object's
// own name or lookup key (configscan.IsIdentityAttribute).
func (e *envVars) parameterise(typ, label string, body *hclwrite.Body, top bool) {
	for _, name := range slices.Sorted(maps.Keys(body.Attributes())) {
		if name == "description" || top && configscan.IsIdentityAttribute(typ, name) {
			continue
		}
		toks := body.GetAttribute(name).Expr().BuildTokens(nil)
		if out, changed := e.replaceLiterals(label+"_"+name, typ+"."+label+"."+name, toks); changed {
			body.SetAttributeRaw(name, out)
		}
	}
	for _, blk := range body.Blocks() {
		e.parameterise(typ, label+"_"+blk.Type(), blk.Body(), false)
	}
}

// replaceLiterals turns each quoted literal of toks holding an environment-specific value into
// a variable reference. Object keys stay: `var.x = …` would be the key "var.x".
func (e *envVars) replaceLiterals(base, where string, toks hclwrite.Tokens) (hclwrite.Tokens, bool) {
	var out hclwrite.Tokens
	changed := false
	for i := 0; i < len(toks); i++ {
		if end, text, ok := quotedLiteral(toks, i); ok && !isObjectKey(toks, end+1) {
			if v, found := configscan.FindEnvValue(text); found {
				name := e.variable(base, toks[i:end+1], fmt.Sprintf("%s of %s", v.Kind, where))
				out = append(out, backport.TraversalTokens("var."+name)...)
				i = end
				changed = true
				continue
			}
		}
		out = append(out, toks[i])
	}
	return out, changed
}

// quotedLiteral reads the string literal starting at toks[i] (an opening quote, literal
// parts, a closing quote: an escaped "$${" splits the parts), returning the index of its
// closing quote and its text as written. ok is false for anything else, templates included.
func quotedLiteral(toks hclwrite.Tokens, i int) (end int, text string, ok bool) {
	if toks[i].Type != hclsyntax.TokenOQuote {
		return 0, "", false
	}
	var b strings.Builder
	for j := i + 1; j < len(toks); j++ {
		switch toks[j].Type {
		case hclsyntax.TokenQuotedLit:
			b.Write(toks[j].Bytes)
		case hclsyntax.TokenCQuote:
			return j, b.String(), j > i+1
		default:
			return 0, "", false
		}
	}
	return 0, "", false
}

// isObjectKey reports whether the token at i (after a quoted literal) makes it an object key.
func isObjectKey(toks hclwrite.Tokens, i int) bool {
	for ; i < len(toks); i++ {
		switch toks[i].Type {
		case hclsyntax.TokenNewline:
			continue
		case hclsyntax.TokenEqual, hclsyntax.TokenColon:
			return true
		}
		return false
	}
	return false
}

// substitutions is what a flow's YAML became with its environment-specific values behind
// {{placeholders}}, and the values by placeholder.
type substitutions struct {
	yaml   []byte
	values map[string]string
}

// parameteriseFlow puts each environment-specific value of a flow's string scalars behind a
// {{placeholder}} named after the flow's label. A scalar is rewritten as a double-quoted
// string, so that the placeholder cannot change how YAML reads the line; the result is kept
// only when substituting the values back gives a flow that means exactly what the org has
// (the same canonical form), else the YAML stays as exported.
func parameteriseFlow(label string, data []byte) substitutions {
	var doc yaml.Node
	if yaml.Unmarshal(data, &doc) != nil {
		return substitutions{yaml: data}
	}
	lines := strings.SplitAfter(string(data), "\n")
	values := map[string]string{}
	byValue := map[string]string{}
	count := map[string]int{}
	var walk func(n *yaml.Node)
	walk = func(n *yaml.Node) {
		if n.Kind == yaml.ScalarNode && n.Tag == "!!str" && !strings.Contains(n.Value, "\n") {
			if written, known := scalarAsWritten(n); known {
				if text, ok := placeholderScalar(n.Value, label, values, byValue, count); ok {
					lines[n.Line-1] = replaceAtColumn(lines[n.Line-1], n.Column, written, text)
				}
			}
		}
		for _, c := range n.Content {
			walk(c)
		}
	}
	walk(&doc)
	if len(values) == 0 {
		return substitutions{yaml: data}
	}
	out := []byte(strings.Join(lines, ""))
	back, unresolved := archy.Substitute(out, values)
	if len(unresolved) > 0 || !sameFlow(data, back) {
		return substitutions{yaml: data}
	}
	return substitutions{yaml: out, values: values}
}

// scalarAsWritten is how a one-line scalar is most likely spelled in the file (plain, or
// quoted without escapes); replaceAtColumn leaves the line alone when it is spelled otherwise.
func scalarAsWritten(n *yaml.Node) (string, bool) {
	switch n.Style {
	case 0:
		return n.Value, true
	case yaml.DoubleQuotedStyle:
		return `"` + n.Value + `"`, !strings.ContainsAny(n.Value, `"\`)
	case yaml.SingleQuotedStyle:
		return "'" + n.Value + "'", !strings.Contains(n.Value, "'")
	}
	return "", false
}

// placeholderScalar is a plain scalar's value with its environment-specific values as
// placeholders, written as a double-quoted YAML string; ok is false when it holds none.
func placeholderScalar(value, label string, values, byValue map[string]string, count map[string]int) (string, bool) {
	// Each value found is replaced everywhere in the scalar before looking again, so values
	// come out in any order; a placeholder's key holds nothing FindEnvValue would find.
	text, changed := value, false
	for {
		v, ok := configscan.FindEnvValue(text)
		if !ok {
			break
		}
		key, seen := byValue[v.Value]
		if !seen {
			count[string(v.Kind)]++
			key = fmt.Sprintf("%s_%s_%d", backport.Slug(label), v.Kind, count[string(v.Kind)])
			byValue[v.Value], values[key] = key, v.Value
		}
		text = strings.ReplaceAll(text, v.Value, "{{"+key+"}}")
		changed = true
	}
	if !changed {
		return "", false
	}
	var q bytes.Buffer
	enc := json.NewEncoder(&q)
	enc.SetEscapeHTML(false)
	if enc.Encode(text) != nil {
		return "", false
	}
	return strings.TrimSuffix(q.String(), "\n"), true
}

// replaceAtColumn replaces old, written at the 1-based character column col of line, by new;
// the line stays as it is when old is not there.
func replaceAtColumn(line string, col int, old, new string) string {
	at := 0
	for i := 1; i < col && at < len(line); i++ {
		_, size := utf8.DecodeRuneInString(line[at:])
		at += size
	}
	if !strings.HasPrefix(line[at:], old) {
		return line
	}
	return line[:at] + new + line[at+len(old):]
}

// sameFlow reports whether two flow files mean the same flow.
func sameFlow(a, b []byte) bool {
	fa, errA := archy.Parse("a.yaml", a)
	fb, errB := archy.Parse("b.yaml", b)
	if errA != nil || errB != nil {
		return false
	}
	ca, errA := archy.Canonical(fa)
	cb, errB := archy.Canonical(fb)
	return errA == nil && errB == nil && bytes.Equal(ca, cb)
}

// substitutionsTokens is a flow resource's substitutions map: each placeholder from its
// variable.
func substitutionsTokens(vars map[string]string) hclwrite.Tokens {
	items := map[string]hclwrite.Tokens{}
	for key, name := range vars {
		items[key] = backport.TraversalTokens("var." + name)
	}
	var out hclwrite.Tokens
	out = append(out, &hclwrite.Token{Type: hclsyntax.TokenOBrace, Bytes: []byte("{")}, &hclwrite.Token{Type: hclsyntax.TokenNewline, Bytes: []byte("\n")})
	for _, key := range slices.Sorted(maps.Keys(items)) {
		out = append(out, &hclwrite.Token{Type: hclsyntax.TokenIdent, Bytes: []byte(key)}, &hclwrite.Token{Type: hclsyntax.TokenEqual, Bytes: []byte("=")})
		out = append(out, items[key]...)
		out = append(out, &hclwrite.Token{Type: hclsyntax.TokenNewline, Bytes: []byte("\n")})
	}
	return append(out, &hclwrite.Token{Type: hclsyntax.TokenCBrace, Bytes: []byte("}")})
}

// files are variables.tf and env/<env>.tfvars of the project's variables; nil when none.
func (e *envVars) files(env string) (variables, tfvars []byte) {
	if len(e.vars) == 0 {
		return nil, nil
	}
	vf, tf := hclwrite.NewEmptyFile(), hclwrite.NewEmptyFile()
	vf.Body().AppendUnstructuredTokens(comment("# Values that differ per environment, set in env/<env>.tfvars (cx export wrote " + env + "'s).\n"))
	tf.Body().AppendUnstructuredTokens(comment("# " + env + "'s values of variables.tf, as cx export read them from the org.\n"))
	for _, v := range e.vars {
		vf.Body().AppendNewline()
		blk := vf.Body().AppendNewBlock("variable", []string{v.name})
		blk.Body().SetAttributeRaw("type", hclwrite.Tokens{{Type: hclsyntax.TokenIdent, Bytes: []byte("string")}})
		blk.Body().SetAttributeValue("description", cty.StringVal(v.about))
		tf.Body().SetAttributeRaw(v.name, v.literal)
	}
	return hclwrite.Format(vf.Bytes()), hclwrite.Format(tf.Bytes())
}
