package safefile

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"syscall"
	"time"
)

// DefaultLockTimeout is how long Lock waits for another process to release a lock.
const DefaultLockTimeout = 30 * time.Second

// lockPoll is how often a waiting Lock tries again: flock cannot wait on a context, so a
// waiter polls with LOCK_NB instead of blocking in the kernel.
const lockPoll = 100 * time.Millisecond

// Holder describes the process holding a lock, as it wrote itself into the lock file.
type Holder struct {
	PID     int       `json:"pid"`
	Command string    `json:"command"`
	Since   time.Time `json:"since"`
	// User and Host say who and where, for a lock shared between machines (a lock record in
	// a database); a lock file on this machine leaves them out.
	User string `json:"user,omitempty"`
	Host string `json:"host,omitempty"`
}

// String is "pid N (COMMAND since TIME)", prefixed with "USER on HOST, " when the holder
// says, or "another process" when the lock does not say (yet): the holder writes it right
// after taking the lock.
func (h Holder) String() string {
	if h.PID <= 0 {
		return "another process"
	}
	s := fmt.Sprintf("pid %d", h.PID)
	if h.Host != "" {
		s = fmt.Sprintf("%s on %s, %s", h.User, h.Host, s)
	}
	switch {
	case h.Command != "" && !h.Since.IsZero():
		s += fmt.Sprintf(" (%s since %s)", h.Command, h.Since.Local().Format("15:04:05"))
	case h.Command != "":
		s += " (" + h.Command + ")"
	}
	return s
}

// LockOptions configure Lock.
type LockOptions struct {
	// Command says what the lock is taken for (e.g. "cx apply --env dev"); whoever waits for
	// the lock is told.
	Command string
	// Timeout bounds the wait for another holder (0: DefaultLockTimeout; negative: fail at
	// once when the lock is held).
	Timeout time.Duration
	// Waiting, when not nil, is called once when the lock is held by someone else and Lock
	// starts waiting.
	Waiting func(Holder)
}

// LockedError is Lock giving up because another process holds the lock.
type LockedError struct {
	Path   string
	Holder Holder
	Waited time.Duration
}

func (e *LockedError) Error() string {
	if e.Waited <= 0 {
		return fmt.Sprintf("%s is held by %s", e.Path, e.Holder)
	}
	return fmt.Sprintf("%s is held by %s; gave up after %s", e.Path, e.Holder, e.Waited.Round(time.Second))
}

// Lock is an exclusive flock(2) on a file, held until Unlock or the process ends (the
// kernel releases it then, so a crashed holder never leaves a stale lock).
type Lock struct {
	f    *os.File
	path string
}

// AcquireLock takes an exclusive lock on path (created 0600, its directory 0700), waiting
// up to o.Timeout for another holder, and writes this process's pid, o.Command and the time
// into the file for whoever waits next. Locks are per open file, so two Locks on one path
// exclude each other within one process too.
func AcquireLock(ctx context.Context, path string, o LockOptions) (*Lock, error) {
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return nil, err
	}
	var f *os.File
	err := WaitForLock(ctx, path, o, func() (bool, Holder, error) {
		for {
			if f == nil {
				var err error
				if f, err = os.OpenFile(path, os.O_CREATE|os.O_RDWR, 0o600); err != nil {
					return false, Holder{}, err
				}
			}
			err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB)
			switch {
			case err == nil && stillAt(f, path):
				return true, Holder{}, nil
			case err == nil:
				// The holder removed the file as it let go (RemoveAndUnlock): this lock is on
				// a file nobody else will open again; take the one at path now.
				f.Close()
				f = nil
				continue
			case errors.Is(err, syscall.EWOULDBLOCK) || errors.Is(err, syscall.EINTR):
				return false, readHolder(path), nil
			}
			return false, Holder{}, fmt.Errorf("lock %s: %w", path, err)
		}
	})
	if err != nil {
		if f != nil {
			f.Close()
		}
		return nil, err
	}
	h := Holder{PID: os.Getpid(), Command: o.Command, Since: time.Now().UTC()}
	b, _ := json.Marshal(h)
	// Written in place, not renamed: the lock belongs to this file's inode. A waiter reading
	// it half-written just names "another process".
	if err := f.Truncate(0); err == nil {
		f.WriteAt(append(b, '\n'), 0) //nolint:errcheck // the holder's description is informative only
	}
	return &Lock{f: f, path: path}, nil
}

// stillAt reports whether f is the file at path, not one removed from there since it was
// opened.
func stillAt(f *os.File, path string) bool {
	held, err := f.Stat()
	if err != nil {
		return false
	}
	now, err := os.Stat(path)
	return err == nil && os.SameFile(held, now)
}

// WaitForLock calls try until it takes the lock, waiting up to o.Timeout while another
// holds it (telling o.Waiting once whom it waits for): the waiting every exclusive lock of cx
// shares, whether a lock file (AcquireLock) or a record in a shared database. try reports
// whether it took the lock and, when not, the holder; its error ends the wait. Giving up
// returns a *LockedError naming the holder and what (a file's path, a table).
func WaitForLock(ctx context.Context, what string, o LockOptions, try func() (bool, Holder, error)) error {
	timeout := o.Timeout
	if timeout == 0 {
		timeout = DefaultLockTimeout
	}
	start := time.Now()
	waiting := false
	for {
		took, holder, err := try()
		if err != nil || took {
			return err
		}
		if timeout < 0 || time.Since(start) >= timeout {
			return &LockedError{Path: what, Holder: holder, Waited: time.Since(start)}
		}
		if !waiting && o.Waiting != nil {
			o.Waiting(holder)
		}
		waiting = true
		select {
		case <-ctx.Done():
			return fmt.Errorf("waiting for %s, held by %s: %w", what, holder, ctx.Err())
		case <-time.After(min(lockPoll, time.Until(start.Add(timeout)))):
		}
	}
}

// Unlock releases the lock. It is safe to call on a nil Lock and more than once.
func (l *Lock) Unlock() {
	if l == nil || l.f == nil {
		return
	}
	l.f.Truncate(0)                               //nolint:errcheck // a stale description is harmless: it is only read while locked
	syscall.Flock(int(l.f.Fd()), syscall.LOCK_UN) //nolint:errcheck // closing releases it too
	l.f.Close()
	l.f = nil
}

// RemoveAndUnlock removes the lock's file, then releases the lock: for a lock that guards a
// piece of work which leaves nothing behind when it is done. A waiter that opened the removed
// file notices when it gets the lock and takes a new file's instead.
func (l *Lock) RemoveAndUnlock() {
	if l == nil || l.f == nil {
		return
	}
	os.Remove(l.path) //nolint:errcheck // a lock file left behind is harmless: the next lock takes it
	l.Unlock()
}

func readHolder(path string) Holder {
	var h Holder
	b, err := os.ReadFile(path)
	if err != nil || json.Unmarshal(b, &h) != nil {
		return Holder{}
	}
	return h
}
