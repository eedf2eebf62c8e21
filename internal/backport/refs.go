package backport

import (
	"context"
	"fmt"
	"net/http"
	"path"
	"regexp"
	"strings"

	"github.com/cxascode/cxascode/internal/kinds"
	"github.com/cxascode/cxascode/internal/workspace"
	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/hashicorp/hcl/v2/hclwrite"
	"github.com/zclconf/go-cty/cty"
)

// uuidPattern is what Genesys Cloud ids look like; only such strings become references.
var uuidPattern = regexp.MustCompile(`^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$`)

func looksLikeID(s string) bool { return uuidPattern.MatchString(s) }

// kindForIDAttribute is the kind whose ids an attribute of that name holds, from the
// catalogue's IDAttributes; nil when the name says nothing.
func kindForIDAttribute(attr string) *kinds.Kind { return kinds.Genesys().ForIDAttribute(attr) }

// refResolver turns ids into references a reader understands and the graph can follow.
type refResolver struct {
	b *builder
	// added are the data sources this build added: project + type + lower(name) → address.
	added map[string]string
	// adopted are the ids of unmanaged objects this build writes, → address in Into.
	adopted map[string]string
}

// tokens returns what to write for id in attribute attr of a block in file (of project p):
// a reference to the resource or data source holding it, else a reference to a data source
// that looks it up by name (added to file), else the id as a string. The attribute's name
// says which kind the id is of when no state holds it.
func (r *refResolver) tokens(ctx context.Context, p *workspace.Project, file, attr, id string) (hclwrite.Tokens, error) {
	return r.tokensOfKind(ctx, p, file, kindForIDAttribute(attr), id)
}

// tokensOfKind is tokens for an id known (or guessed) to be of kind k; k may be nil. A kind
// the provider does not serve has no data source to look it up: its ids stay literal unless
// a state holds them.
func (r *refResolver) tokensOfKind(ctx context.Context, p *workspace.Project, file string, k *kinds.Kind, id string) (hclwrite.Tokens, error) {
	if k != nil && !k.Served() {
		k = nil
	}
	if o, ok := r.b.st.inProject(p.Name, id); ok {
		return TraversalTokens(o.Address + ".id"), nil
	}
	if a, ok := r.adopted[id]; ok {
		return TraversalTokens(a + ".id"), nil
	}
	typ, key, name := "", "name", ""
	if o, ok := r.b.st.anywhere(id); ok {
		// The state says what the id is; a data source of that type finds it by name.
		typ = o.Type
		if sk := kinds.Genesys().ByResource(o.Type); sk != nil {
			key = sk.LookupKey()
		}
		name, _ = o.Values[key].(string)
	} else if k != nil && k.DataSource != "" {
		typ, key = k.DataSource, k.LookupKey()
		var err error
		if name, err = r.lookupName(ctx, k, id); err != nil {
			return nil, err
		}
	}
	if typ == "" || name == "" {
		return hclwrite.TokensForValue(cty.StringVal(id)), nil
	}
	if a := r.findData(p, typ, key, name); a != "" {
		return TraversalTokens(a + ".id"), nil
	}
	f, err := r.b.ed.hclFile(file, false)
	if err != nil {
		return nil, err
	}
	label := r.uniqueLabel(p, "data", typ, Slug(name))
	f.Body().AppendNewline()
	blk := f.Body().AppendNewBlock("data", []string{typ, label})
	blk.Body().SetAttributeValue(key, cty.StringVal(name))
	addr := "data." + typ + "." + label
	r.added[p.Name+"\x00"+typ+"\x00"+strings.ToLower(name)] = addr
	return TraversalTokens(addr + ".id"), nil
}

// lookupName reads an object's name (a user's email) from the org; "" when it is gone.
func (r *refResolver) lookupName(ctx context.Context, k *kinds.Kind, id string) (string, error) {
	if r.b.o.Client == nil {
		return "", nil
	}
	var obj map[string]any
	if err := r.b.o.Client.Do(ctx, http.MethodGet, k.API.ReadPath(id), nil, nil, &obj); err != nil {
		return "", nil //nolint:nilerr // an id the org does not know stays a literal id
	}
	s, _ := obj[k.LookupKey()].(string)
	return s, nil
}

