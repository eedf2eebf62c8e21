package orgserver

import (
	"fmt"
	"net/url"
	"slices"
	"strings"
	"testing"
)

// skillCond builds one skill-group condition on a routing skill.
func skillCond(skill, comparator string, proficiency float64, operation string) map[string]any {
	return map[string]any{"operation": operation, "languageSkillConditions": []any{},
		"routingSkillConditions": []any{map[string]any{"routingSkill": skill, "comparator": comparator, "proficiency": proficiency, "childConditions": []any{}}}}
}

func TestSkillGroupsLifecycle(t *testing.T) {
	ts, c := parallelDevOrg(t)
	home := routingHomeDivision(t, ts, "dev")
	c.must(200, "POST", "/api/v2/routing/skills", map[string]any{"name": "Billing"})
	c.must(200, "POST", "/api/v2/routing/languages", map[string]any{"name": "French"})

	conds := []any{skillCond("Billing", "GreaterThanOrEqualTo", 3, "And")}
	sg := c.must(200, "POST", "/api/v2/routing/skillgroups", map[string]any{"name": "Billing experts", "description": "d",
		"skillConditions": conds, "memberDivisions": []string{home}})
	id := sg["id"].(string)
	if sg["status"] != "Complete" || sg["selfUri"] != "/api/v2/routing/skillgroups/"+id || sg["memberCount"] != 0.0 ||
		fmt.Sprint(sg["memberDivisions"]) != "["+home+"]" || sg["division"].(map[string]any)["id"] != home {
		t.Errorf("created skill group = %v", sg)
	}
	got := c.must(200, "GET", "/api/v2/routing/skillgroups/"+id, nil)
	if _, has := got["memberDivisions"]; has || got["name"] != "Billing experts" || len(got["skillConditions"].([]any)) != 1 {
		t.Errorf("GET = %v (a SkillGroup has no memberDivisions)", got)
	}
	c.wantError(409, "general.conflict", "POST", "/api/v2/routing/skillgroups", map[string]any{"name": "BILLING EXPERTS", "skillConditions": conds})
	lang := map[string]any{"operation": "Or", "routingSkillConditions": []any{},
		"languageSkillConditions": []any{map[string]any{"languageSkill": "German", "comparator": "EqualTo", "proficiency": 1}}}
	c.wantRefusals("/api/v2/routing/skillgroups", []refusal{
		{"missing name", map[string]any{"skillConditions": conds}, "bad.request", "[name]"},
		{"unknown skill", map[string]any{"name": "x", "skillConditions": []any{skillCond("Nope", "EqualTo", 1, "And")}}, "bad.request", "skillConditions[0].routingSkillConditions[0].routingSkill"},
		{"unknown language", map[string]any{"name": "x", "skillConditions": []any{lang}}, "bad.request", "skillConditions[0].languageSkillConditions[0].languageSkill"},
		{"comparator", map[string]any{"name": "x", "skillConditions": []any{skillCond("Billing", "About", 1, "And")}}, "invalid.value", "routingSkillConditions[0].comparator"},
		{"operation", map[string]any{"name": "x", "skillConditions": []any{skillCond("Billing", "EqualTo", 1, "Xor")}}, "invalid.value", "skillConditions[0].operation"},
		{"proficiency", map[string]any{"name": "x", "skillConditions": []any{skillCond("Billing", "EqualTo", 6, "And")}}, "bad.request", "proficiency"},
		{"division", map[string]any{"name": "x", "division": map[string]any{"id": "nope"}}, "bad.request", "division.id"},
		{"member division", map[string]any{"name": "x", "memberDivisions": []string{"*", "nope"}}, "bad.request", "memberDivisions[1]"},
	})

	// PATCH changes only what it names.
	p := c.must(200, "PATCH", "/api/v2/routing/skillgroups/"+id, map[string]any{"description": "new"})
	if p["description"] != "new" || p["name"] != "Billing experts" || len(p["skillConditions"].([]any)) != 1 {
		t.Errorf("after PATCH = %v", p)
	}
	c.must(200, "POST", "/api/v2/routing/skillgroups", map[string]any{"name": "Other", "skillConditions": conds})
	c.wantError(409, "general.conflict", "PATCH", "/api/v2/routing/skillgroups/"+id, map[string]any{"name": "other"})
	c.wantError(400, "bad.request", "PATCH", "/api/v2/routing/skillgroups/"+id, map[string]any{"skillConditions": []any{skillCond("Nope", "EqualTo", 1, "And")}})

	ro := newRawClient(t, ts, "dev", "readonly")
	ro.must(200, "GET", "/api/v2/routing/skillgroups/"+id, nil)
	ro.wantError(403, "missing.permissions", "POST", "/api/v2/routing/skillgroups", map[string]any{"name": "x"})
	ro.wantError(403, "missing.permissions", "PATCH", "/api/v2/routing/skillgroups/"+id, map[string]any{"name": "x"})
	ro.wantError(403, "missing.permissions", "DELETE", "/api/v2/routing/skillgroups/"+id, nil)
	ro.wantError(403, "missing.permissions", "POST", "/api/v2/routing/skillgroups/"+id+"/members/divisions", map[string]any{})

	c.must(204, "DELETE", "/api/v2/routing/skillgroups/"+id, nil)
	c.wantError(404, "not.found", "GET", "/api/v2/routing/skillgroups/"+id, nil)
	c.wantError(404, "not.found", "GET", "/api/v2/routing/skillgroups/"+id+"/members", nil)
	c.wantError(404, "not.found", "DELETE", "/api/v2/routing/skillgroups/"+id, nil)
	if got := strings.Join(auditActions(routingAudits(t, ts, "dev", "SkillGroup")), ","); got != "Create,Update,Create,Delete" {
		t.Errorf("audit actions = %s", got)
	}
}

