// Package contactcenter_test checks the example workspace: its inferred graph is exactly the
// intended one, and (under TF_ACC) it deploys to dev and test of an in-process local org,
// re-plans empty and is destroyed without leftovers.
package contactcenter_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/cxascode/cxascode/internal/orgserver"
	"github.com/cxascode/cxascode/internal/runner"
	"github.com/cxascode/cxascode/internal/target"
	"github.com/cxascode/cxascode/internal/workspace"
	"github.com/google/go-cmp/cmp"
)

var (
	sharedProjects = []string{"shared-schedules", "shared-skills", "shared-wrapupcodes"}
	flowProjects   = []string{"flow-billing", "flow-sales", "flow-support"}
)

// TestGraph: every flow project depends on every shared project, and on nothing else; shared
// projects depend on nothing; the scan leaves no warning behind (no name it could not read,
// no reference nobody declares).
func TestGraph(t *testing.T) {
	ws, err := workspace.Load(".")
	if err != nil {
		t.Fatal(err)
	}
	g, diags := workspace.BuildGraph(ws)
	for _, d := range diags {
		t.Errorf("%s: %s", d.Severity, d)
	}
	var want, got []string
	for _, f := range flowProjects {
		for _, s := range sharedProjects {
			want = append(want, f+" → "+s)
		}
	}
	for _, e := range g.Edges {
		got = append(got, e.From+" → "+e.To)
		if e.Explicit {
			t.Errorf("edge %s → %s comes from depends_on; the example must infer every edge from names", e.From, e.To)
		}
	}
	slices.Sort(want)
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("edges (-want +got):\n%s", diff)
	}
	wantProjects := slices.Sorted(slices.Values(append(slices.Clone(sharedProjects), flowProjects...)))
	if diff := cmp.Diff(wantProjects, g.Projects); diff != "" {
		t.Errorf("projects (-want +got):\n%s", diff)
	}
	for _, p := range ws.Projects {
		for _, env := range []string{"dev", "test", "prod"} {
			if strings.HasPrefix(p.Name, "flow-") && p.Environments[env].Vars == "" {
				t.Errorf("%s has no env/%s.tfvars", p.Name, env)
			}
		}
	}
	levels, err := g.Levels()
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([][]string{sharedProjects, flowProjects}, levels); diff != "" {
		t.Errorf("levels (-want +got):\n%s", diff)
	}
}

// trackedKinds are the org's object kinds the example creates (or could leave behind);
// counted per org before and after, they show a destroy left the org as seeded. Flow import
// and export jobs are records of work done, not objects, and stay.
var trackedKinds = []orgserver.Kind{
	"routing.skill", "routing.language", "routing.wrapupcode", "routing.queue", "routing.queue.wrapupcode",
	"routing.queue.member", "architect.schedule", "architect.schedulegroup", "architect.ivr", "telephony.didpool",
	"integration", "integration.config", "integration.action", "integration.action.draft",
	"architect.flow", "architect.flow.version", "architect.flow.content", "authorization.division", "group", "user",
}

