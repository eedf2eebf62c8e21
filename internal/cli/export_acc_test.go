package cli

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/cxascode/cxascode/internal/export"
	"github.com/cxascode/cxascode/internal/orgserver"
	"github.com/cxascode/cxascode/internal/runner"
)

// TestAccExportAdoptsTheOrg exports the org the example workspace was applied to into a new
// workspace and checks that it adopts the org as it is: one project per flow, references
// instead of ids, a plan of imports only (a flow's update records its file and publishes
// nothing), an empty plan once applied, and no cycle in the graph.
func TestAccExportAdoptsTheOrg(t *testing.T) {
	base, ts, cx := exampleApplied(t)
	out := filepath.Join(base, "exported")

	stdout, _, code := cx.run("export", "--env", "dev", "--into", out, "--json")
	if code != 0 {
		t.Fatalf("export: exit %d", code)
	}
	var res export.Result
	must(t, json.Unmarshal([]byte(stdout), &res))
	flowProjects := 0
	for p := range res.Projects {
		if strings.HasPrefix(p, "flow-") {
			flowProjects++
		}
	}
	if flowProjects != 3 || res.Objects < 30 {
		t.Errorf("export wrote %d objects into %v; want the example's three flows in projects of their own", res.Objects, res.Projects)
	}
	ids := exportedIDs(t, out)
	checkNoIDsOutsideImports(t, out, ids)
	checkOneFlowPerProject(t, out)

	exported := &accCX{t: t, root: out, ts: ts}
	checkNoHardCodedValues(t, exported)
	// The billing line's numbers left the code for the environment's tfvars.
	tfvars, _ := filepath.Glob(filepath.Join(out, "*", "env", "dev.tfvars"))
	var values strings.Builder
	for _, f := range tfvars {
		values.WriteString(readTestFile(t, f))
	}
	for _, want := range []string{`"+13175551000"`, `"+13175551001"`, `"https://tickets.example.com/open?phone=$${input.phone}"`} {
		if !strings.Contains(values.String(), want) {
			t.Errorf("no env/dev.tfvars of the export holds %s:\n%s", want, values.String())
		}
	}
	planOut, _, _ := exported.run("plan", "--env", "dev", "--json")
	var plan runner.Result
	must(t, json.Unmarshal([]byte(planOut), &plan))
	if len(plan.Projects) != len(res.Projects) {
		t.Errorf("plan ran %d projects, export wrote %d", len(plan.Projects), len(res.Projects))
	}
	for _, p := range plan.Projects {
		log := readTestFile(t, p.Log)
		flows := strings.Count(log, "genesyscloud_flow.") / 2 // "will be updated" + "(imported from"
		if p.Add != 0 || p.Destroy != 0 || p.Change > 1 || !strings.Contains(log, "to import") {
			t.Errorf("plan of %s right after export: add %d, change %d, destroy %d; want imports only:\n%s", p.Project, p.Add, p.Change, p.Destroy, log)
		}
		if p.Change == 1 && (flows == 0 || strings.Contains(log, "published_version") && strings.Contains(log, "known after apply")) {
			t.Errorf("plan of %s: the only update must be a flow taking on its file without publishing:\n%s", p.Project, log)
		}
	}
	if _, _, code := exported.run("apply", "--env", "dev"); code != 0 {
		t.Fatalf("apply the export: exit %d", code)
	}
	if _, _, code := exported.run("plan", "--env", "dev"); code != 0 {
		t.Errorf("plan after applying the export: exit %d, want 0 (no changes)", code)
	}
	if graph, _, code := exported.run("graph"); code != 0 || strings.Contains(graph, "cycle") {
		t.Errorf("graph of the export: exit %d\n%s", code, graph)
	}

	// Bad input: nothing is written, and the error says what to do.
	if _, errOut, code := cx.run("export", "--env", "dev", "--into", out); code == 0 || !strings.Contains(errOut, "not empty") {
		t.Errorf("export into a non-empty directory: exit %d, %s", code, errOut)
	}
	none := filepath.Join(base, "none")
	if _, errOut, code := cx.run("export", "--env", "dev", "--into", none, "--include", "routing_queue:No Such Queue"); code == 0 || !strings.Contains(errOut, "no object") {
		t.Errorf("export with a filter matching nothing: exit %d, %s", code, errOut)
	}
	if _, err := os.Stat(none); !os.IsNotExist(err) {
		t.Errorf("a failed export left %s behind (%v)", none, err)
	}
	entries, _ := os.ReadDir(base)
	for _, e := range entries {
		if strings.Contains(e.Name(), ".export-") {
			t.Errorf("a temporary directory of the export stayed behind: %s", e.Name())
		}
	}

	// A filter exports the flow and what it needs, and says what came along.
	one := filepath.Join(base, "one")
	stdout, _, code = cx.run("export", "--env", "dev", "--into", one, "--include", "flow:Billing*", "--json")
	if code != 0 {
		t.Fatalf("export one flow: exit %d", code)
	}
	var oneRes export.Result
	must(t, json.Unmarshal([]byte(stdout), &oneRes))
	if _, ok := oneRes.Projects["flow-billing-ivr"]; !ok || len(oneRes.Added) == 0 || oneRes.Objects >= res.Objects {
		t.Errorf("export of the billing flow: projects %v, added %v, %d objects", oneRes.Projects, oneRes.Added, oneRes.Objects)
	}
}

