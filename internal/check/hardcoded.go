package check

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"

	"github.com/cxascode/cxascode/internal/configscan"
	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"
	"gopkg.in/yaml.v3"
)

// The hard-coded check: values that differ per org or environment written into the
// configuration instead of env/<env>.tfvars (which the check never reads) or, in flow YAML,
// behind {{substitutions}}. A GUID is an error — ids never match across orgs — while phone
// numbers, e-mail addresses and URLs are warnings: some are the same everywhere.

// The e-mail, URL and phone patterns are configscan's (FindEnvValue): cx export moves what
// they find out of the code as it writes, so an export is clean by the same measure.
var placeholder = regexp.MustCompile(`\{\{[^}]*\}\}`)

// literal is a string written in a file, with where.
type literal struct {
	value string
	pos   Pos
}

func checkHardCoded(v *view) []Finding {
	var out []Finding
	for _, m := range v.modules {
		for _, body := range m.files {
			identity := identityAttributes(body)
			walkAttributes(body, func(a *hclsyntax.Attribute) {
				if a.Name == "description" {
					return // prose about the object, not configuration of it
				}
				if identity[a] {
					return // what the object is found by in every environment (a user's email)
				}
				for _, lit := range literalStrings(a.Expr) {
					if fd, ok := hardCodedValue(m.project.Name, lit, isIDAttribute(a.Name)); ok {
						out = append(out, fd)
					}
				}
			})
		}
		for _, file := range m.project.Reads {
			out = append(out, hardCodedInFlow(v.ws.Root, m.project.Name, file)...)
		}
	}
	return out
}

// hardCodedValue classifies one literal; a GUID in an id attribute is reach-in's.
func hardCodedValue(project string, lit literal, idAttribute bool) (Finding, bool) {
	switch {
	case guidPattern.MatchString(lit.value) && !idAttribute:
		return ruleHardCodedGUID.at(project, lit.pos, "the GUID %s is one org's id; refer to the object by name (a data source), or set it in env/<env>.tfvars",
			guidPattern.FindString(lit.value)), true
	}
	v, ok := configscan.FindEnvValue(lit.value)
	switch {
	case !ok:
		return Finding{}, false
	case v.Kind == configscan.EnvEmail:
		return ruleHardCodedEmail.at(project, lit.pos, "the e-mail address %s differs per environment; make it a variable set in env/<env>.tfvars", v.Value), true
	case v.Kind == configscan.EnvURL:
		return ruleHardCodedURL.at(project, lit.pos, "the URL %s is likely environment-specific; make it a variable set in env/<env>.tfvars", v.Value), true
	default:
		return ruleHardCodedPhone.at(project, lit.pos, "the phone number %s differs per environment; make it a variable set in env/<env>.tfvars", v.Value), true
	}
}

// hardCodedInFlow reports flow YAML scalars holding such values outside {{placeholders}}.
func hardCodedInFlow(root, project, file string) []Finding {
	src, err := os.ReadFile(filepath.Join(root, filepath.FromSlash(file)))
	if err != nil {
		return nil // a missing flow file is the workspace's diagnostic
	}
	var doc yaml.Node
	if yaml.Unmarshal(src, &doc) != nil {
		return nil
	}
	var out []Finding
	var walk func(n *yaml.Node)
	walk = func(n *yaml.Node) {
		if n.Kind == yaml.ScalarNode {
			lit := literal{value: placeholder.ReplaceAllString(n.Value, ""), pos: Pos{File: file, Line: n.Line, Column: n.Column}}
			if f, ok := hardCodedValue(project, lit, false); ok {
				f.Message = strings.Replace(f.Message, "make it a variable set in env/<env>.tfvars", "put it behind a {{substitution}} set in env/<env>.substitutions.yaml", 1)
				out = append(out, f)
			}
		}
		for _, c := range n.Content {
			walk(c)
		}
	}
	walk(&doc)
	return out
}

// identityAttributes are the attributes of a file's resources and data sources that name
// their object (configscan.IsIdentityAttribute): other projects find it by that value.
func identityAttributes(body *hclsyntax.Body) map[*hclsyntax.Attribute]bool {
	out := map[*hclsyntax.Attribute]bool{}
	for _, b := range body.Blocks {
		if (b.Type != "resource" && b.Type != "data") || len(b.Labels) != 2 {
			continue
		}
		for name, a := range b.Body.Attributes {
			if configscan.IsIdentityAttribute(b.Labels[0], name) {
				out[a] = true
			}
		}
	}
	return out
}

// walkAttributes calls fn for every attribute of a body and its nested blocks.
func walkAttributes(body *hclsyntax.Body, fn func(*hclsyntax.Attribute)) {
	for _, a := range sortedAttributes(body) {
		fn(a)
	}
	for _, b := range body.Blocks {
		if b.Type == "import" {
			// An import block's id names the object in one org on purpose (cx export writes
			// one file of them per environment): neither a by-id reference nor a literal to
			// move into tfvars.
			continue
		}
		walkAttributes(b.Body, fn)
	}
}

// sortedAttributes is a body's attributes in source order, so findings come out stable.
func sortedAttributes(body *hclsyntax.Body) []*hclsyntax.Attribute {
	out := make([]*hclsyntax.Attribute, 0, len(body.Attributes))
	for _, a := range body.Attributes {
		out = append(out, a)
	}
	for i := 1; i < len(out); i++ {
		for j := i; j > 0 && out[j].SrcRange.Start.Byte < out[j-1].SrcRange.Start.Byte; j-- {
			out[j], out[j-1] = out[j-1], out[j]
		}
	}
	return out
}

// literalStrings is every literal string inside an expression (template parts included).
func literalStrings(expr hclsyntax.Expression) []literal {
	var out []literal
	hclsyntax.VisitAll(expr, func(n hclsyntax.Node) hcl.Diagnostics {
		lit, ok := n.(*hclsyntax.LiteralValueExpr)
		if !ok || lit.Val.IsNull() || !lit.Val.Type().Equals(cty.String) {
			return nil
		}
		out = append(out, literal{value: lit.Val.AsString(), pos: configscan.PosOf(lit.SrcRange)})
		return nil
	})
	return out
}
