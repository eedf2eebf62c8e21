package export

import (
	"strings"
	"testing"
)

// A small org: two flows, each with its IVR and queue; a skill and a wrap-up code both
// queues use; a schedule group only the sales IVR uses; a user nobody's flow uses; a shared
// IVR routing to both flows.
func sampleOrg() []Node {
	return []Node{
		{ID: "f-sales", Type: "genesyscloud_flow", Name: "Sales IVR", Refs: []string{"q-sales", "skill"}},
		{ID: "f-support", Type: "genesyscloud_flow", Name: "Support IVR", Refs: []string{"q-support", "skill"}},
		{ID: "ivr-sales", Type: "genesyscloud_architect_ivr", Name: "Sales Line", Refs: []string{"f-sales", "sg-sales"}},
		{ID: "ivr-support", Type: "genesyscloud_architect_ivr", Name: "Support Line", Refs: []string{"f-support"}},
		{ID: "ivr-main", Type: "genesyscloud_architect_ivr", Name: "Main Line", Refs: []string{"f-sales", "f-support"}},
		{ID: "sg-sales", Type: "genesyscloud_architect_schedulegroups", Name: "Sales Hours"},
		{ID: "q-sales", Type: "genesyscloud_routing_queue", Name: "Sales", Refs: []string{"wrap"}},
		{ID: "q-support", Type: "genesyscloud_routing_queue", Name: "Support", Refs: []string{"wrap"}},
		{ID: "skill", Type: "genesyscloud_routing_skill", Name: "English"},
		{ID: "wrap", Type: "genesyscloud_routing_wrapupcode", Name: "Resolved"},
		{ID: "user", Type: "genesyscloud_user", Name: "ann@example.com"},
	}
}

func TestLayoutByFlow(t *testing.T) {
	l, err := PlanLayout(sampleOrg(), ByFlow)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{
		"f-sales": "flow-sales-ivr", "ivr-sales": "flow-sales-ivr", "sg-sales": "flow-sales-ivr", "q-sales": "flow-sales-ivr",
		"f-support": "flow-support-ivr", "ivr-support": "flow-support-ivr", "q-support": "flow-support-ivr",
		"ivr-main": "shared-entry", "skill": "shared-skills", "wrap": "shared-wrapupcodes", "user": "people",
	}
	for id, p := range want {
		if l.Project[id] != p {
			t.Errorf("%s in %q, want %q", id, l.Project[id], p)
		}
	}
}

func TestLayoutByKind(t *testing.T) {
	l, err := PlanLayout(sampleOrg(), ByKind)
	if err != nil {
		t.Fatal(err)
	}
	for id, p := range map[string]string{"f-sales": "flows", "f-support": "flows", "q-sales": "shared-routing", "ivr-sales": "shared-entry", "user": "people"} {
		if l.Project[id] != p {
			t.Errorf("%s in %q, want %q", id, l.Project[id], p)
		}
	}
	if _, err := PlanLayout(sampleOrg(), "team"); err == nil { // "division" is a layout now (ByDivision)
		t.Error("an unknown layout was accepted")
	}
}

// An object only one flow uses but a shared object refers to moves to a shared project, so
// that no shared project depends on a flow's project.
func TestLayoutMovesWhatSharedObjectsUse(t *testing.T) {
	nodes := append(sampleOrg(), Node{ID: "user-2", Type: "genesyscloud_user", Name: "bob@example.com", Refs: []string{"sg-sales"}})
	l, err := PlanLayout(nodes, ByFlow)
	if err != nil {
		t.Fatal(err)
	}
	if l.Project["sg-sales"] != "shared-schedules" {
		t.Errorf("the schedule group a user refers to is in %q, want shared-schedules", l.Project["sg-sales"])
	}
	if len(l.Notes) == 0 || !strings.Contains(l.Notes[0], "Sales Hours") {
		t.Errorf("notes %q do not say why the schedule group moved", l.Notes)
	}
}

// Projects that would depend on each other are merged, and the merge is said.
func TestLayoutMergesCycles(t *testing.T) {
	nodes := []Node{
		{ID: "q", Type: "genesyscloud_routing_queue", Name: "Q", Refs: []string{"u"}},
		{ID: "u", Type: "genesyscloud_user", Name: "u@example.com", Refs: []string{"q"}},
	}
	l, err := PlanLayout(nodes, ByFlow)
	if err != nil {
		t.Fatal(err)
	}
	if l.Project["q"] != l.Project["u"] {
		t.Errorf("a cycle stayed across projects: %v", l.Project)
	}
	if len(l.Notes) != 1 || !strings.Contains(l.Notes[0], "cycle") {
		t.Errorf("notes %q", l.Notes)
	}
}

func TestChooseFollowsReferences(t *testing.T) {
	inc, err := parsePatterns("--include", []string{"flow:sales*"})
	if err != nil {
		t.Fatal(err)
	}
	exc, err := parsePatterns("--exclude", []string{"routing_wrapupcode"})
	if err != nil {
		t.Fatal(err)
	}
	chosen, added, err := choose(sampleOrg(), inc, exc)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, n := range chosen {
		got = append(got, n.ID)
	}
	if strings.Join(got, ",") != "f-sales,q-sales,skill" || strings.Join(added, ",") != "q-sales,skill" {
		t.Errorf("chosen %v, added %v", got, added)
	}
	if _, _, err := choose(sampleOrg(), []pattern{{typ: "genesyscloud_nothing", name: "*"}}, nil); err == nil {
		t.Error("a filter matching nothing was accepted")
	}
	for _, bad := range []string{":name", "routing_queue:[", "["} {
		if _, err := parsePatterns("--include", []string{bad}); err == nil {
			t.Errorf("pattern %q was accepted", bad)
		}
	}
}

