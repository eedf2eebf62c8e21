package backport

import (
	"github.com/cxascode/cxascode/internal/kinds"
)

// emailRouteAttributes maps an email route read with its id (kinds.ChildID: the domain's id
// and the route's): the domain and the route's references as references, its texts and
// flags, and its blind copies as blocks. A reply address naming the route itself is
// self_reference_route, as the resource reads it.
func emailRouteAttributes(obj map[string]any) []attribute {
	id, _ := obj["id"].(string)
	domain, own, ok := kinds.SplitChildID(id)
	if !ok {
		return nil
	}
	cat := kinds.Genesys()
	refTo := func(api, attr, kind string) []attribute { return refToIn(obj, api, attr, cat.Named(kind)) }
	out := join(
		[]attribute{{name: "domain_id", value: domain, ref: cat.Named(kinds.EmailDomain)}},
		str(obj, "pattern", "pattern"), str(obj, "fromName", "from_name"), str(obj, "fromEmail", "from_email"),
		refTo("queue", "queue_id", kinds.Queue), refTo("language", "language_id", kinds.Language),
		refTo("flow", "flow_id", kinds.Flow), refTo("spamFlow", "spam_flow_id", kinds.Flow),
		str(obj, "historyInclusion", "history_inclusion"), flag(obj, "allowMultipleActions", "allow_multiple_actions"))
	if p, ok := obj["priority"].(float64); ok {
		out = append(out, attribute{name: "priority", value: p})
	}
	if skills, ok := obj["skills"].([]any); ok && len(skills) > 0 {
		var ids []any
		for _, s := range skills {
			if m, ok := s.(map[string]any); ok && m["id"] != nil {
				ids = append(ids, m["id"])
			}
		}
		out = append(out, attribute{name: "skill_ids", value: ids, ref: cat.Named(kinds.Skill)})
	}
	bccs, _ := obj["autoBcc"].([]any)
	for _, b := range bccs {
		if m, ok := b.(map[string]any); ok {
			out = append(out, attribute{name: "auto_bcc", block: join(str(m, "email", "email"), str(m, "name", "name"))})
		}
	}
	if reply, ok := obj["replyEmailAddress"].(map[string]any); ok {
		block := refToIn(reply, "domain", "domain_id", cat.Named(kinds.EmailDomain))
		if route, ok := reply["route"].(map[string]any); ok {
			if rid, _ := route["id"].(string); rid == own {
				block = append(block, attribute{name: "self_reference_route", value: true})
			} else if rid != "" {
				block = append(block, attribute{name: "route_id", value: rid})
			}
		}
		out = append(out, attribute{name: "reply_email_address", block: block})
	}
	return out
}

// refToIn is the attribute holding the id of obj's reference at api, as a reference to kind.
func refToIn(obj map[string]any, api, attr string, kind *kinds.Kind) []attribute {
	if ref, ok := obj[api].(map[string]any); ok {
		if rid, ok := ref["id"].(string); ok && rid != "" {
			return []attribute{{name: attr, value: rid, ref: kind}}
		}
	}
	return nil
}