// findData returns the address of a data source of project p that looks up typ by key =
// value (already in its files, or added by this build), or "".
func (r *refResolver) findData(p *workspace.Project, typ, key, value string) string {
	if a, ok := r.added[p.Name+"\x00"+typ+"\x00"+strings.ToLower(value)]; ok {
		return a
	}
	for _, file := range r.projectFiles(p) {
		f, err := r.b.ed.hclFile(file, false)
		if err != nil {
			continue
		}
		for _, blk := range f.Body().Blocks() {
			if blk.Type() != "data" || len(blk.Labels()) != 2 || blk.Labels()[0] != typ {
				continue
			}
			if v, ok := literalString(blk.Body().GetAttribute(key)); ok && strings.EqualFold(v, value) {
				return "data." + typ + "." + blk.Labels()[1]
			}
		}
	}
	return ""
}

// projectFiles are the project's .tf files, including ones this build creates.
func (r *refResolver) projectFiles(p *workspace.Project) []string {
	files := append([]string(nil), p.Files...)
	for rel := range r.b.ed.created {
		if path.Dir(rel) == p.Dir && strings.HasSuffix(rel, ".tf") {
			files = append(files, rel)
		}
	}
	return files
}

// uniqueLabel returns base, or base_2, base_3 … so that no block of that kind and type in
// the project has the label.
func (r *refResolver) uniqueLabel(p *workspace.Project, kind, typ, base string) string {
	taken := map[string]bool{}
	for _, file := range r.projectFiles(p) {
		f, err := r.b.ed.hclFile(file, false)
		if err != nil {
			continue
		}
		for _, blk := range f.Body().Blocks() {
			if blk.Type() == kind && len(blk.Labels()) == 2 && blk.Labels()[0] == typ {
				taken[blk.Labels()[1]] = true
			}
		}
	}
	label := base
	for i := 2; taken[label]; i++ {
		label = fmt.Sprintf("%s_%d", base, i)
	}
	return label
}

// Slug makes a block label from a name: lower case, runs of other characters as "_".
func Slug(name string) string {
	var b strings.Builder
	under := false
	for _, c := range strings.ToLower(name) {
		if c >= 'a' && c <= 'z' || c >= '0' && c <= '9' {
			b.WriteRune(c)
			under = false
		} else if !under && b.Len() > 0 {
			b.WriteByte('_')
			under = true
		}
	}
	s := strings.TrimSuffix(b.String(), "_")
	if s == "" || s[0] >= '0' && s[0] <= '9' {
		s = "x_" + s
	}
	return s
}

// TraversalTokens renders "a.b.c" as a reference.
func TraversalTokens(addr string) hclwrite.Tokens {
	parts := strings.Split(addr, ".")
	tr := hcl.Traversal{hcl.TraverseRoot{Name: parts[0]}}
	for _, p := range parts[1:] {
		tr = append(tr, hcl.TraverseAttr{Name: p})
	}
	return hclwrite.TokensForTraversal(tr)
}

// exprOf parses an attribute's expression; nil when there is no attribute.
func exprOf(a *hclwrite.Attribute) hclsyntax.Expression {
	if a == nil {
		return nil
	}
	e, diags := hclsyntax.ParseExpression(a.Expr().BuildTokens(nil).Bytes(), "", hcl.InitialPos)
	if diags.HasErrors() {
		return nil
	}
	return e
}

// literalValue evaluates an attribute that references nothing.
func literalValue(a *hclwrite.Attribute) (cty.Value, bool) {
	e := exprOf(a)
	if e == nil || len(e.Variables()) > 0 {
		return cty.NilVal, false
	}
	v, diags := e.Value(nil)
	if diags.HasErrors() || !v.IsWhollyKnown() {
		return cty.NilVal, false
	}
	return v, true
}

func literalString(a *hclwrite.Attribute) (string, bool) {
	v, ok := literalValue(a)
	if !ok || v.IsNull() || !v.Type().Equals(cty.String) {
		return "", false
	}
	return v.AsString(), true
}