func TestSkillGroupsCursorPaging(t *testing.T) {
	_, c := parallelDevOrg(t)
	var want []string
	for i := range 7 {
		n := fmt.Sprintf("Group %d", i)
		c.must(200, "POST", "/api/v2/routing/skillgroups", map[string]any{"name": n})
		want = append(want, n)
	}
	c.must(200, "POST", "/api/v2/routing/skillgroups", map[string]any{"name": "Another"})

	var seen []string
	var pages []map[string]any
	next := "/api/v2/routing/skillgroups?pageSize=2&name=group"
	for next != "" {
		l := c.must(200, "GET", next, nil)
		pages = append(pages, l)
		for _, e := range l["entities"].([]any) {
			e := e.(map[string]any)
			if _, has := e["skillConditions"]; has {
				t.Errorf("list items are SkillGroupDefinitions, without skillConditions: %v", e)
			}
			seen = append(seen, e["name"].(string))
		}
		for _, k := range []string{"total", "pageCount", "pageNumber"} {
			if _, has := l[k]; has {
				t.Errorf("cursor listing has %s", k)
			}
		}
		next, _ = l["nextUri"].(string)
		if len(pages) > 10 {
			t.Fatal("nextUri does not end")
		}
	}
	if len(pages) != 4 || !slices.Equal(seen, want) {
		t.Fatalf("walked %d pages seeing %v, want 4 pages of %v", len(pages), seen, want)
	}
	if _, has := pages[0]["previousUri"]; has {
		t.Errorf("first page has previousUri %v", pages[0]["previousUri"])
	}
	// previousUri (a before cursor) of the last page returns the page before it.
	prev := pages[3]["previousUri"].(string)
	u, _ := url.Parse(prev)
	if u.Query().Get("before") == "" || u.Query().Get("name") != "group" {
		t.Errorf("previousUri = %s", prev)
	}
	if got := names(c.must(200, "GET", prev, nil)); !slices.Equal(got, want[4:6]) {
		t.Errorf("before page = %v, want %v", got, want[4:6])
	}
	c.wantError(400, "bad.request", "GET", "/api/v2/routing/skillgroups?after=garbage", nil)
	c.wantError(400, "bad.request", "GET", "/api/v2/routing/skillgroups?pageSize=0", nil)
}

