package release

import (
	"os"
	"testing"

	"github.com/cxascode/cxascode/internal/pgstate"
	"github.com/cxascode/cxascode/internal/pgtest"
	"github.com/cxascode/cxascode/internal/workspace"
)

var postgres = pgtest.NewCluster()

func TestMain(m *testing.M) { os.Exit(postgres.Run(m)) }

// With pg state the ledger lives in the environment's database: a second workspace
// directory (a CI job's fresh checkout) sees the releases the first recorded, and nothing
// is written beside the workspace.
func TestPostgresLedgerFollowsTheState(t *testing.T) {
	cfg, err := workspace.ParseConfig("cx.hcl", []byte("environment \"dev\" {\n  org = \"local:dev\"\n}\nstate {\n  backend \"pg\" {}\n}\n"))
	if err != nil {
		t.Fatal(err)
	}
	t.Setenv(pgstate.ConnEnv, postgres.Database(t))
	first := &workspace.Workspace{Root: t.TempDir(), Config: cfg}
	l, err := ForEnv(first, "dev")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	if _, ok := l.Store.(*postgresStore); !ok {
		t.Fatalf("the ledger of a pg state is kept in %T", l.Store)
	}
	checkReleasesOnlyFinishedApplies(t, l)

	fresh, err := ForEnv(&workspace.Workspace{Root: t.TempDir(), Config: cfg}, "dev")
	if err != nil {
		t.Fatal(err)
	}
	defer fresh.Close()
	if rs, err := fresh.Releases(); err != nil || len(rs) != 2 || rs[1].Tag != "cx/dev/2" {
		t.Errorf("releases from a fresh checkout: %+v %v", rs, err)
	}
	if entries, _ := os.ReadDir(first.Root); len(entries) > 0 {
		t.Errorf("the pg ledger wrote into the workspace: %v", entries)
	}
}
