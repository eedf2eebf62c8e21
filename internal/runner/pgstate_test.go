package runner_test

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/http"
	"os"
	"os/user"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/cxascode/cxascode/internal/orgserver"
	"github.com/cxascode/cxascode/internal/pgstate"
	"github.com/cxascode/cxascode/internal/pgtest"
	"github.com/cxascode/cxascode/internal/platform"
	"github.com/cxascode/cxascode/internal/runner"
	"github.com/cxascode/cxascode/internal/target"
)

var postgres = pgtest.NewCluster()

func TestMain(m *testing.M) { os.Exit(postgres.Run(m)) }

// pgStateConfig is cx.hcl's state block keeping state in the database at conn.
func pgStateConfig(conn string) string {
	return fmt.Sprintf("\nstate {\n  backend \"pg\" {\n    conn_str = %q\n  }\n}\n", conn)
}

// TestRunLocksSharedStateAcrossCheckouts plays two CI runners, each with its own checkout
// of one workspace whose state is in one PostgreSQL database: while one applies dev, the
// other's run fails naming it (user, host, pid, command) or waits for it; the backend
// override is gone from both checkouts afterwards.
func TestRunLocksSharedStateAcrossCheckouts(t *testing.T) {
	conn := postgres.Database(t)
	first, second := fakeWorkspace(t), fakeWorkspace(t)
	for _, root := range []string{first, second} {
		f, err := os.OpenFile(filepath.Join(root, "cx.hcl"), os.O_APPEND|os.O_WRONLY, 0)
		if err != nil {
			t.Fatal(err)
		}
		fmt.Fprint(f, pgStateConfig(conn))
		f.Close()
	}
	tofu := fakeTofu(t)
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		if _, _, err := fakeRun(t, first, runner.Options{Action: runner.ActionApply, Tofu: tofu, ExtraEnv: map[string]string{"FAKE_TOFU_SLEEP": "1"}, Parallel: 1}); err != nil {
			t.Errorf("first apply: %v", err)
		}
	}()
	db, err := pgstate.Open(context.Background(), conn)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	for deadline := time.Now().Add(10 * time.Second); ; time.Sleep(20 * time.Millisecond) {
		if st, err := pgstate.Inspect(context.Background(), db, "dev"); err != nil {
			t.Fatal(err)
		} else if st.Held && st.Holder.Command != "" {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("the apply never took the lock record")
		}
	}

	_, _, err = fakeRun(t, second, runner.Options{Action: runner.ActionPlan, Tofu: tofu, LockTimeout: -1})
	host, _ := os.Hostname()
	me, _ := user.Current()
	want := fmt.Sprintf("environment dev is in use by %s on %s, pid %d (cx apply --env dev since ", me.Username, host, os.Getpid())
	if err == nil || !strings.Contains(err.Error(), want) {
		t.Errorf("a run from another checkout: %v, want an error containing %q", err, want)
	}
	if strings.Contains(fmt.Sprint(err), "sslmode") {
		t.Errorf("the error shows the connection string: %v", err)
	}
	_, progress, err := fakeRun(t, second, runner.Options{Action: runner.ActionPlan, Tofu: tofu, LockTimeout: time.Minute})
	wg.Wait()
	if err != nil {
		t.Fatalf("a waiting run from another checkout: %v", err)
	}
	if !strings.Contains(progress, "waiting for the lock held by "+me.Username+" on "+host) {
		t.Errorf("the waiting run should say whom it waits for:\n%s", progress)
	}
	for _, root := range []string{first, second} {
		if _, err := os.Stat(filepath.Join(root, "shared-skills", "cx_backend_override.tf")); !os.IsNotExist(err) {
			t.Errorf("the backend override stays in %s: %v", root, err)
		}
	}
	if st, err := pgstate.Inspect(context.Background(), db, "dev"); err != nil || st.Held {
		t.Errorf("the lock record after both runs: %+v %v", st, err)
	}
}

