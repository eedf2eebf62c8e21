package pgstate

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"encoding/json"
	"errors"
	"fmt"
	"hash/fnv"
	"os"
	"os/user"
	"syscall"
	"time"

	"github.com/cxascode/cxascode/internal/safefile"
)

// An environment's lock is two things in its database: a session-level advisory lock, held
// by a connection kept open for the whole hold (PostgreSQL drops it when that session ends,
// so it says whether the holder is alive, from any machine), and a row in cx.locks naming the
// holder (who, where, which pid and command, since when), which stays when the holder is
// killed. A row without its advisory lock is a run that ended without releasing the lock:
// its apply may have stopped half way, so nothing takes the lock over it until cx unlock
// clears it on purpose.

// lockClass is the first key of cx's two-key advisory locks. Two-key advisory locks never
// collide with the one-key locks OpenTofu's pg backend takes on its state rows.
const lockClass = 0x6378 // "cx"

// lockKey is the second key: the environment's name, hashed into an int4.
func lockKey(env string) int32 {
	h := fnv.New32a()
	h.Write([]byte(env))
	return int32(h.Sum32())
}

// Lock is a held environment lock; Unlock releases it.
type Lock struct {
	conn *sql.Conn
	env  string
}

// StaleLockError is a lock record whose holder ended without releasing it (killed, or its
// machine lost): cx unlock clears it once someone has looked.
type StaleLockError struct {
	Env    string
	Holder safefile.Holder
}

func (e *StaleLockError) Error() string {
	return fmt.Sprintf("environment %s is locked by %s, which ended without releasing it (killed?): its apply may have stopped half way; cx unlock --env %s shows the holder and clears the lock, then cx apply --env %s finishes the job",
		e.Env, e.Holder, e.Env, e.Env)
}

// ThisHolder describes this process for a lock record.
func ThisHolder(command string) safefile.Holder {
	h := safefile.Holder{PID: os.Getpid(), Command: command, Since: time.Now().UTC()}
	h.Host, _ = os.Hostname()
	if u, err := user.Current(); err == nil {
		h.User = u.Username
	} else {
		h.User = os.Getenv("USER")
	}
	return h
}

// AcquireLock takes env's lock in db, waiting up to o.Timeout for a live holder (see
// safefile.WaitForLock); what names the database in messages. A stale record left by a
// killed holder fails at once with a *StaleLockError.
func AcquireLock(ctx context.Context, db *sql.DB, env, what string, o safefile.LockOptions) (*Lock, error) {
	conn, err := db.Conn(ctx)
	if err != nil {
		return nil, fmt.Errorf("connect to %s: %w", what, err)
	}
	me := ThisHolder(o.Command)
	var stale *safefile.Holder
	err = safefile.WaitForLock(ctx, "the lock record of "+env+" in "+what, o, func() (bool, safefile.Holder, error) {
		var took bool
		if err := conn.QueryRowContext(ctx, "SELECT pg_try_advisory_lock($1, $2)", lockClass, lockKey(env)).Scan(&took); err != nil {
			return false, safefile.Holder{}, err
		}
		holder, found, err := readHolder(ctx, conn, env)
		if err != nil || !took {
			return false, holder, err // a live holder, perhaps not yet written its record
		}
		if found {
			stale = &holder
			return true, holder, nil
		}
		b, _ := json.Marshal(me)
		_, err = conn.ExecContext(ctx, "INSERT INTO cx.locks (env, holder) VALUES ($1, $2)", env, string(b))
		return err == nil, me, err
	})
	if err == nil && stale != nil {
		err = &StaleLockError{Env: env, Holder: *stale}
	}
	if err != nil {
		endSession(conn) // and with it any advisory lock it took
		return nil, err
	}
	return &Lock{conn: conn, env: env}, nil
}

// Unlock deletes the lock record and ends the session holding the advisory lock. It is safe
// on a nil Lock and more than once.
func (l *Lock) Unlock() error {
	if l == nil || l.conn == nil {
		return nil
	}
	// A cancelled command still releases its lock.
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	_, err := l.conn.ExecContext(ctx, "DELETE FROM cx.locks WHERE env = $1", l.env)
	endSession(l.conn)
	l.conn = nil
	if err != nil {
		return fmt.Errorf("release the lock of %s: %w", l.env, err)
	}
	return nil
}

