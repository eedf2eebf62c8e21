package cli

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"github.com/cxascode/cxascode/internal/export"
)

// TestAccExportLayouts exports one small seeded org with every layout: each keeps the graph
// free of cycles and references free of raw ids; the per-flow layouts keep one flow per
// project. With a threshold of three, what two flows share stays with one of them and the
// other finds it by name — the plan of that export still only imports.
func TestAccExportLayouts(t *testing.T) {
	base, ts, cx := newDevSource(t)
	if _, _, code := cx.run("org", "seed", "--objects", "300"); code != 0 {
		t.Fatalf("seed: exit %d", code)
	}
	divisionFlowProjects := map[string]int{} // flow projects as the default threshold makes them
	for _, c := range []struct {
		name    string
		args    []string
		perFlow bool
	}{
		{"kind", []string{"--layout", "kind"}, false},
		{"division", []string{"--layout", "division"}, true},
		{"threshold", []string{"--layout", "flow", "--shared-threshold", "3"}, true},
		{"alone", []string{"--shared-threshold", "1"}, true},
	} {
		out := filepath.Join(base, c.name)
		stdout, _, code := cx.run(append([]string{"export", "--env", "dev", "--into", out, "--json"}, c.args...)...)
		if code != 0 {
			t.Fatalf("export --layout %s: exit %d", c.name, code)
		}
		var res export.Result
		must(t, json.Unmarshal([]byte(stdout), &res))
		checkNoIDsOutsideImports(t, out, exportedIDs(t, out))
		if c.perFlow {
			checkOneFlowPerProject(t, out)
		}
		exported := &accCX{t: t, root: out, ts: ts}
		if graph, _, code := exported.run("graph"); code != 0 || strings.Contains(graph, "cycle") {
			t.Errorf("graph of the %s export: exit %d\n%s", c.name, code, graph)
		}
		switch c.name {
		case "kind":
			if res.Projects["flows"] == 0 || res.Projects["shared-routing"] == 0 {
				t.Errorf("kind layout: projects %v", res.Projects)
			}
		case "division":
			if res.Projects["division-home"] == 0 || res.Projects["flow-seed-line-ivr-0000"] == 0 {
				t.Errorf("division layout: projects %v", res.Projects)
			}
			for p, n := range res.Projects {
				if strings.HasPrefix(p, "flow-") {
					divisionFlowProjects[p] = n
				}
			}
		case "alone":
			for p, n := range res.Projects {
				if strings.HasPrefix(p, "flow-") && n != 1 {
					t.Errorf("threshold 1: %s holds %d objects, want its flow alone", p, n)
				}
			}
		case "threshold":
			// What two lines share may stay with the first of them (which kinds stay shared
			// whatever the threshold is the catalogue's to say): a flow's project never holds
			// less than with the default threshold, which the division layout's flow projects
			// show.
			for p, n := range divisionFlowProjects {
				if res.Projects[p] < n {
					t.Errorf("threshold 3: %s holds %d objects, fewer than the %d of the default threshold", p, res.Projects[p], n)
				}
			}
			checkPlanImportsOnly(t, exported)
		}
	}
	if _, errOut, code := cx.run("export", "--env", "dev", "--into", filepath.Join(base, "bad"), "--layout", "team"); code == 0 || !strings.Contains(errOut, "division") {
		t.Errorf("export with an unknown layout: exit %d, %s", code, errOut)
	}
}
