package orgserver

import "testing"

// A rule set is refused as the real API refuses it, naming the field: without its rules, with a
// rule missing its category, with a sub-condition of an unknown type, or referring to a
// contact list that does not exist.
func TestRuleSetRefusals(t *testing.T) {
	_, c := parallelDevOrg(t)
	const ruleSets = "/api/v2/outbound/rulesets"
	rule := func(category, subType string) map[string]any {
		r := map[string]any{"name": "Skip", "conditions": []any{map[string]any{"type": "timeAndDateCondition",
			"subConditions": []any{map[string]any{"type": subType, "operator": "in"}}}},
			"actions": []any{map[string]any{"type": "Action", "actionTypeName": "DO_NOT_DIAL"}}}
		if category != "" {
			r["category"] = category
		}
		return r
	}
	c.wantRefusals(ruleSets, []refusal{
		{"no rules", map[string]any{"name": "Rules"}, "bad.request", "rules"},
		{"no category", map[string]any{"name": "Rules", "rules": []any{rule("", "dayOfWeek")}}, "bad.request", "category"},
		{"bad sub-condition type", map[string]any{"name": "Rules", "rules": []any{rule("DIALER_PRECALL", "weekday")}},
			"invalid.value", "rules[].conditions[].subConditions[].type"},
		{"missing contact list", map[string]any{"name": "Rules", "rules": []any{rule("DIALER_PRECALL", "dayOfWeek")},
			"contactList": map[string]any{"id": "no-such-list"}}, "bad.request", "contactList.id"},
	})
	list := c.must(200, "POST", contactLists, map[string]any{"name": "Renewals", "columnNames": []any{"state"}})["id"].(string)
	made := c.must(200, "POST", ruleSets, map[string]any{"name": "Rules", "contactList": map[string]any{"id": list},
		"rules": []any{rule("DIALER_PRECALL", "dayOfWeek")}})
	if ref := made["contactList"].(map[string]any); ref["name"] != "Renewals" {
		t.Errorf("contact list of the created rule set = %v", ref)
	}
}
