package release

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"time"

	"github.com/cxascode/cxascode/internal/pgstate"
	"github.com/cxascode/cxascode/internal/safefile"
	"github.com/cxascode/cxascode/internal/tofu"
	"github.com/cxascode/cxascode/internal/workspace"
)

// Store keeps an environment's ledger documents by name ("releases", "applied",
// "apply-started"), each JSON written whole: files beside a local state, or rows in the
// PostgreSQL database of a pg state, so the ledger lives wherever the state does.
type Store interface {
	// Get returns the document, or nil when it was never written.
	Get(name string) ([]byte, error)
	Put(name string, data []byte) error
	// Delete removes the document; a missing one is no error.
	Delete(name string) error
}

// fileStore keeps each document in dir as cx-<name>.<env>.json, written atomically.
type fileStore struct{ dir, env string }

func (f fileStore) path(name string) string {
	return filepath.Join(f.dir, "cx-"+name+"."+f.env+".json")
}

func (f fileStore) Get(name string) ([]byte, error) {
	b, err := os.ReadFile(f.path(name))
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	return b, err
}

func (f fileStore) Put(name string, data []byte) error {
	if err := tofu.MkdirPrivate(f.dir); err != nil {
		return err
	}
	return safefile.WriteFileAtomic(f.path(name), data, 0o600)
}

func (f fileStore) Delete(name string) error {
	if err := os.Remove(f.path(name)); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	return nil
}

// postgresStore keeps the documents in the cx.ledger table of the environment's database,
// next to its pg state: a CI job with a throwaway checkout finds them there.
type postgresStore struct {
	db  *sql.DB
	env string
}

// postgresTimeout bounds one ledger query: the ledger is a few small rows.
const postgresTimeout = 30 * time.Second

func openPostgresStore(st workspace.State, env string) (*postgresStore, error) {
	conn, err := pgstate.ConnString(st, env)
	if err != nil {
		return nil, err
	}
	ctx, cancel := context.WithTimeout(context.Background(), postgresTimeout)
	defer cancel()
	db, err := pgstate.Open(ctx, conn)
	if err != nil {
		return nil, fmt.Errorf("the %s ledger: %w", env, err)
	}
	return &postgresStore{db: db, env: env}, nil
}

func (p *postgresStore) Get(name string) ([]byte, error) {
	ctx, cancel := context.WithTimeout(context.Background(), postgresTimeout)
	defer cancel()
	b, err := pgstate.GetDocument(ctx, p.db, p.env, name)
	if errors.Is(err, pgstate.ErrNotFound) {
		return nil, nil
	}
	return b, err
}

func (p *postgresStore) Put(name string, data []byte) error {
	ctx, cancel := context.WithTimeout(context.Background(), postgresTimeout)
	defer cancel()
	return pgstate.PutDocument(ctx, p.db, p.env, name, data)
}

func (p *postgresStore) Delete(name string) error {
	ctx, cancel := context.WithTimeout(context.Background(), postgresTimeout)
	defer cancel()
	return pgstate.DeleteDocument(ctx, p.db, p.env, name)
}

// Close closes the connection pool.
func (p *postgresStore) Close() error { return p.db.Close() }
