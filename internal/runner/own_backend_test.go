package runner_test

import (
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/cxascode/cxascode/internal/runner"
)

// TestAccProjectKeepsItsOwnBackend: a project that declares its own backend (the Genesys
// CI/CD blueprint keeps each project's state in Terraform Cloud with `backend "remote"`;
// here a PostgreSQL one, which this machine can run) keeps it although cx.hcl says local
// state: the apply's state is in that backend, none is written under .cx, no override is
// left in the project, and the next plan finds no changes.
func TestAccProjectKeepsItsOwnBackend(t *testing.T) {
	tofuBin := accTofu(t)
	orgEnv, _ := devOrg(t)
	conn := postgres.Database(t)
	root := t.TempDir()
	writeFiles(t, root, map[string]string{
		"cx.hcl": "environment \"dev\" {\n  org = \"local:dev\"\n}\n",
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
	var data string
	if err := db.QueryRow(`SELECT data FROM blueprint_skills.states WHERE name = 'default'`).Scan(&data); err != nil {
		t.Fatalf("the state in the project's own backend: %v", err)
	}
	if !strings.Contains(data, "Cx Own Backend Skill") {
		t.Errorf("the project's own backend does not hold the skill:\n%.400s", data)
	}
	if _, err := os.Stat(filepath.Join(root, ".cx", "state", "dev", "skills.tfstate")); !os.IsNotExist(err) {
		t.Errorf("a local state was written beside the project's own backend: %v", err)
	}
	if _, err := os.Stat(filepath.Join(root, "skills", "cx_backend_override.tf")); !os.IsNotExist(err) {
		t.Errorf("an override is left in the project: %v", err)
	}
	h.want(h.run(runner.ActionPlan, 1), 0, map[string]runner.Status{"skills": runner.StatusNoChanges})
}
