package workspace

import (
	"errors"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// loadGraph builds the graph of a fixture under testdata.
func loadGraph(t *testing.T, fixture string) (*Graph, Diagnostics) {
	t.Helper()
	ws, err := Load(filepath.Join("testdata", fixture))
	if err != nil {
		t.Fatal(err)
	}
	g, diags := BuildGraph(ws)
	return g, diags
}

// edgeSet is "from→to" for every edge, for exact comparisons.
func edgeSet(g *Graph) []string {
	var out []string
	for _, e := range g.Edges {
		out = append(out, e.From+"→"+e.To)
	}
	return out
}

func diagStrings(ds Diagnostics) []string {
	var out []string
	for _, d := range ds {
		out = append(out, d.Severity.String()+": "+d.String())
	}
	return out
}

func TestGraphContactCenter(t *testing.T) {
	t.Parallel()
	g, diags := loadGraph(t, "contact-center")
	if len(diags) != 0 {
		t.Fatalf("diagnostics:\n%s", diags)
	}
	// flow-billing's own queue "Billing" is no edge; the skill is matched case-insensitively.
	if diff := cmp.Diff([]string{"flow-billing→shared-schedules", "flow-billing→shared-skills"}, edgeSet(g)); diff != "" {
		t.Errorf("edges (-want +got):\n%s", diff)
	}
	wantRefs := []Ref{
		{Type: "genesyscloud_routing_skill", Name: "Billing", Via: "flow", Kind: "skill", Pos: Pos{File: "flow-billing/flows/billing.yaml", Line: 39, Column: 29}},
		{Type: "genesyscloud_routing_skill", Name: "billing", Via: "data", Pos: Pos{File: "flow-billing/main.tf", Line: 11, Column: 10}},
	}
	if diff := cmp.Diff(wantRefs, g.Edge("flow-billing", "shared-skills").Refs); diff != "" {
		t.Errorf("refs behind flow-billing→shared-skills (-want +got):\n%s", diff)
	}
	order, err := g.Order()
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]string{"shared-schedules", "shared-skills", "flow-billing"}, order); diff != "" {
		t.Errorf("Order (-want +got):\n%s", diff)
	}
	levels, err := g.Levels()
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([][]string{{"shared-schedules", "shared-skills"}, {"flow-billing"}}, levels); diff != "" {
		t.Errorf("Levels (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]string{"flow-billing"}, g.Dependents("shared-skills")); diff != "" {
		t.Errorf("Dependents (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]string{"shared-schedules", "shared-skills"}, g.Dependencies("flow-billing")); diff != "" {
		t.Errorf("Dependencies (-want +got):\n%s", diff)
	}
}

func TestAffected(t *testing.T) {
	t.Parallel()
	g, _ := loadGraph(t, "contact-center")
	abs, err := filepath.Abs(filepath.Join("testdata", "contact-center", "shared-schedules", "main.tf"))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name    string
		changed []string
		want    []string
	}{
		{"shared project and its dependents", []string{"shared-skills/main.tf"}, []string{"shared-skills", "flow-billing"}},
		{"absolute path", []string{abs}, []string{"shared-schedules", "flow-billing"}},
		{"flow yaml", []string{"flow-billing/flows/billing.yaml"}, []string{"flow-billing"}},
		{"env file", []string{"./flow-billing/env/dev.tfvars"}, []string{"flow-billing"}},
		{"workspace config", []string{"cx.hcl"}, []string{"shared-schedules", "shared-skills", "flow-billing"}},
		{"outside every project", []string{"README.md", "shared-skills-old/x.tf"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			if diff := cmp.Diff(tt.want, g.Affected(tt.changed)); diff != "" {
				t.Errorf("Affected(%q) (-want +got):\n%s", tt.changed, diff)
			}
		})
	}
}