// exampleApplied is the example workspace (base/src) applied to dev, a fresh in-process
// local org; exports go beside it, under base.
func exampleApplied(t *testing.T) (base string, ts *orgserver.TestServer, cx *accCX) {
	t.Helper()
	example := filepath.Join("..", "..", "examples", "contact-center")
	if _, err := os.Stat(filepath.Join(example, "cx.hcl")); err != nil {
		t.Skip("examples/contact-center is not there")
	}
	base = t.TempDir()
	ts = orgserver.NewTestServer(t)
	cx = newAccCX(t, filepath.Join(base, "src"), ts)
	copyTree(t, example, cx.root)
	if _, _, code := cx.run("apply", "--env", "dev"); code != 0 {
		t.Fatalf("apply the example: exit %d", code)
	}
	return base, ts, cx
}

var quotedID = regexp.MustCompile(`"([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})"`)

// exportedIDs are the ids the export's import blocks adopt.
func exportedIDs(t *testing.T, root string) map[string]bool {
	t.Helper()
	ids := map[string]bool{}
	files, _ := filepath.Glob(filepath.Join(root, "*", "imports.tf"))
	for _, f := range files {
		for _, m := range quotedID.FindAllStringSubmatch(readTestFile(t, f), -1) {
			ids[m[1]] = true
		}
	}
	if len(ids) == 0 {
		t.Fatalf("the export imports nothing (%v)", files)
	}
	return ids
}

// checkNoIDsOutsideImports fails when a resource holds the id of an exported object instead
// of a reference.
func checkNoIDsOutsideImports(t *testing.T, root string, ids map[string]bool) {
	t.Helper()
	files, _ := filepath.Glob(filepath.Join(root, "*", "*.tf"))
	for _, f := range files {
		if filepath.Base(f) == "imports.tf" {
			continue
		}
		for _, m := range quotedID.FindAllStringSubmatch(readTestFile(t, f), -1) {
			if ids[m[1]] {
				t.Errorf("%s holds the id %s of an exported object instead of a reference", f, m[1])
			}
		}
	}
}

