package cli

import (
	"encoding/json"
	"fmt"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/cxascode/cxascode/internal/drift"
	"github.com/cxascode/cxascode/internal/orgserver"
)

// The drift-and-backport acceptance tests share their beginning (a committed workspace
// applied to prod, in sync) and their first check (drift reports exactly the console's
// changes, each attributed to the console).

// prodWorkspace is a workspace whose one environment, prod, is an org of a new local org
// with two admin clients: deploy, which cx uses, and console, which plays the person
// changing the org by hand. files are its projects' files.
type prodWorkspace struct {
	name      string
	protected bool
	include   string // cx.hcl's projects.include, e.g. ` + "`" + `"shared-*"` + "`" + `
	files     map[string]string
}

// apply writes the workspace into a new directory, commits it on main, applies prod and
// checks that drift right after finds nothing. It returns cx in that directory, the local
// org and the directory.
func (w prodWorkspace) apply(t *testing.T) (*accCX, *orgserver.TestServer, string) {
	t.Helper()
	root := t.TempDir()
	ts := orgserver.NewTestServer(t, orgserver.WithOrgs(orgserver.OrgSpec{Name: "prod", Clients: []orgserver.ClientSpec{
		{Name: "deploy", Role: orgserver.RoleAdmin}, {Name: "console", Role: orgserver.RoleAdmin}}}))
	cx := newAccCX(t, root, ts)
	env := "  org = \"local:prod\"\n"
	if w.protected {
		env = "  org       = \"local:prod\"\n  protected = true\n"
	}
	writeTestFile(t, filepath.Join(root, ".gitignore"), ".cx/\n")
	writeTestFile(t, filepath.Join(root, "cx.hcl"), fmt.Sprintf("workspace {\n  name = %q\n}\n\nenvironment \"prod\" {\n%s}\n\nprojects {\n  include = [%s]\n}\n",
		w.name, env, w.include))
	for name, content := range w.files {
		writeTestFile(t, filepath.Join(root, filepath.FromSlash(name)), content)
	}
	cx.git("init", "--quiet", "--initial-branch=main")
	cx.git("add", "-A")
	cx.git("commit", "--quiet", "-m", "workspace")
	if _, _, code := cx.run("apply", "--env", "prod"); code != 0 {
		t.Fatalf("apply prod: exit %d", code)
	}
	if out, _, code := cx.run("drift", "--env", "prod"); code != drift.ExitInSync {
		t.Fatalf("drift right after apply: exit %d\n%s", code, out)
	}
	return cx, ts, root
}

// wantConsoleFindings runs cx drift on prod and checks that it reports drift, that the keys
// of its findings (by key) are exactly want's, and that the console made each of them.
func wantConsoleFindings(t *testing.T, cx *accCX, want []string, key func(drift.Finding) string) drift.Report {
	t.Helper()
	out, _, code := cx.run("drift", "--env", "prod", "--json")
	if code != drift.ExitDrift {
		t.Fatalf("drift after the console's changes: exit %d, want %d", code, drift.ExitDrift)
	}
	var rep drift.Report
	must(t, json.Unmarshal([]byte(out), &rep))
	seen := map[string]bool{}
	for _, k := range want {
		seen[k] = false
	}
	for _, f := range rep.Findings {
		k := key(f)
		if _, ok := seen[k]; !ok {
			t.Errorf("unexpected finding %+v", f)
			continue
		}
		seen[k] = true
		if a := f.Attribution; a == nil || a.Who != "console" || a.When.IsZero() {
			t.Errorf("%s: attribution %+v, want console with a time", k, a)
		}
	}
	for k, ok := range seen {
		if !ok {
			t.Errorf("drift did not report %s", k)
		}
	}
	return rep
}

// findingByAddressOrID keys a managed finding by its kind and address, an unmanaged one by
// its kind and id.
func findingByAddressOrID(f drift.Finding) string {
	if f.Kind == drift.KindUnmanaged {
		return string(f.Kind) + " " + f.ID
	}
	return string(f.Kind) + " " + f.Address
}

// wantFileMatches checks that the workspace file rel (slash separated) matches every pattern.
func wantFileMatches(t *testing.T, root, rel string, patterns ...string) {
	t.Helper()
	content := readTestFile(t, filepath.Join(root, filepath.FromSlash(rel)))
	for _, re := range patterns {
		if !regexp.MustCompile(re).MatchString(content) {
			t.Errorf("%s does not match %s:\n%s", rel, re, content)
		}
	}
}

// wantImported checks that the project's imports.tf imports each id.
func wantImported(t *testing.T, root, project string, ids ...string) {
	t.Helper()
	imports := readTestFile(t, filepath.Join(root, project, "imports.tf"))
	for _, id := range ids {
		if !strings.Contains(imports, id) {
			t.Errorf("imports.tf lacks %s:\n%s", id, imports)
		}
	}
}