func TestGraphCycle(t *testing.T) {
	t.Parallel()
	g, diags := loadGraph(t, "cycle")
	if diff := cmp.Diff([]string{"alpha→beta", "beta→gamma", "delta→alpha", "gamma→alpha"}, edgeSet(g)); diff != "" {
		t.Errorf("edges (-want +got):\n%s", diff)
	}
	want := []string{
		`error: alpha/main.tf:6:10: dependency cycle: alpha → beta → gamma → alpha (` +
			`alpha → beta by alpha/main.tf:6:10 data genesyscloud_routing_queue "Q-B"; ` +
			`beta → gamma by beta/main.tf:6:10 data genesyscloud_group "G-C"; ` +
			`gamma → alpha by gamma/main.tf:6:10 data genesyscloud_routing_skill "S-A"); ` +
			`move the shared objects into a project both can depend on`,
	}
	if diff := cmp.Diff(want, diagStrings(diags)); diff != "" {
		t.Errorf("diagnostics (-want +got):\n%s", diff)
	}
	if got := diags[0].Positions; len(got) != 3 || got[2] != (Pos{File: "gamma/main.tf", Line: 6, Column: 10}) {
		t.Errorf("cycle positions = %v, want the three refs", got)
	}
	var ce *CycleError
	if _, err := g.Order(); !errors.As(err, &ce) || err.Error() != "no deployment order: projects alpha, beta, delta, gamma are in a dependency cycle" {
		t.Errorf("Order error = %v", err)
	}
	// Affected still works: it falls back to names.
	if diff := cmp.Diff([]string{"alpha", "beta", "delta", "gamma"}, g.Affected([]string{"beta/main.tf"})); diff != "" {
		t.Errorf("Affected (-want +got):\n%s", diff)
	}
}

func TestGraphDuplicateOwner(t *testing.T) {
	t.Parallel()
	g, diags := loadGraph(t, "duplicate")
	// A reference to a doubly declared object depends on both owners, so order stays safe.
	if diff := cmp.Diff([]string{"three→one", "three→two"}, edgeSet(g)); diff != "" {
		t.Errorf("edges (-want +got):\n%s", diff)
	}
	want := []string{
		`error: one/main.tf:2:10: genesyscloud_routing_skill "Billing" is declared by 2 projects: ` +
			`one (genesyscloud_routing_skill.billing at one/main.tf:2:10) and ` +
			`two (genesyscloud_routing_skill.billing_copy at two/main.tf:2:10); ` +
			`keep it in one project and look it up by name (data source) in the others`,
	}
	if diff := cmp.Diff(want, diagStrings(diags)); diff != "" {
		t.Errorf("diagnostics (-want +got):\n%s", diff)
	}
}

func TestGraphUndeclared(t *testing.T) {
	t.Parallel()
	g, diags := loadGraph(t, "undeclared")
	if diff := cmp.Diff([]string{"flow-x→shared-y"}, edgeSet(g)); diff != "" {
		t.Errorf("edges (-want +got):\n%s", diff)
	}
	if e := g.Edge("flow-x", "shared-y"); !e.Explicit || e.ExplicitPos != (Pos{File: "cx.hcl", Line: 1, Column: 1}) || len(e.Refs) != 0 {
		t.Errorf("edge = %+v, want explicit from cx.hcl:1:1", e)
	}
	want := []string{
		`warning: flow-x/main.tf:6:10: flow-x: no project declares genesyscloud_routing_wrapupcode "Resolved"; it must already exist in every environment's org`,
		`warning: flow-x/main.tf:10:10: data.genesyscloud_routing_language.lang: name is not a literal string; an edge may be missing (add depends_on in cx.hcl if so)`,
	}
	if diff := cmp.Diff(want, diagStrings(diags)); diff != "" {
		t.Errorf("diagnostics (-want +got):\n%s", diff)
	}
	if Diagnostics(diags).HasErrors() {
		t.Error("warnings only, but HasErrors is true")
	}
}

func TestGraphExplicitDependsOnErrors(t *testing.T) {
	t.Parallel()
	root := t.TempDir()
	writeFiles(t, root, map[string]string{
		"cx.hcl": `project "a" {
  depends_on = ["a", "ghost"]
}
project "b" {
  depends_on = ["a"]
}
project "gone" {
}
`,
		"a/main.tf": `data "genesyscloud_routing_queue" "q" {
  name = "Q"
}
`,
		"b/main.tf": `resource "genesyscloud_routing_queue" "q" {
  name = "Q"
}
`,
	})
	ws, err := Load(root)
	if err != nil {
		t.Fatal(err)
	}
	g, diags := BuildGraph(ws)
	want := []string{
		`error: a/main.tf:2:10: dependency cycle: a → b → a (a → b by a/main.tf:2:10 data genesyscloud_routing_queue "Q"; b → a by cx.hcl:4:1 depends_on); move the shared objects into a project both can depend on`,
		`error: cx.hcl:1:1: project "a" depends on itself`,
		`error: cx.hcl:1:1: project "a" depends_on "ghost", which is not a project in the workspace`,
		`error: cx.hcl:7:1: project "gone" is not in the workspace (check projects.include and the directory name)`,
	}
	if diff := cmp.Diff(want, diagStrings(diags)); diff != "" {
		t.Errorf("diagnostics (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]string{"a→b", "b→a"}, edgeSet(g)); diff != "" {
		t.Errorf("edges (-want +got):\n%s", diff)
	}
}