// newDevSource is a workspace (base/src) whose one environment, dev, is a fresh in-process
// local org; exports go beside it, under base.
func newDevSource(t *testing.T) (base string, ts *orgserver.TestServer, cx *accCX) {
	t.Helper()
	base = t.TempDir()
	src := filepath.Join(base, "src")
	ts = orgserver.NewTestServer(t)
	cx = newAccCX(t, src, ts)
	writeTestFile(t, filepath.Join(src, "cx.hcl"), "environment \"dev\" {\n  org = \"local:dev\"\n}\n")
	return base, ts, cx
}

// checkPlanImportsOnly fails when the plan of dev right after an export adds, destroys or
// changes more than a project's one flow taking on its file; it returns the plan.
func checkPlanImportsOnly(t *testing.T, exported *accCX) runner.Result {
	t.Helper()
	planOut, _, _ := exported.run("plan", "--env", "dev", "--json")
	var plan runner.Result
	must(t, json.Unmarshal([]byte(planOut), &plan))
	for _, p := range plan.Projects {
		if p.Add != 0 || p.Destroy != 0 || p.Change > 1 {
			t.Errorf("plan of %s right after export: add %d, change %d, destroy %d:\n%s", p.Project, p.Add, p.Change, p.Destroy, readTestFile(t, p.Log))
		}
	}
	return plan
}

// checkNoHardCodedValues fails when cx check finds environment-specific values written into
// an export's code: export moves them to env/<env>.tfvars and flow substitutions.
func checkNoHardCodedValues(t *testing.T, cx *accCX) {
	t.Helper()
	stdout, _, _ := cx.run("check", "--json")
	var report struct {
		Findings []struct {
			Check, Rule, Message string
			Pos                  struct{ File string }
		}
	}
	must(t, json.Unmarshal([]byte(stdout), &report))
	for _, f := range report.Findings {
		if f.Check == "hard-coded" {
			t.Errorf("cx check on the export: %s/%s %s: %s", f.Check, f.Rule, f.Pos.File, f.Message)
		}
	}
}

func checkOneFlowPerProject(t *testing.T, root string) {
	t.Helper()
	files, _ := filepath.Glob(filepath.Join(root, "*", "flow.tf"))
	for _, f := range files {
		if n := strings.Count(readTestFile(t, f), `resource "genesyscloud_flow"`); n > 1 {
			t.Errorf("%s declares %d flows; want one per project", f, n)
		}
	}
}

// TestAccExportSeededOrg exports an org made by cx org seed (lines of business with flows,
// IVRs, queues, data tables; shared skills; agents in groups): the plan right after only
// imports (and flows take on their files), and once applied the plan is empty.
func TestAccExportSeededOrg(t *testing.T) {
	cx, ts, out := seededOrg(t, 300)
	stdout, _, code := cx.run("export", "--env", "dev", "--into", out, "--json")
	if code != 0 {
		t.Fatalf("export: exit %d", code)
	}
	var res export.Result
	must(t, json.Unmarshal([]byte(stdout), &res))
	if res.Objects < 290 || res.Projects["flow-seed-line-ivr-0000"] == 0 {
		t.Errorf("export of the seeded org: %d objects in %v", res.Objects, res.Projects)
	}
	checkNoIDsOutsideImports(t, out, exportedIDs(t, out))
	checkOneFlowPerProject(t, out)
	checkNoHardCodedValues(t, &accCX{t: t, root: out, ts: ts})
	// Exported users leave their personal settings unmanaged (not read: two requests a user).
	if users := readTestFile(t, filepath.Join(out, "people", "user.tf")); !strings.Contains(users, `resource "genesyscloud_user"`) ||
		strings.Contains(users, "voicemail_userpolicies") || strings.Contains(users, "routing_utilization") {
		t.Errorf("exported users: want no voicemail_userpolicies or routing_utilization:\n%.2000s", users)
	}
	exported := &accCX{t: t, root: out, ts: ts}
	checkPlanImportsOnly(t, exported)
	if _, _, code := exported.run("apply", "--env", "dev"); code != 0 {
		t.Fatalf("apply the export: exit %d", code)
	}
	if _, _, code := exported.run("plan", "--env", "dev"); code != 0 {
		t.Errorf("plan after applying the export: exit %d, want 0 (no changes)", code)
	}
}

