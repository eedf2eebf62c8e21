package check

import (
	"regexp"
	"strings"

	"github.com/cxascode/cxascode/internal/configscan"
	"github.com/cxascode/cxascode/internal/kinds"
	"github.com/hashicorp/hcl/v2/hclsyntax"
)

// The reach-in check: projects coupled other than by name. A project that changes an
// object another project declares (roles granted to a shared group, settings written onto
// a shared queue), an object named by a literal id, and terraform_remote_state all make one
// project's plan depend on another's state — what cx's by-name graph exists to avoid.

var guidPattern = regexp.MustCompile(`(?i)\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b`)

func checkReachIn(v *view) []Finding {
	var out []Finding
	for _, m := range v.modules {
		for _, body := range m.files {
			for _, b := range body.Blocks {
				if b.Type == "data" && len(b.Labels) == 2 && b.Labels[0] == "terraform_remote_state" {
					out = append(out, ruleReachInRemoteState.at(m.project.Name, configscan.PosOf(b.DefRange()),
						"data.terraform_remote_state.%s reads another project's state; look the objects up by name with genesyscloud data sources instead", b.Labels[1]))
				}
			}
		}
		for _, r := range m.resources {
			out = append(out, writesIntoOthers(v, m, r)...)
		}
		out = append(out, literalIDs(m)...)
	}
	return out
}

// writesIntoOthers reports a resource that changes another object — a child kind (a data
// table row), an object made under another's id (a flow's log level) or a nameless
// assignment (group roles) — whose target is an object another project declares, looked up
// by name. Only the target counts: the roles a group is granted are used, not changed.
func writesIntoOthers(v *view, m *module, r *resourceBlock) []Finding {
	k := kinds.Genesys().ByResource(r.typ)
	if k == nil {
		return nil
	}
	var out []Finding
	for _, a := range targetAttributes(k, r.block.Body) {
		for _, u := range addressesOf(a.Expr.Variables(), nil) {
			d := m.data[u]
			if d == nil {
				continue
			}
			name, ok := literalAttr(d.Body, "name")
			if !ok {
				continue
			}
			if owner := v.owner(d.Labels[0], name); owner != "" && owner != m.project.Name {
				out = append(out, ruleReachInWrite.at(m.project.Name, r.pos,
					"%s changes %s %q, which project %s declares; move this resource into %s so one project owns the object",
					r.address, d.Labels[0], name, owner, owner))
			}
		}
	}
	return out
}

// targetAttributes are the attributes of a resource naming the object it changes: the
// catalogue's parent or path id field, else for a nameless kind its top-level id attributes
// (group_roles' group_id; the roles it grants are in nested blocks).
func targetAttributes(k *kinds.Kind, body *hclsyntax.Body) []*hclsyntax.Attribute {
	for _, f := range []*kinds.Field{k.ParentField(), k.PathIDField()} {
		if f != nil && body.Attributes[f.Attr] != nil {
			return []*hclsyntax.Attribute{body.Attributes[f.Attr]}
		}
	}
	if k.Names != kinds.NoName {
		return nil
	}
	var out []*hclsyntax.Attribute
	for _, a := range sortedAttributes(body) {
		if strings.HasSuffix(a.Name, "_id") {
			out = append(out, a)
		}
	}
	return out
}

// literalIDs reports GUIDs in id attributes: the object is named by its id in one org, so
// the configuration cannot be promoted and the dependency is invisible to the graph.
func literalIDs(m *module) []Finding {
	var out []Finding
	for _, body := range m.files {
		walkAttributes(body, func(a *hclsyntax.Attribute) {
			if !isIDAttribute(a.Name) {
				return
			}
			for _, lit := range literalStrings(a.Expr) {
				if guidPattern.MatchString(lit.value) {
					out = append(out, ruleReachInByID.at(m.project.Name, lit.pos,
						"%s names an object by the id %s; refer to it by name with a data source (or the resource, in this project)", a.Name, guidPattern.FindString(lit.value)))
				}
			}
		})
	}
	return out
}

// isIDAttribute reports attributes that hold object ids ("queue_id", "skill_ids", "id").
func isIDAttribute(name string) bool {
	return name == "id" || strings.HasSuffix(name, "_id") || strings.HasSuffix(name, "_ids")
}
