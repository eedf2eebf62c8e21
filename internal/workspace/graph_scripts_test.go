package workspace

import (
	"os"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// A flow whose screen pop shows a script depends on the project declaring the script, which
// names it with script_name: the graph matches the flow's reference to it by that name.
func TestGraphScreenPopScripts(t *testing.T) {
	t.Parallel()
	// The local org's fixture of the same flow: its import test publishes it.
	claimsFlow, err := os.ReadFile("../orgserver/testdata/flows/claims_screen_pop.yaml")
	if err != nil {
		t.Fatal(err)
	}
	root := t.TempDir()
	writeFiles(t, root, map[string]string{
		"cx.hcl": "",
		"shared-scripts/main.tf": `resource "genesyscloud_script" "intake" {
  filepath    = "intake.json"
  script_name = "Claims Intake"
}
`,
		"flow-claims/main.tf":     "resource \"genesyscloud_flow\" \"f\" {\n  filepath = \"claims.yaml\"\n}\n",
		"flow-claims/claims.yaml": string(claimsFlow),
	})
	wantEdgeRefs(t, root, "flow-claims", "shared-scripts", "genesyscloud_script Claims Intake")
}

// wantEdgeRefs loads the workspace at root and checks that its graph has exactly one edge,
// from one project to another, made of the references want ("<type> <name>", in order).
func wantEdgeRefs(t *testing.T, root, from, to string, want ...string) {
	t.Helper()
	ws, err := Load(root)
	if err != nil {
		t.Fatal(err)
	}
	g, diags := BuildGraph(ws)
	if len(diags) != 0 {
		t.Fatalf("diagnostics:\n%s", diags)
	}
	if diff := cmp.Diff([]string{from + "→" + to}, edgeSet(g)); diff != "" {
		t.Fatalf("edges (-want +got):\n%s", diff)
	}
	var got []string
	for _, r := range g.Edge(from, to).Refs {
		got = append(got, r.Type+" "+r.Name)
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("refs (-want +got):\n%s", diff)
	}
}
