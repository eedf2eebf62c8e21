package runner_test

import (
	"context"
	"database/sql"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/cxascode/cxascode/internal/orgserver"
	"github.com/cxascode/cxascode/internal/runner"
	"github.com/cxascode/cxascode/internal/target"
	"github.com/cxascode/cxascode/internal/workspace"
)

// TestAccProjectKeepsItsOwnBackend: a project that declares its own backend (the Genesys
// CI/CD blueprint keeps each project's state in Terraform Cloud with `backend "remote"`;
// here a PostgreSQL one, which this machine can run) keeps it although cx.hcl says local
// state: the apply's state is in that backend, none is written under .cx, no override is
// left in the project, and the next plan finds no changes. Each environment has its own state
// there, in the OpenTofu workspace named after it: applying test after dev creates test's
// skill in test's org and leaves dev's state alone.
func TestAccProjectKeepsItsOwnBackend(t *testing.T) {
	tofuBin := accTofu(t)
	ts := orgserver.NewTestServer(t)
	orgEnvOf := func(org string) map[string]string {
		cred := ts.Credential(t, org, "deploy")
		env, err := target.OrgEnv(ts.URL, cred.ClientID, cred.ClientSecret)
		if err != nil {
			t.Fatal(err)
		}
		return env
	}
	orgEnv := orgEnvOf("dev")
	conn := postgres.Database(t)
	root := t.TempDir()
	writeFiles(t, root, map[string]string{
		"cx.hcl": "environment \"dev\" {\n  org = \"local:dev\"\n}\n\nenvironment \"test\" {\n  org = \"local:test\"\n}\n",
		"skills/backend.tf": fmt.Sprintf(`terraform {
  backend "pg" {
    conn_str    = %q
    schema_name = "blueprint_skills"
  }
}
`, conn),
		"skills/main.tf": providerBlock + `
resource "genesyscloud_routing_skill" "s" {
  name = "Cx Own Backend Skill"
}
`,
	})
	h := &harness{t: t, root: root, tofu: tofuBin, providerDir: buildProvider(t), orgEnv: orgEnv}
	h.want(h.run(runner.ActionApply, 1), 0, map[string]runner.Status{"skills": runner.StatusApplied})

	db, err := sql.Open("postgres", conn)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	stateOf := func(env string) string {
		t.Helper()
		var data string
		if err := db.QueryRow(`SELECT data FROM blueprint_skills.states WHERE name = $1`, env).Scan(&data); err != nil {
			t.Fatalf("the %s state in the project's own backend: %v", env, err)
		}
		return data
	}
	if data := stateOf("dev"); !strings.Contains(data, "Cx Own Backend Skill") {
		t.Errorf("the project's own backend does not hold the skill:\n%.400s", data)
	}
	if _, err := os.Stat(filepath.Join(root, ".cx", "state", "dev", "skills.tfstate")); !os.IsNotExist(err) {
		t.Errorf("a local state was written beside the project's own backend: %v", err)
	}
	if _, err := os.Stat(filepath.Join(root, "skills", "cx_backend_override.tf")); !os.IsNotExist(err) {
		t.Errorf("an override is left in the project: %v", err)
	}
	h.want(h.run(runner.ActionPlan, 1), 0, map[string]runner.Status{"skills": runner.StatusNoChanges})

	// test: its own workspace in the same backend, its own skill in its own org.
	devState := stateOf("dev")
	ws, err := workspace.Load(root)
	if err != nil {
		t.Fatal(err)
	}
	g, _ := workspace.BuildGraph(ws)
	res, err := runner.Run(context.Background(), runner.Options{Workspace: ws, Graph: g, Env: "test", Action: runner.ActionApply,
		Parallel: 1, Tofu: tofuBin, ProviderDir: h.providerDir, OrgEnv: orgEnvOf("test"), Progress: io.Discard})
	if err != nil || res.ExitCode != 0 || res.Projects[0].Status != runner.StatusApplied {
		t.Fatalf("apply test: %v %+v", err, res)
	}
	testState := stateOf("test")
	if !strings.Contains(testState, "Cx Own Backend Skill") || testState == devState {
		t.Errorf("test's state:\n%.400s", testState)
	}
	if stateOf("dev") != devState {
		t.Error("applying test changed dev's state")
	}
	var defaults int
	if err := db.QueryRow(`SELECT count(*) FROM blueprint_skills.states WHERE name = 'default'`).Scan(&defaults); err != nil || defaults != 0 {
		t.Errorf("states in the default workspace: %d (%v), want none", defaults, err)
	}
}
