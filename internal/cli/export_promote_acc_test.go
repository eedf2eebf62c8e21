package cli

import (
	"context"
	"encoding/json"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/cxascode/cxascode/internal/envdiff"
	"github.com/cxascode/cxascode/internal/export"
	"github.com/cxascode/cxascode/internal/kinds"
	"github.com/cxascode/cxascode/internal/platform"
	"github.com/cxascode/cxascode/internal/runner"
)

// TestAccExportPromotesAndAdopts is the export's round trip: a seeded dev org is exported
// and adopted; the same workspace then builds a second org (test) — dev's import blocks do not
// apply there —; test's state is lost (an org built outside this workspace), cx adopt --env
// test matches every object by name, and the plan only imports (flows take on their files).
// After a hand edit in test, cx diff names exactly that edit.
func TestAccExportPromotesAndAdopts(t *testing.T) {
	cx, ts, out := seededOrg(t, 100)
	if _, _, code := cx.run("export", "--env", "dev", "--into", out); code != 0 {
		t.Fatalf("export: exit %d", code)
	}
	exported := &accCX{t: t, root: out, ts: ts}
	if _, _, code := exported.run("apply", "--env", "dev"); code != 0 {
		t.Fatalf("apply the export to dev: exit %d", code)
	}

	// A second environment, built from the same workspace with the same values.
	config := readTestFile(t, filepath.Join(out, "cx.hcl"))
	dev := regexp.MustCompile(`(?s)environment "dev" \{.*?\n\}\n`).FindString(config)
	if dev == "" {
		t.Fatalf("no dev environment in the export's cx.hcl:\n%s", config)
	}
	test := strings.Replace(strings.Replace(dev, `environment "dev"`, `environment "test"`, 1), `"local:dev"`, `"local:test"`, 1)
	writeTestFile(t, filepath.Join(out, "cx.hcl"), config+"\n"+test)
	tfvars, _ := filepath.Glob(filepath.Join(out, "*", "env", "dev.tfvars"))
	for _, f := range tfvars {
		writeTestFile(t, filepath.Join(filepath.Dir(f), "test.tfvars"), readTestFile(t, f))
	}
	if _, errOut, code := exported.run("apply", "--env", "test"); code != 0 {
		t.Fatalf("apply the export to test (dev's imports must not apply there): exit %d\n%s", code, errOut)
	}
	must(t, os.RemoveAll(filepath.Join(out, ".cx", "state", "test")))

	stdout, _, code := exported.run("adopt", "--env", "test", "--json")
	if code != 0 {
		t.Fatalf("adopt: exit %d", code)
	}
	var adopted export.AdoptResult
	must(t, json.Unmarshal([]byte(stdout), &adopted))
	if len(adopted.Imports) < 90 || len(adopted.Missing) != 0 || len(adopted.Ambiguous) != 0 {
		t.Errorf("adopt: %d imports, missing %v, ambiguous %v", len(adopted.Imports), adopted.Missing, adopted.Ambiguous)
	}
	planOut, _, _ := exported.run("plan", "--env", "test", "--json")
	var plan runner.Result
	must(t, json.Unmarshal([]byte(planOut), &plan))
	for _, p := range plan.Projects {
		if p.Add != 0 || p.Destroy != 0 || p.Change > 1 || p.Status == runner.StatusFailed || !strings.Contains(readTestFile(t, p.Log), "to import") {
			t.Errorf("plan of %s after adopt: %s, add %d, change %d, destroy %d; want imports only:\n%s", p.Project, p.Status, p.Add, p.Change, p.Destroy, readTestFile(t, p.Log))
		}
	}
	if _, _, code := exported.run("apply", "--env", "test"); code != 0 {
		t.Fatalf("apply the adoption: exit %d", code)
	}
	if _, _, code := exported.run("plan", "--env", "test"); code != 0 {
		t.Errorf("plan after the adoption: exit %d, want 0 (no changes)", code)
	}

	// A hand edit in test: cx diff names it. The two orgs differ before it too, where dev's
	// objects were made through the API and test's by the provider (the local org leaves a
	// queue's unsent callback settings out; the provider sends their defaults): the edit is
	// what the diff names beyond those.
	diffs := func() map[string]bool {
		t.Helper()
		stdout, _, code := exported.run("diff", "--env", "dev", "--env", "test", "--json")
		var rep envdiff.Report
		if code == 1 || json.Unmarshal([]byte(stdout), &rep) != nil || len(rep.OnlyInA)+len(rep.OnlyInB) != 0 {
			t.Fatalf("diff: exit %d\n%s", code, stdout)
		}
		out := map[string]bool{}
		for _, c := range rep.Changed {
			for _, ch := range c.Changes {
				out[c.Type+" "+c.Name+" "+ch.Path] = true
			}
		}
		return out
	}
	before := diffs()
	ctx := context.Background()
	client := orgClientFor(t, ts, "test", "deploy")
	queue := kinds.Genesys().Named(kinds.Queue)
	queues, err := platform.ListAll[map[string]any](ctx, client, queue.API.Collection, nil, queue.API.PageSize())
	if err != nil || len(queues) == 0 {
		t.Fatalf("list test's queues: %v (%d)", err, len(queues))
	}
	edited := queues[0]
	edited["description"] = "Changed by hand in test"
	must(t, client.Do(ctx, http.MethodPut, queue.API.Item(edited["id"].(string)), nil, edited, nil))
	var named []string
	for d := range diffs() {
		if !before[d] {
			named = append(named, d)
		}
	}
	if want := queue.Resource + " " + edited["name"].(string) + " description"; len(named) != 1 || named[0] != want {
		t.Errorf("the diff after the hand edit names %v beyond the earlier differences, want [%s]", named, want)
	}
}
