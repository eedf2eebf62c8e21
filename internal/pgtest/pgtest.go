// Package pgtest gives tests a real PostgreSQL: one throwaway cluster per test binary,
// started on first use by scripts/postgres.sh (which installs Debian's server when it is
// missing), and a fresh database per test. Tests of the pg state backend, cx's lock records
// and the release ledger use it instead of mocks.
//
// A package's TestMain owns the cluster:
//
//	var postgres = pgtest.NewCluster()
//
//	func TestMain(m *testing.M) { os.Exit(postgres.Run(m)) }
package pgtest

import (
	"bufio"
	"bytes"
	"database/sql"
	"fmt"
	"net/url"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"testing"

	_ "github.com/lib/pq" // the driver OpenTofu's pg backend uses, so conn strings mean the same
)

// Cluster is a throwaway PostgreSQL server, started by the first test that asks for a
// database and stopped by Run when the test binary ends.
type Cluster struct {
	once    sync.Once
	connStr string // the superuser's connection to database postgres
	dir     string
	err     error
	dbs     atomic.Int64
}

// NewCluster returns a cluster that is not started yet: test binaries whose -run selects no
// test needing it never pay for it.
func NewCluster() *Cluster { return &Cluster{} }

// Run runs the tests and stops the cluster if one started; its result is the exit code.
func (c *Cluster) Run(m *testing.M) int {
	code := m.Run()
	if err := c.stop(); err != nil {
		fmt.Println("pgtest:", err)
		if code == 0 {
			code = 1
		}
	}
	return code
}

// Database creates an empty database for the test and returns its connection string
// (postgres://…?sslmode=disable). The test fails when no server can be started.
func (c *Cluster) Database(t testing.TB) string {
	t.Helper()
	c.once.Do(c.start)
	if c.err != nil {
		t.Fatalf("pgtest: start PostgreSQL: %v", c.err)
	}
	name := fmt.Sprintf("cxtest_%d", c.dbs.Add(1))
	admin, err := sql.Open("postgres", c.connStr)
	if err != nil {
		t.Fatal(err)
	}
	defer admin.Close()
	if _, err := admin.Exec("CREATE DATABASE " + name); err != nil {
		t.Fatalf("pgtest: create database %s: %v", name, err)
	}
	u, err := url.Parse(c.connStr)
	if err != nil {
		t.Fatal(err)
	}
	u.Path = "/" + name
	return u.String()
}

func (c *Cluster) start() {
	script, err := scriptPath()
	if err != nil {
		c.err = err
		return
	}
	var stderr bytes.Buffer
	cmd := exec.Command(script, "start")
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		c.err = fmt.Errorf("%s start: %w\n%s", script, err, stderr.String())
		return
	}
	sc := bufio.NewScanner(bytes.NewReader(out))
	for sc.Scan() {
		k, v, _ := strings.Cut(sc.Text(), "=")
		switch k {
		case "PG_CONN_STR":
			c.connStr = v
		case "PG_DIR":
			c.dir = v
		}
	}
	if c.connStr == "" || c.dir == "" {
		c.err = fmt.Errorf("%s start printed no PG_CONN_STR and PG_DIR:\n%s%s", script, out, stderr.String())
	}
}

func (c *Cluster) stop() error {
	if c.dir == "" {
		return nil
	}
	script, err := scriptPath()
	if err != nil {
		return err
	}
	if out, err := exec.Command(script, "stop", c.dir).CombinedOutput(); err != nil {
		return fmt.Errorf("%s stop %s: %w\n%s", script, c.dir, err, out)
	}
	return nil
}

// scriptPath finds scripts/postgres.sh from this source file: tests run inside the module,
// whichever package directory they start in.
func scriptPath() (string, error) {
	_, file, _, ok := runtime.Caller(0)
	if !ok {
		return "", fmt.Errorf("pgtest: cannot locate its own source to find scripts/postgres.sh")
	}
	return filepath.Join(filepath.Dir(file), "..", "..", "scripts", "postgres.sh"), nil
}