// TestAccContactCenter deploys the example to dev and test, re-plans both (no changes in any
// project), destroys both in reverse order and compares the orgs with a freshly seeded server.
func TestAccContactCenter(t *testing.T) {
	tofu := os.Getenv("TF_ACC_TERRAFORM_PATH")
	if os.Getenv("TF_ACC") == "" || tofu == "" {
		t.Skip("set TF_ACC=1 and TF_ACC_TERRAFORM_PATH to an OpenTofu binary to deploy the example")
	}
	ctx, cancel := context.WithTimeout(t.Context(), 4*time.Minute)
	defer cancel()
	providerDir := buildProvider(ctx, t)
	root := copyWorkspace(t)
	ws, err := workspace.Load(root)
	if err != nil {
		t.Fatal(err)
	}
	g, diags := workspace.BuildGraph(ws)
	if diags := workspace.Diagnostics(diags); diags.HasErrors() {
		t.Fatal(diags.Errors())
	}

	srv := orgserver.NewTestServer(t)
	seeded := objectCounts(orgserver.NewTestServer(t))
	if diff := cmp.Diff(seeded, objectCounts(srv)); diff != "" {
		t.Fatalf("two fresh servers differ (-fresh +ours):\n%s", diff)
	}
	run := func(env string, action runner.Action) *runner.Result {
		t.Helper()
		cred := srv.Credential(t, env, "deploy")
		orgEnv, err := target.OrgEnv(srv.URL, cred.ClientID, cred.ClientSecret)
		if err != nil {
			t.Fatal(err)
		}
		var progress bytes.Buffer
		res, err := runner.Run(ctx, runner.Options{Workspace: ws, Graph: g, Env: env, Action: action,
			Tofu: tofu, ProviderDir: providerDir, OrgEnv: orgEnv, Progress: &progress})
		if err != nil {
			t.Fatalf("%s %s: %v", action, env, err)
		}
		var summary bytes.Buffer
		res.WriteSummary(&summary) //nolint:errcheck // a bytes.Buffer does not fail
		t.Logf("%s %s:\n%s", action, env, summary.String())
		if res.ExitCode == 1 {
			t.Fatalf("%s %s failed:\n%s\n%s\n%s", action, env, progress.String(), summary.String(), failedLogs(res))
		}
		return res
	}
	wantAll := func(res *runner.Result, want runner.Status) {
		t.Helper()
		if len(res.Projects) != 6 {
			t.Errorf("%s %s ran %d projects, want 6", res.Action, res.Env, len(res.Projects))
		}
		for _, p := range res.Projects {
			if p.Status != want {
				t.Errorf("%s %s: %s is %q, want %q (%s)", res.Action, res.Env, p.Project, p.Status, want, p.Error)
			}
		}
	}

	for _, env := range []string{"dev", "test"} {
		res := run(env, runner.ActionApply)
		wantAll(res, runner.StatusApplied)
		if p := res.Project("flow-support"); p != nil && p.Add != 7 {
			t.Errorf("apply %s: flow-support added %d resources, want 7 (2 queues, integration, data action, flow, DID pool, IVR)", env, p.Add)
		}
		wantAll(run(env, runner.ActionPlan), runner.StatusNoChanges)
	}
	counts := objectCounts(srv)
	for _, env := range []string{"dev", "test"} {
		if got := counts[env]["architect.flow"] - seeded[env]["architect.flow"]; got != 3 {
			t.Errorf("%s holds %d new flows, want 3", env, got)
		}
		if got := counts[env]["architect.ivr"] - seeded[env]["architect.ivr"]; got != 3 {
			t.Errorf("%s holds %d new IVRs, want 3", env, got)
		}
	}
	if diff := cmp.Diff(seeded["prod"], counts["prod"]); diff != "" {
		t.Errorf("prod changed although nothing was deployed there (-seeded +now):\n%s", diff)
	}

	for _, env := range []string{"test", "dev"} {
		res := run(env, runner.ActionDestroy)
		wantAll(res, runner.StatusDestroyed)
		if last := res.Projects[len(res.Projects)-1].Project; !strings.HasPrefix(last, "shared-") {
			t.Errorf("destroy %s ended with %s; shared projects go last", env, last)
		}
	}
	if diff := cmp.Diff(seeded, objectCounts(srv)); diff != "" {
		t.Errorf("after destroy the orgs differ from freshly seeded ones (-seeded +now):\n%s", diff)
	}
}

// objectCounts counts the live objects of the tracked kinds per org name. Skills, languages
// and flows are deleted softly, as in Genesys Cloud (state "deleted", deleted: true): they
// stay readable by id but are gone for every other purpose, so they do not count; neither
// do the versions of a deleted flow.
func objectCounts(srv *orgserver.TestServer) map[string]map[orgserver.Kind]int {
	st := srv.Store()
	out := map[string]map[orgserver.Kind]int{}
	for _, org := range st.Orgs() {
		counts := map[orgserver.Kind]int{}
		for _, k := range trackedKinds {
			for _, o := range st.List(org.ID, k, "*") {
				if softDeleted(o) {
					continue
				}
				if strings.HasPrefix(string(k), "architect.flow.") {
					if f := st.Get(org.ID, "architect.flow", o.Parent); f == nil || softDeleted(f) {
						continue
					}
				}
				counts[k]++
			}
		}
		out[org.Name] = counts
	}
	return out
}

func softDeleted(o *orgserver.Object) bool {
	var v struct {
		State   string `json:"state"`
		Deleted bool   `json:"deleted"`
	}
	return json.Unmarshal(o.Data, &v) == nil && (strings.EqualFold(v.State, "deleted") || v.Deleted)
}

// buildProvider builds the provider plugin into a temporary directory (cheap when the build
// cache is warm) so the test runs the provider of this tree.
func buildProvider(ctx context.Context, t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	cmd := exec.CommandContext(ctx, "go", "build", "-o", filepath.Join(dir, target.ProviderBinary),
		"github.com/cxascode/cxascode/cmd/terraform-provider-genesyscloud")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("build the provider: %v\n%s", err, out)
	}
	return dir
}

// copyWorkspace copies the example (without Go files and .cx) to a temporary directory, so
// state, plans and logs never land in the source tree and runs cannot see each other's.
func copyWorkspace(t *testing.T) string {
	t.Helper()
	dst := t.TempDir()
	err := filepath.WalkDir(".", func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if d.Name() == ".cx" {
				return filepath.SkipDir
			}
			return os.MkdirAll(filepath.Join(dst, path), 0o755)
		}
		if strings.HasSuffix(path, ".go") {
			return nil
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(dst, path), b, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
	return dst
}

// failedLogs returns the tail of each failed project's OpenTofu log.
func failedLogs(res *runner.Result) string {
	var b strings.Builder
	for _, p := range res.Projects {
		if p.Status != runner.StatusFailed || p.Log == "" {
			continue
		}
		log, _ := os.ReadFile(p.Log)
		lines := strings.Split(strings.TrimSpace(string(log)), "\n")
		if len(lines) > 40 {
			lines = lines[len(lines)-40:]
		}
		fmt.Fprintf(&b, "--- %s (%s)\n%s\n", p.Project, p.Log, strings.Join(lines, "\n"))
	}
	return b.String()
}