// endSession releases the session's advisory locks and closes the session rather than
// returning it to the pool, where it would keep holding them. The release comes first and
// is answered: the server ends a closed session's backend a moment later, and until then an
// Inspect would take the lock for a live holder's.
func endSession(conn *sql.Conn) {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	conn.ExecContext(ctx, "SELECT pg_advisory_unlock_all()") //nolint:errcheck // a broken session has released them already
	conn.Raw(func(any) error { return driver.ErrBadConn })   //nolint:errcheck // ErrBadConn is how database/sql is told to discard it
	conn.Close()
}

// LockState is what Inspect finds about an environment's lock.
type LockState struct {
	// Held is whether a lock record exists; Holder is the record.
	Held   bool
	Holder safefile.Holder
	// Alive is whether the holder is demonstrably running: its session still holds the
	// advisory lock, or it is a process on this machine that still exists.
	Alive bool
}

// Inspect reads env's lock record and whether its holder is alive.
func Inspect(ctx context.Context, db *sql.DB, env string) (LockState, error) {
	var st LockState
	var err error
	if st.Holder, st.Held, err = readHolder(ctx, db, env); err != nil || !st.Held {
		return st, err
	}
	var sessions int
	if err := db.QueryRowContext(ctx, `SELECT count(*) FROM pg_locks
		WHERE locktype = 'advisory' AND objsubid = 2 AND granted AND classid = $1 AND objid = $2`,
		lockClass, uint32(lockKey(env))).Scan(&sessions); err != nil {
		return st, fmt.Errorf("look for the holder's session: %w", err)
	}
	st.Alive = sessions > 0 || runningHere(st.Holder)
	return st, nil
}

// ErrHolderAlive refuses to clear the lock of a holder that is still running.
var ErrHolderAlive = errors.New("the holder is still running")

// Clear deletes env's lock record after Inspect; it refuses while the holder is alive
// (ErrHolderAlive), and only deletes the record that was inspected, not one a new holder
// has written since.
func Clear(ctx context.Context, db *sql.DB, env string, inspected LockState) error {
	now, err := Inspect(ctx, db, env)
	if err != nil {
		return err
	}
	if now.Alive {
		return fmt.Errorf("%w: %s", ErrHolderAlive, now.Holder)
	}
	if !now.Held || now.Holder != inspected.Holder {
		return fmt.Errorf("the lock of %s changed while you looked (now: %s); look again", env, describeState(now))
	}
	b, _ := json.Marshal(inspected.Holder)
	if _, err := db.ExecContext(ctx, "DELETE FROM cx.locks WHERE env = $1 AND holder = $2::jsonb", env, string(b)); err != nil {
		return fmt.Errorf("clear the lock of %s: %w", env, err)
	}
	return nil
}

func describeState(st LockState) string {
	if !st.Held {
		return "not locked"
	}
	return "held by " + st.Holder.String()
}

// runningHere reports whether the holder is a process that exists on this machine.
func runningHere(h safefile.Holder) bool {
	host, err := os.Hostname()
	if err != nil || h.Host != host || h.PID <= 0 {
		return false
	}
	err = syscall.Kill(h.PID, 0)
	return err == nil || errors.Is(err, syscall.EPERM)
}

type queryer interface {
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

func readHolder(ctx context.Context, q queryer, env string) (safefile.Holder, bool, error) {
	var h safefile.Holder
	var b []byte
	err := q.QueryRowContext(ctx, "SELECT holder FROM cx.locks WHERE env = $1", env).Scan(&b)
	if errors.Is(err, sql.ErrNoRows) {
		return h, false, nil
	}
	if err != nil {
		return h, false, fmt.Errorf("read the lock record of %s: %w", env, err)
	}
	if err := json.Unmarshal(b, &h); err != nil {
		return h, true, fmt.Errorf("read the lock record of %s: %w", env, err)
	}
	return h, true, nil
}