func FuzzParsePatterns(f *testing.F) {
	for _, s := range []string{"flow:Billing*", "routing_queue", "*:x", ":", "[", "genesyscloud_user:a@b"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		ps, err := parsePatterns("--include", []string{s})
		if err != nil {
			return
		}
		// A pattern that parses matches without error against any node.
		matchAny(ps, Node{Type: "genesyscloud_routing_queue", Name: s})
	})
}

// The org's vocabulary stays shared even while one flow uses it, as cx check's monolith split
// expects (kinds.Sharing): a skill only sales rings, and a schedule group built of shared
// schedules; a schedule group built of nothing shared still follows its flow.
func TestLayoutKeepsVocabularyShared(t *testing.T) {
	nodes := append(sampleOrg(),
		Node{ID: "skill-sales", Type: "genesyscloud_routing_skill", Name: "Sales"},
		Node{ID: "weekdays", Type: "genesyscloud_architect_schedules", Name: "Weekdays"},
		Node{ID: "sg-support", Type: "genesyscloud_architect_schedulegroups", Name: "Support Hours", Refs: []string{"weekdays"}},
	)
	for i := range nodes {
		switch nodes[i].ID {
		case "q-sales":
			nodes[i].Refs = append(nodes[i].Refs, "skill-sales")
		case "ivr-support":
			nodes[i].Refs = append(nodes[i].Refs, "sg-support")
		}
	}
	l, err := PlanLayout(nodes, ByFlow)
	if err != nil {
		t.Fatal(err)
	}
	for id, p := range map[string]string{"skill-sales": "shared-skills", "weekdays": "shared-schedules", "sg-support": "shared-schedules",
		"sg-sales": "flow-sales-ivr", "user": "people"} {
		if l.Project[id] != p {
			t.Errorf("%s in %q, want %q", id, l.Project[id], p)
		}
	}
}

// A threshold of three keeps what two flows use (an overflow queue both transfer to) with the
// first of them, which the other finds by name; a threshold of one leaves each flow alone in
// its project.
func TestLayoutSharedThreshold(t *testing.T) {
	nodes := append(sampleOrg(), Node{ID: "q-both", Type: "genesyscloud_routing_queue", Name: "Overflow"})
	for i := range nodes {
		if nodes[i].Type == flowType {
			nodes[i].Refs = append(nodes[i].Refs, "q-both")
		}
	}
	for _, c := range []struct {
		threshold int
		want      map[string]string
	}{
		{2, map[string]string{"q-both": "shared-routing", "q-support": "flow-support-ivr"}},
		{3, map[string]string{"q-both": "flow-sales-ivr", "q-support": "flow-support-ivr", "ivr-main": "shared-entry", "user": "people"}},
		{1, map[string]string{"f-sales": "flow-sales-ivr", "q-sales": "shared-routing", "q-both": "shared-routing",
			"ivr-sales": "shared-entry", "sg-sales": "shared-schedules"}},
	} {
		l, err := PlanLayoutWith(nodes, LayoutOptions{Layout: ByFlow, SharedThreshold: c.threshold})
		if err != nil {
			t.Fatal(err)
		}
		for id, p := range c.want {
			if l.Project[id] != p {
				t.Errorf("threshold %d: %s in %q, want %q", c.threshold, id, l.Project[id], p)
			}
		}
		checkLayoutInvariants(t, nodes, l)
	}
	if _, err := PlanLayoutWith(sampleOrg(), LayoutOptions{SharedThreshold: -1}); err == nil {
		t.Error("a negative threshold was accepted")
	}
}

// By division: flows keep their projects; shared objects of a division go to its project,
// objects without a division, people and shared entry points where the flow layout puts them.
func TestLayoutByDivision(t *testing.T) {
	nodes := sampleOrg()
	for i := range nodes {
		switch nodes[i].ID {
		case "q-sales", "q-support", "wrap", "ivr-main", "user":
			nodes[i].Division = "Retail Banking"
		}
	}
	nodes = append(nodes, Node{ID: "q-shared", Type: "genesyscloud_routing_queue", Name: "Overflow", Division: "Retail Banking"},
		Node{ID: "sg-shared", Type: "genesyscloud_architect_schedulegroups", Name: "Holidays"})
	l, err := PlanLayoutWith(nodes, LayoutOptions{Layout: ByDivision})
	if err != nil {
		t.Fatal(err)
	}
	for id, p := range map[string]string{"f-sales": "flow-sales-ivr", "q-sales": "flow-sales-ivr", "wrap": "division-retail-banking",
		"q-shared": "division-retail-banking", "sg-shared": "shared-schedules", "skill": "shared-skills", "ivr-main": "shared-entry", "user": "people"} {
		if l.Project[id] != p {
			t.Errorf("%s in %q, want %q", id, l.Project[id], p)
		}
	}
	checkLayoutInvariants(t, nodes, l)
}

// checkLayoutInvariants: at most one flow per project, and no two projects depending on each
// other in a cycle.
func checkLayoutInvariants(t *testing.T, nodes []Node, l *Layout) {
	t.Helper()
	flows := map[string]int{}
	deps := map[string]map[string]bool{}
	for _, n := range nodes {
		if n.Type == flowType {
			flows[l.Project[n.ID]]++
		}
		for _, r := range n.Refs {
			if from, to := l.Project[n.ID], l.Project[r]; from != to {
				if deps[from] == nil {
					deps[from] = map[string]bool{}
				}
				deps[from][to] = true
			}
		}
	}
	for p, n := range flows {
		if n > 1 {
			t.Errorf("project %s holds %d flows", p, n)
		}
	}
	if c := findCycle(deps); c != nil {
		t.Errorf("projects %v depend on each other in a cycle", c)
	}
}