func TestSkillGroupMembers(t *testing.T) {
	ts, c := parallelDevOrg(t)
	home := routingHomeDivision(t, ts, "dev")
	billing := c.must(200, "POST", "/api/v2/routing/skills", map[string]any{"name": "Billing"})["id"].(string)
	sales := c.must(200, "POST", "/api/v2/routing/skills", map[string]any{"name": "Sales"})["id"].(string)
	french := c.must(200, "POST", "/api/v2/routing/languages", map[string]any{"name": "French"})["id"].(string)
	seedRoutingUser(t, ts, "dev", routingUser{name: "Ann", division: home, skills: map[string]float64{billing: 4}})
	seedRoutingUser(t, ts, "dev", routingUser{name: "Bob", division: home, skills: map[string]float64{billing: 2, sales: 5}})
	seedRoutingUser(t, ts, "dev", routingUser{name: "Cid", division: home, skills: map[string]float64{billing: 5}, langs: map[string]float64{french: 3}})
	seedRoutingUser(t, ts, "dev", routingUser{name: "Dee", division: "other-division", skills: map[string]float64{billing: 5}})
	seedRoutingUser(t, ts, "dev", routingUser{name: "Eve", division: home})

	frenchCond := map[string]any{"operation": "Not", "routingSkillConditions": []any{},
		"languageSkillConditions": []any{map[string]any{"languageSkill": "french", "comparator": "GreaterThan", "proficiency": 0}}}
	for _, tc := range []struct {
		name  string
		conds []any
		divs  []string
		want  string
	}{
		{"at least 3", []any{skillCond("Billing", "GreaterThanOrEqualTo", 3, "And")}, nil, "Ann,Cid"},
		{"all divisions", []any{skillCond("Billing", "GreaterThanOrEqualTo", 3, "And")}, []string{"*"}, "Ann,Cid,Dee"},
		{"or", []any{skillCond("Billing", "EqualTo", 4, "And"), skillCond("Sales", "GreaterThan", 4, "Or")}, nil, "Ann,Bob"},
		{"and not", []any{skillCond("Billing", "GreaterThan", 3, "And"), frenchCond}, nil, "Ann"},
		{"less than needs the skill", []any{skillCond("Sales", "LessThan", 5, "And")}, nil, ""},
		{"no conditions", []any{}, nil, ""},
	} {
		body := map[string]any{"name": tc.name, "skillConditions": tc.conds}
		if tc.divs != nil {
			body["memberDivisions"] = tc.divs
		}
		sg := c.must(200, "POST", "/api/v2/routing/skillgroups", body)
		l := c.must(200, "GET", "/api/v2/routing/skillgroups/"+sg["id"].(string)+"/members", nil)
		if got := strings.Join(names(l), ","); got != tc.want {
			t.Errorf("%s: members %q, want %q", tc.name, got, tc.want)
		}
		if n := len(names(l)); sg["memberCount"] != float64(n) {
			t.Errorf("%s: memberCount %v, members %d", tc.name, sg["memberCount"], n)
		}
	}

	// Member divisions: add and remove, read back with names.
	id := c.must(200, "POST", "/api/v2/routing/skillgroups", map[string]any{"name": "Divs",
		"skillConditions": []any{skillCond("Billing", "GreaterThanOrEqualTo", 3, "And")}})["id"].(string)
	if l := c.must(200, "GET", "/api/v2/routing/skillgroups/"+id+"/members/divisions", nil); len(l["entities"].([]any)) != 0 {
		t.Errorf("member divisions of a new group = %v", l)
	}
	c.must(204, "POST", "/api/v2/routing/skillgroups/"+id+"/members/divisions", map[string]any{"addDivisionIds": []string{home, "*"}})
	l := c.must(200, "GET", "/api/v2/routing/skillgroups/"+id+"/members/divisions", nil)
	if e := l["entities"].([]any); len(e) != 2 || e[0].(map[string]any)["name"] != "Home" || e[1].(map[string]any)["id"] != "*" {
		t.Errorf("member divisions = %v", l)
	}
	if got := c.must(200, "GET", "/api/v2/routing/skillgroups/"+id, nil); got["memberCount"] != 3.0 {
		t.Errorf("memberCount with all divisions = %v, want 3", got["memberCount"])
	}
	c.must(204, "POST", "/api/v2/routing/skillgroups/"+id+"/members/divisions", map[string]any{"removeDivisionIds": []string{"*"}})
	if got := names(c.must(200, "GET", "/api/v2/routing/skillgroups/"+id+"/members?pageSize=1", nil)); len(got) != 1 || got[0] != "Ann" {
		t.Errorf("first member page = %v", got)
	}
	c.wantError(400, "bad.request", "POST", "/api/v2/routing/skillgroups/"+id+"/members/divisions", map[string]any{"addDivisionIds": []string{"nope"}})
}
