package tofu

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"path/filepath"

	"github.com/cxascode/cxascode/internal/pgstate"
	"github.com/cxascode/cxascode/internal/safefile"
	"github.com/cxascode/cxascode/internal/workspace"
)

// EnvLock is what holds an environment's lock, as cx unlock shows it: the lock file on this
// machine (released by the kernel when its holder dies, so never stale) and, for a pg
// state, the lock record in the database (which a killed holder leaves behind). Close it.
type EnvLock struct {
	Env string
	// Where names the lock that is held: the lock file, or the database (no password).
	Where string
	// Held is whether a holder is recorded; Alive whether it is demonstrably running.
	Held, Alive bool
	Holder      safefile.Holder

	db     *sql.DB
	shared pgstate.LockState
}

// InspectEnvLock finds who holds env's lock in the workspace, without taking it.
func InspectEnvLock(ctx context.Context, ws *workspace.Workspace, env string) (*EnvLock, error) {
	root, err := filepath.Abs(ws.Root)
	if err != nil {
		return nil, fmt.Errorf("workspace root %s: %w", ws.Root, err)
	}
	l := &EnvLock{Env: env, Where: LockPath(root, env)}
	// A running command on this machine holds the file: then it is alive, whatever else.
	if err := EnsureCXDir(root); err != nil {
		return nil, err
	}
	f, err := safefile.AcquireLock(ctx, l.Where, safefile.LockOptions{Command: "cx unlock --env " + env, Timeout: -1})
	var le *safefile.LockedError
	switch {
	case errors.As(err, &le):
		l.Held, l.Alive, l.Holder = true, true, le.Holder
		return l, nil
	case err != nil:
		return nil, err
	}
	f.Unlock()
	st := ws.Config.State
	if !st.IsPostgres() {
		return l, nil
	}
	conn, err := pgstate.ConnString(st, env)
	if err != nil {
		return nil, err
	}
	if l.db, err = pgstate.Open(ctx, conn); err != nil {
		return nil, err
	}
	l.Where = "the lock record in " + pgstate.Describe(conn)
	if l.shared, err = pgstate.Inspect(ctx, l.db, env); err != nil {
		l.Close()
		return nil, err
	}
	l.Held, l.Alive, l.Holder = l.shared.Held, l.shared.Alive, l.shared.Holder
	return l, nil
}

// ErrHolderAlive refuses to clear a lock whose holder is still running.
var ErrHolderAlive = pgstate.ErrHolderAlive

// Clear removes a lock whose holder is gone, exactly the record inspected; it refuses
// while the holder runs.
func (l *EnvLock) Clear(ctx context.Context) error {
	switch {
	case l.Alive:
		return fmt.Errorf("%w: %s holds environment %s; wait for it to finish, or stop it", ErrHolderAlive, l.Holder, l.Env)
	case !l.Held || l.db == nil:
		return nil
	}
	return pgstate.Clear(ctx, l.db, l.Env, l.shared)
}

// Close closes the connection to the state's database, if any.
func (l *EnvLock) Close() error {
	if l.db == nil {
		return nil
	}
	err := l.db.Close()
	l.db = nil
	return err
}
