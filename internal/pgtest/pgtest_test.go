package pgtest_test

import (
	"database/sql"
	"os"
	"testing"

	"github.com/cxascode/cxascode/internal/pgtest"
)

var postgres = pgtest.NewCluster()

func TestMain(m *testing.M) { os.Exit(postgres.Run(m)) }

// TestDatabasesAreFreshAndSeparate writes into one test database and checks another one
// does not see it: each test starts from an empty database.
func TestDatabasesAreFreshAndSeparate(t *testing.T) {
	first, second := postgres.Database(t), postgres.Database(t)
	if first == second {
		t.Fatalf("two databases share one connection string %s", first)
	}
	db1 := open(t, first)
	if _, err := db1.Exec("CREATE TABLE marker (n int); INSERT INTO marker VALUES (1)"); err != nil {
		t.Fatal(err)
	}
	var n int
	if err := db1.QueryRow("SELECT n FROM marker").Scan(&n); err != nil || n != 1 {
		t.Fatalf("read back: %d, %v", n, err)
	}
	var exists bool
	if err := open(t, second).QueryRow("SELECT to_regclass('marker') IS NOT NULL").Scan(&exists); err != nil || exists {
		t.Errorf("the second database sees the first one's table (%v, %v)", exists, err)
	}
}

func open(t *testing.T, conn string) *sql.DB {
	t.Helper()
	db, err := sql.Open("postgres", conn)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}
