package pgstate

import (
	"context"
	"database/sql"
	"errors"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/cxascode/cxascode/internal/pgtest"
	"github.com/cxascode/cxascode/internal/safefile"
	"github.com/cxascode/cxascode/internal/workspace"
)

var postgres = pgtest.NewCluster()

func TestMain(m *testing.M) { os.Exit(postgres.Run(m)) }

func openTestDB(t *testing.T) *sql.DB {
	t.Helper()
	db, err := Open(context.Background(), postgres.Database(t))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

// TestLockNamesItsHolderAndWaits takes dev's lock, then: another taker that may not wait
// fails naming the holder (user, host, pid, command, since), one that waits gets it once
// the first is released, and another environment's lock is free all along.
func TestLockNamesItsHolderAndWaits(t *testing.T) {
	ctx := context.Background()
	db := openTestDB(t)
	first, err := AcquireLock(ctx, db, "dev", "the test database", safefile.LockOptions{Command: "cx apply --env dev"})
	if err != nil {
		t.Fatal(err)
	}
	_, err = AcquireLock(ctx, db, "dev", "the test database", safefile.LockOptions{Command: "cx plan --env dev", Timeout: -1})
	host, _ := os.Hostname()
	var le *safefile.LockedError
	if !errors.As(err, &le) || le.Holder.PID != os.Getpid() || le.Holder.Host != host || le.Holder.Command != "cx apply --env dev" ||
		le.Holder.User == "" || time.Since(le.Holder.Since) > time.Minute ||
		!strings.Contains(err.Error(), " on "+host+", pid ") {
		t.Fatalf("a second taker: %v (holder %+v)", err, le)
	}
	other, err := AcquireLock(ctx, db, "test", "the test database", safefile.LockOptions{Timeout: -1})
	if err != nil {
		t.Fatalf("another environment's lock: %v", err)
	}
	other.Unlock()

	var waitedFor safefile.Holder
	go func() { time.Sleep(300 * time.Millisecond); first.Unlock() }()
	second, err := AcquireLock(ctx, db, "dev", "the test database", safefile.LockOptions{Command: "cx plan --env dev", Timeout: time.Minute,
		Waiting: func(h safefile.Holder) { waitedFor = h }})
	if err != nil {
		t.Fatalf("a waiting taker: %v", err)
	}
	if waitedFor.Command != "cx apply --env dev" {
		t.Errorf("the waiter was told it waits for %+v", waitedFor)
	}
	st, err := Inspect(ctx, db, "dev")
	if err != nil || !st.Held || !st.Alive || st.Holder.Command != "cx plan --env dev" {
		t.Errorf("Inspect while held: %+v %v", st, err)
	}
	if err := Clear(ctx, db, "dev", st); !errors.Is(err, ErrHolderAlive) {
		t.Errorf("clearing a live holder's lock: %v", err)
	}
	if err := second.Unlock(); err != nil {
		t.Fatal(err)
	}
	if st, err := Inspect(ctx, db, "dev"); err != nil || st.Held {
		t.Errorf("after unlock: %+v %v", st, err)
	}
}

// TestStaleLockIsClearedOnPurpose plays a holder killed with kill -9 on another machine: its
// session ends and its record stays. The next taker fails naming it; Clear removes it; the
// lock is free again.
func TestStaleLockIsClearedOnPurpose(t *testing.T) {
	ctx := context.Background()
	db := openTestDB(t)
	killed, err := AcquireLock(ctx, db, "dev", "the test database", safefile.LockOptions{Command: "cx apply --env dev"})
	if err != nil {
		t.Fatal(err)
	}
	// Another machine's process: this host's pid check must not keep it alive.
	if _, err := db.Exec(`UPDATE cx.locks SET holder = jsonb_set(holder, '{host}', '"ci-runner-7"') WHERE env = 'dev'`); err != nil {
		t.Fatal(err)
	}
	endSession(killed.conn) // what the kernel does to a killed process's connection
	waitForSessionEnd(t, db, "dev")

	var stale *StaleLockError
	_, err = AcquireLock(ctx, db, "dev", "the test database", safefile.LockOptions{Timeout: -1})
	if !errors.As(err, &stale) || stale.Holder.Host != "ci-runner-7" || !strings.Contains(err.Error(), "cx unlock --env dev") {
		t.Fatalf("taking a lock left by a killed holder: %v", err)
	}
	st, err := Inspect(ctx, db, "dev")
	if err != nil || !st.Held || st.Alive || st.Holder.Host != "ci-runner-7" {
		t.Fatalf("Inspect of a stale lock: %+v %v", st, err)
	}
	if err := Clear(ctx, db, "dev", st); err != nil {
		t.Fatal(err)
	}
	l, err := AcquireLock(ctx, db, "dev", "the test database", safefile.LockOptions{Timeout: -1})
	if err != nil {
		t.Fatalf("after clearing: %v", err)
	}
	l.Unlock()
}

// A record whose session is gone but whose process still runs on this machine is alive: a
// dropped connection is no proof of death.
func TestLockOfALiveProcessHereIsNotCleared(t *testing.T) {
	ctx := context.Background()
	db := openTestDB(t)
	l, err := AcquireLock(ctx, db, "dev", "the test database", safefile.LockOptions{Command: "cx apply --env dev"})
	if err != nil {
		t.Fatal(err)
	}
	endSession(l.conn)
	waitForSessionEnd(t, db, "dev")
	st, err := Inspect(ctx, db, "dev")
	if err != nil || !st.Alive {
		t.Fatalf("Inspect: %+v %v", st, err)
	}
	if err := Clear(ctx, db, "dev", st); !errors.Is(err, ErrHolderAlive) {
		t.Errorf("Clear: %v", err)
	}
}

func TestLedgerDocuments(t *testing.T) {
	ctx := context.Background()
	db := openTestDB(t)
	if _, err := GetDocument(ctx, db, "dev", "releases"); !errors.Is(err, ErrNotFound) {
		t.Fatalf("a document never written: %v", err)
	}
	for _, v := range []string{`[{"number": 1}]`, `[{"number": 1}, {"number": 2}]`} {
		if err := PutDocument(ctx, db, "dev", "releases", []byte(v)); err != nil {
			t.Fatal(err)
		}
	}
	if b, err := GetDocument(ctx, db, "dev", "releases"); err != nil || string(b) != `[{"number": 1}, {"number": 2}]` {
		t.Errorf("read back: %s %v", b, err)
	}
	if _, err := GetDocument(ctx, db, "test", "releases"); !errors.Is(err, ErrNotFound) {
		t.Errorf("another environment's document: %v", err)
	}
	if err := DeleteDocument(ctx, db, "dev", "releases"); err != nil {
		t.Fatal(err)
	}
	if _, err := GetDocument(ctx, db, "dev", "releases"); !errors.Is(err, ErrNotFound) {
		t.Errorf("after delete: %v", err)
	}
}

func TestConnString(t *testing.T) {
	cfg, err := workspace.ParseConfig("cx.hcl", []byte("state {\n  backend \"pg\" {\n    conn_str = \"postgres://cx:secret@db:5432/cx_{env}?sslmode=disable\"\n  }\n}\n"))
	if err != nil {
		t.Fatal(err)
	}
	conn, err := ConnString(cfg.State, "prod")
	if err != nil || conn != "postgres://cx:secret@db:5432/cx_prod?sslmode=disable" {
		t.Errorf("ConnString = %q, %v", conn, err)
	}
	if d := Describe(conn); d != "PostgreSQL db:5432/cx_prod" {
		t.Errorf("Describe = %q (never the password)", d)
	}
	if d := Describe("host=db port=5432 dbname=cx password=secret"); d != "PostgreSQL host=db port=5432 dbname=cx" {
		t.Errorf("Describe = %q", d)
	}
	fromEnv, _ := workspace.ParseConfig("cx.hcl", []byte("state {\n  backend \"pg\" {}\n}\n"))
	t.Setenv(ConnEnv, "")
	if _, err := ConnString(fromEnv.State, "dev"); err == nil || !strings.Contains(err.Error(), "PG_CONN_STR") {
		t.Errorf("no conn_str and no PG_CONN_STR: %v", err)
	}
	t.Setenv(ConnEnv, "postgres://from-env/db")
	if conn, err := ConnString(fromEnv.State, "dev"); err != nil || conn != "postgres://from-env/db" {
		t.Errorf("from PG_CONN_STR: %q %v", conn, err)
	}
}

// waitForSessionEnd polls until the server has ended the session holding env's advisory
// lock: it notices a closed connection a moment after the client closed it.
func waitForSessionEnd(t *testing.T, db *sql.DB, env string) {
	t.Helper()
	for deadline := time.Now().Add(10 * time.Second); ; time.Sleep(10 * time.Millisecond) {
		var n int
		if err := db.QueryRow("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND objsubid = 2 AND classid = $1 AND objid = $2",
			lockClass, uint32(lockKey(env))).Scan(&n); err != nil {
			t.Fatal(err)
		}
		if n == 0 {
			return
		}
		if time.Now().After(deadline) {
			t.Fatal("the session holding the lock never ended")
		}
	}
}
