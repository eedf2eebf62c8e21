package check

import "strings"

// The over-shared check: an object a shared project declares that exactly one flow project
// uses belongs in that flow's project — shared projects that collect everything make every
// change a shared change. The org-wide vocabulary (skills, languages, wrap-up codes, hours;
// see vocabularyProject) stays shared by design.

func checkOverShared(v *view) []Finding {
	users := map[string]map[string]bool{} // "project\x00type\x00name" → referring projects
	for _, e := range v.graph.Edges {
		for _, r := range e.Refs {
			key := e.To + "\x00" + r.Type + "\x00" + strings.ToLower(r.Name)
			if users[key] == nil {
				users[key] = map[string]bool{}
			}
			users[key][e.From] = true
		}
	}
	isFlowProject := map[string]bool{}
	for _, m := range v.modules {
		isFlowProject[m.project.Name] = m.isFlowProject()
	}
	var out []Finding
	for _, m := range v.modules {
		if m.isFlowProject() {
			continue
		}
		for _, o := range m.project.Declares {
			if _, vocab := vocabularyProject(o.Type); vocab {
				continue
			}
			by := users[m.project.Name+"\x00"+o.Type+"\x00"+strings.ToLower(o.Name)]
			if len(by) != 1 {
				continue
			}
			for user := range by {
				if isFlowProject[user] {
					out = append(out, ruleOverShared.at(m.project.Name, o.Pos,
						"%s %q is declared in shared project %s but only %s uses it; move %s into %s",
						o.Type, o.Name, m.project.Name, user, o.Address, user))
				}
			}
		}
	}
	return out
}
