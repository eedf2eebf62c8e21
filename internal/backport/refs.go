package backport

import (
	"context"
	"fmt"
	"net/http"
	"path"
	"regexp"
	"strings"

	"github.com/cxascode/cxascode/internal/workspace"
	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/hashicorp/hcl/v2/hclwrite"
	"github.com/zclconf/go-cty/cty"
)

// uuidPattern is what Genesys Cloud ids look like; only such strings become references.
var uuidPattern = regexp.MustCompile(`^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$`)

func looksLikeID(s string) bool { return uuidPattern.MatchString(s) }

// apiPath is the GET-by-id endpoint (without the id) of a type an id may refer to.
func apiPath(typ string) (string, bool) {
	switch typ {
	case "genesyscloud_routing_skill":
		return "/api/v2/routing/skills/", true
	case "genesyscloud_routing_language":
		return "/api/v2/routing/languages/", true
	case "genesyscloud_routing_queue":
		return "/api/v2/routing/queues/", true
	case "genesyscloud_routing_wrapupcode":
		return "/api/v2/routing/wrapupcodes/", true
	case "genesyscloud_group":
		return "/api/v2/groups/", true
	case "genesyscloud_user":
		return "/api/v2/users/", true
	case "genesyscloud_architect_schedules":
		return "/api/v2/architect/schedules/", true
	case "genesyscloud_architect_schedulegroups":
		return "/api/v2/architect/schedulegroups/", true
	case "genesyscloud_auth_division":
		return "/api/v2/authorization/divisions/", true
	case "genesyscloud_flow":
		return "/api/v2/flows/", true
	}
	return "", false
}

// typeForIDAttribute guesses the type of object an id attribute holds from its name.
func typeForIDAttribute(attr string) string {
	switch {
	case attr == "skill_id" || attr == "skill_ids" || attr == "skills":
		return "genesyscloud_routing_skill"
	case attr == "language_id":
		return "genesyscloud_routing_language"
	case attr == "queue_id" || strings.HasSuffix(attr, "_queue_id"):
		return "genesyscloud_routing_queue"
	case attr == "wrapup_codes" || strings.Contains(attr, "wrapup_code"):
		return "genesyscloud_routing_wrapupcode"
	case attr == "division_id":
		return "genesyscloud_auth_division"
	case strings.HasSuffix(attr, "schedules_id") || attr == "schedule_id":
		return "genesyscloud_architect_schedules"
	case attr == "schedule_group_id" || strings.HasSuffix(attr, "schedule_group_id"):
		return "genesyscloud_architect_schedulegroups"
	case attr == "member_ids" || attr == "owner_ids" || attr == "user_id" || attr == "manager":
		return "genesyscloud_user"
	case attr == "group_id":
		return "genesyscloud_group"
	case attr == "flow_id" || strings.HasSuffix(attr, "_flow_id"):
		return "genesyscloud_flow"
	}
	return ""
}

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
// that looks it up by name (added to file), else the id as a string.
func (r *refResolver) tokens(ctx context.Context, p *workspace.Project, file, attr, id string) (hclwrite.Tokens, error) {
	if o, ok := r.b.st.inProject(p.Name, id); ok {
		return traversalTokens(o.Address + ".id"), nil
	}
	if a, ok := r.adopted[id]; ok {
		return traversalTokens(a + ".id"), nil
	}
	typ, name := "", ""
	if o, ok := r.b.st.anywhere(id); ok {
		typ, name = o.Type, o.name()
		if typ == "genesyscloud_user" {
			name, _ = o.Values["email"].(string)
		}
	} else if typ = typeForIDAttribute(attr); typ != "" {
		var err error
		if name, err = r.lookupName(ctx, typ, id); err != nil {
			return nil, err
		}
	}
	if typ == "" || name == "" {
		return hclwrite.TokensForValue(cty.StringVal(id)), nil
	}
	key := "email"
	if typ != "genesyscloud_user" {
		key = "name"
	}
	if a := r.findData(p, typ, key, name); a != "" {
		return traversalTokens(a + ".id"), nil
	}
	f, err := r.b.ed.hclFile(file, false)
	if err != nil {
		return nil, err
	}
	label := r.uniqueLabel(p, "data", typ, slug(name))
	f.Body().AppendNewline()
	blk := f.Body().AppendNewBlock("data", []string{typ, label})
	blk.Body().SetAttributeValue(key, cty.StringVal(name))
	addr := "data." + typ + "." + label
	r.added[p.Name+"\x00"+typ+"\x00"+strings.ToLower(name)] = addr
	return traversalTokens(addr + ".id"), nil
}

// lookupName reads an object's name (a user's email) from the org; "" when it is gone.
func (r *refResolver) lookupName(ctx context.Context, typ, id string) (string, error) {
	p, ok := apiPath(typ)
	if !ok || r.b.o.Client == nil {
		return "", nil
	}
	var obj map[string]any
	if err := r.b.o.Client.Do(ctx, http.MethodGet, p+id, nil, nil, &obj); err != nil {
		return "", nil //nolint:nilerr // an id the org does not know stays a literal id
	}
	if typ == "genesyscloud_user" {
		s, _ := obj["email"].(string)
		return s, nil
	}
	s, _ := obj["name"].(string)
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

// slug makes a block label from a name: lower case, runs of other characters as "_".
func slug(name string) string {
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

// traversalTokens renders "a.b.c" as a reference.
func traversalTokens(addr string) hclwrite.Tokens {
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
