// Package pgstate is what cx keeps next to OpenTofu's pg state backend in an environment's
// PostgreSQL database (schema cx): the environment's lock record, which names who holds it,
// and the documents of the release ledger. OpenTofu's own pg lock is an advisory lock that
// says nothing about its holder and vanishes with the session; cx's record stays, so a run
// killed with kill -9 is seen, named and cleared on purpose (cx unlock), never silently.
package pgstate

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"os"
	"strings"

	"github.com/cxascode/cxascode/internal/workspace"
	_ "github.com/lib/pq" // the driver of OpenTofu's pg backend: conn strings mean the same to both
)

// ConnEnv is the environment variable OpenTofu's pg backend reads when conn_str is not set;
// cx reads it the same way, so the password need not be written into cx.hcl.
const ConnEnv = "PG_CONN_STR"

// ConnString is the connection string of env's database: the state block's conn_str with
// {env} filled in, else $PG_CONN_STR.
func ConnString(st workspace.State, env string) (string, error) {
	if !st.IsPostgres() {
		return "", fmt.Errorf("state backend %q is not pg", st.Backend)
	}
	_, settings := st.For(env, "")
	if v, ok := settings["conn_str"]; ok && v.IsKnown() && !v.IsNull() && v.AsString() != "" {
		return v.AsString(), nil
	}
	if s := os.Getenv(ConnEnv); s != "" {
		return s, nil
	}
	return "", fmt.Errorf("state backend pg: set conn_str in the state block of cx.hcl, or the environment variable %s (keeps the password out of files)", ConnEnv)
}

// Describe names the database of conn for messages, without its password.
func Describe(conn string) string {
	u, err := url.Parse(conn)
	if err != nil || u.Host == "" {
		// key=value form: name the host and database only.
		var parts []string
		for _, kv := range strings.Fields(conn) {
			if k, _, _ := strings.Cut(kv, "="); k == "host" || k == "port" || k == "dbname" {
				parts = append(parts, kv)
			}
		}
		return "PostgreSQL " + strings.Join(parts, " ")
	}
	return "PostgreSQL " + u.Host + u.Path
}

// setupLockKey serializes cx's schema setup between processes starting at once:
// CREATE … IF NOT EXISTS is not safe against a concurrent create of the same name.
const setupLockKey = 0x63785f73 // "cx_s"

// Open connects to env's database and makes sure cx's tables exist. It also creates the
// sequence OpenTofu's pg backend numbers its state rows with, which that backend creates
// without a guard on every init: projects initialising side by side on a new database
// would otherwise race to create it.
func Open(ctx context.Context, conn string) (*sql.DB, error) {
	db, err := sql.Open("postgres", conn)
	if err != nil {
		return nil, fmt.Errorf("open %s: %w", Describe(conn), err)
	}
	if err := setup(ctx, db); err != nil {
		db.Close()
		return nil, fmt.Errorf("prepare %s for cx: %w", Describe(conn), err)
	}
	return db, nil
}

func setup(ctx context.Context, db *sql.DB) error {
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback() //nolint:errcheck // after Commit it does nothing
	for _, stmt := range []string{
		fmt.Sprintf("SELECT pg_advisory_xact_lock(%d)", setupLockKey),
		"CREATE SCHEMA IF NOT EXISTS cx",
		`CREATE TABLE IF NOT EXISTS cx.locks (
			env    text PRIMARY KEY,
			holder jsonb NOT NULL
		)`,
		`CREATE TABLE IF NOT EXISTS cx.ledger (
			env  text NOT NULL,
			name text NOT NULL,
			data jsonb NOT NULL,
			PRIMARY KEY (env, name)
		)`,
		"CREATE SEQUENCE IF NOT EXISTS public.global_states_id_seq AS bigint",
	} {
		if _, err := tx.ExecContext(ctx, stmt); err != nil {
			return err
		}
	}
	return tx.Commit()
}

// ErrNotFound is a ledger document that was never written (or was deleted).
var ErrNotFound = errors.New("not found")

// GetDocument reads the ledger document name of env.
func GetDocument(ctx context.Context, db *sql.DB, env, name string) ([]byte, error) {
	var data []byte
	err := db.QueryRowContext(ctx, "SELECT data FROM cx.ledger WHERE env = $1 AND name = $2", env, name).Scan(&data)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, ErrNotFound
	}
	return data, err
}

// PutDocument writes (or replaces) the ledger document name of env; data is JSON.
func PutDocument(ctx context.Context, db *sql.DB, env, name string, data []byte) error {
	_, err := db.ExecContext(ctx, `INSERT INTO cx.ledger (env, name, data) VALUES ($1, $2, $3)
		ON CONFLICT (env, name) DO UPDATE SET data = EXCLUDED.data`, env, name, string(data))
	return err
}

// DeleteDocument removes the ledger document name of env; a missing one is no error.
func DeleteDocument(ctx context.Context, db *sql.DB, env, name string) error {
	_, err := db.ExecContext(ctx, "DELETE FROM cx.ledger WHERE env = $1 AND name = $2", env, name)
	return err
}