// seededOrg is a workspace whose dev environment is a local org seeded with about objects
// objects (cx org seed), and the directory an export of it may go to.
func seededOrg(t *testing.T, objects int) (cx *accCX, ts *orgserver.TestServer, exportDir string) {
	t.Helper()
	base := t.TempDir()
	src := filepath.Join(base, "src")
	ts = orgserver.NewTestServer(t)
	cx = newAccCX(t, src, ts)
	writeTestFile(t, filepath.Join(src, "cx.hcl"), "environment \"dev\" {\n  org = \"local:dev\"\n}\n")
	if _, _, code := cx.run("org", "seed", "--objects", fmt.Sprint(objects)); code != 0 {
		t.Fatalf("seed: exit %d", code)
	}
	return cx, ts, filepath.Join(base, "exported")
}

// TestAccAdoptAnOrgBuiltByHand: the example applied to test, then its states lost (an org
// built outside this workspace). cx adopt matches every declared object by name and writes
// the imports; the plan then imports and creates nothing again (its changes are where the
// code and the org differ), and after the apply the plan is empty.
func TestAccAdoptAnOrgBuiltByHand(t *testing.T) {
	example := filepath.Join("..", "..", "examples", "contact-center")
	if _, err := os.Stat(filepath.Join(example, "cx.hcl")); err != nil {
		t.Skip("examples/contact-center is not there")
	}
	root := t.TempDir()
	cx := newAccCX(t, root, orgserver.NewTestServer(t))
	copyTree(t, example, root)
	if _, _, code := cx.run("apply", "--env", "test"); code != 0 {
		t.Fatalf("apply to test: exit %d", code)
	}
	must(t, os.RemoveAll(filepath.Join(root, ".cx", "state", "test")))

	stdout, _, code := cx.run("adopt", "--env", "test", "--json")
	if code != 0 {
		t.Fatalf("adopt: exit %d", code)
	}
	var res export.AdoptResult
	must(t, json.Unmarshal([]byte(stdout), &res))
	if len(res.Imports) < 20 || len(res.Missing) != 0 || len(res.Ambiguous) != 0 || len(res.Files) != 6 {
		t.Errorf("adopt: %d imports in %v, missing %v, ambiguous %v", len(res.Imports), res.Files, res.Missing, res.Ambiguous)
	}
	planOut, _, _ := cx.run("plan", "--env", "test", "--json")
	var plan runner.Result
	must(t, json.Unmarshal([]byte(planOut), &plan))
	for _, p := range plan.Projects {
		log := readTestFile(t, p.Log)
		// Changes are what differs between the code and the org built by hand (the example's
		// queues leave media settings out); nothing is created again or destroyed.
		if p.Add != 0 || p.Destroy != 0 || !strings.Contains(log, "to import") {
			t.Errorf("plan of %s after adopt: add %d, change %d, destroy %d:\n%s", p.Project, p.Add, p.Change, p.Destroy, log)
		}
	}
	if _, _, code := cx.run("apply", "--env", "test"); code != 0 {
		t.Fatalf("apply the adoption: exit %d", code)
	}
	if _, _, code := cx.run("plan", "--env", "test"); code != 0 {
		t.Errorf("plan after the adoption: exit %d, want 0", code)
	}
	// A hand-written imports file is not overwritten.
	own := filepath.Join(root, "shared-skills", "imports.tf")
	writeTestFile(t, own, "import {\n  to = genesyscloud_routing_skill.x\n  id = \"1\"\n}\n")
	if _, errOut, code := cx.run("adopt", "--env", "test"); code == 0 || !strings.Contains(errOut, "was not written by cx") {
		t.Errorf("adopt over a hand-written imports file: exit %d, %s", code, errOut)
	}
}