// TestAccEncryptedStateOnPostgres applies a workspace whose state is in PostgreSQL and
// encrypted: the stored state does not show the objects, a plan with the passphrase sees
// them (no changes), and a run without the passphrase fails naming its variable.
func TestAccEncryptedStateOnPostgres(t *testing.T) {
	tofuBin := accTofu(t)
	ts := orgserver.NewTestServer(t)
	cred := ts.Credential(t, "dev", "deploy")
	orgEnv, err := target.OrgEnv(ts.URL, cred.ClientID, cred.ClientSecret)
	if err != nil {
		t.Fatal(err)
	}
	conn := postgres.Database(t)
	root := t.TempDir()
	writeFiles(t, root, map[string]string{
		"cx.hcl": "environment \"dev\" {\n  org = \"local:dev\"\n}\n\nstate {\n  backend \"pg\" {}\n  encryption {\n    passphrase_env = \"CX_TEST_STATE_PASSPHRASE\"\n  }\n}\n",
		"shared-skills/main.tf": providerBlock + `
resource "genesyscloud_routing_skill" "s" {
  name = "Cx Runner Skill"
}
`,
		"flow-a/main.tf": flowProject("Cx Runner A", "first"),
	})
	t.Setenv(pgstate.ConnEnv, conn) // the conn string is in no file
	t.Setenv("CX_TEST_STATE_PASSPHRASE", "a passphrase of some length")
	h := &harness{t: t, root: root, tofu: tofuBin, providerDir: buildProvider(t), orgEnv: orgEnv}
	h.want(h.run(runner.ActionApply, 4), 0, map[string]runner.Status{"shared-skills": runner.StatusApplied, "flow-a": runner.StatusApplied})

	db, err := sql.Open("postgres", conn)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	for schema, name := range map[string]string{"cx_dev_shared-skills": "Cx Runner Skill", "cx_dev_flow-a": "Cx Runner A"} {
		var data string
		if err := db.QueryRow(fmt.Sprintf("SELECT data FROM %q.states WHERE name = 'default'", schema)).Scan(&data); err != nil {
			t.Fatalf("the state of %s: %v", schema, err)
		}
		if strings.Contains(data, name) || strings.Contains(data, `"resources"`) || !strings.Contains(data, "encrypted_data") {
			t.Errorf("the state in %s is readable:\n%.400s", schema, data)
		}
	}
	h.want(h.run(runner.ActionPlan, 4), 0, map[string]runner.Status{"shared-skills": runner.StatusNoChanges, "flow-a": runner.StatusNoChanges})
	if matches, _ := filepath.Glob(filepath.Join(root, "*", "cx_backend_override.tf")); len(matches) > 0 {
		t.Errorf("backend overrides left in the projects: %v", matches)
	}

	t.Setenv("CX_TEST_STATE_PASSPHRASE", "")
	_, _, err = fakeRun(t, root, runner.Options{Action: runner.ActionPlan, Tofu: tofuBin})
	if err == nil || !strings.Contains(err.Error(), "environment variable CX_TEST_STATE_PASSPHRASE, which is not set") {
		t.Errorf("a plan without the passphrase: %v", err)
	}
}

// TestAccKilledApplyMarkIsSharedThroughPostgres: with pg state the mark of an apply killed
// on one machine is in the database, so the next apply from another checkout (a CI job's
// fresh one, with no .cx of its own) adopts the objects the killed apply created unrecorded
// instead of failing on their names.
func TestAccKilledApplyMarkIsSharedThroughPostgres(t *testing.T) {
	tofuBin := accTofu(t)
	ctx := context.Background()
	orgEnv, api := devOrg(t)
	conn := postgres.Database(t)
	t.Setenv(pgstate.ConnEnv, conn)
	root := t.TempDir()
	writeFiles(t, root, map[string]string{
		"cx.hcl": "environment \"dev\" {\n  org = \"local:dev\"\n}\n" + pgStateConfig(conn),
		"skills/main.tf": providerBlock + `
resource "genesyscloud_routing_skill" "a" {
  name = "Cx Orphan A"
}

resource "genesyscloud_routing_skill" "b" {
  name = "Cx Orphan B"
}
`,
	})
	// What a killed apply on another machine leaves: an object in the org, missing from the
	// state, and its project's mark in the database.
	name := "Cx Orphan A"
	var orphan platform.RoutingSkill
	if err := api.Do(ctx, http.MethodPost, "/api/v2/routing/skills", nil, platform.CreateRoutingSkill{Name: &name}, &orphan); err != nil {
		t.Fatal(err)
	}
	db, err := pgstate.Open(ctx, conn)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if err := pgstate.PutDocument(ctx, db, "dev", "applying/skills", []byte(`{"pid": 1, "host": "ci-runner-7"}`)); err != nil {
		t.Fatal(err)
	}
	tg := &target.Target{Client: api}
	h := &harness{t: t, root: root, tofu: tofuBin, providerDir: buildProvider(t), orgEnv: orgEnv, findByName: tg.FindByName}
	h.want(h.run(runner.ActionApply, 1), 0, map[string]runner.Status{"skills": runner.StatusApplied})
	if _, err := pgstate.GetDocument(ctx, db, "dev", "applying/skills"); !errors.Is(err, pgstate.ErrNotFound) {
		t.Errorf("the mark should be gone after the apply: %v", err)
	}
	if _, err := os.Stat(filepath.Join(root, ".cx", "runs")); !os.IsNotExist(err) {
		t.Errorf("with pg state no mark belongs under .cx: %v", err)
	}
	h.want(h.run(runner.ActionPlan, 1), 0, map[string]runner.Status{"skills": runner.StatusNoChanges})
	skills, err := platform.ListAll[platform.RoutingSkill](ctx, api, "/api/v2/routing/skills", nil, 500)
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range skills {
		if *s.Name == name && *s.ID != *orphan.ID {
			t.Errorf("%s was created again (id %s), not adopted (id %s)", name, *s.ID, *orphan.ID)
		}
	}
}
