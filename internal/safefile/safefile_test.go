package safefile

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

func TestLockExcludesAndNamesHolder(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "locks", "dev.lock")
	first, err := AcquireLock(ctx, path, LockOptions{Command: "cx apply --env dev"})
	if err != nil {
		t.Fatal(err)
	}
	if st, err := os.Stat(filepath.Dir(path)); err != nil || st.Mode().Perm() != 0o700 {
		t.Errorf("lock directory: %v %v, want mode 0700", st.Mode(), err)
	}

	_, err = AcquireLock(ctx, path, LockOptions{Command: "cx plan --env dev", Timeout: -1})
	var le *LockedError
	if !errors.As(err, &le) {
		t.Fatalf("second lock: %v, want a LockedError", err)
	}
	if le.Holder.PID != os.Getpid() || le.Holder.Command != "cx apply --env dev" {
		t.Errorf("holder %+v, want this process running cx apply --env dev", le.Holder)
	}
	if want := fmt.Sprintf("pid %d (cx apply --env dev since ", os.Getpid()); !strings.Contains(err.Error(), want) {
		t.Errorf("error %q lacks %q", err, want)
	}

	// A waiter is told once whom it waits for, and gets the lock when it is released.
	var waited []Holder
	go func() {
		time.Sleep(300 * time.Millisecond)
		first.Unlock()
	}()
	start := time.Now()
	second, err := AcquireLock(ctx, path, LockOptions{Command: "cx plan --env dev", Timeout: 10 * time.Second,
		Waiting: func(h Holder) { waited = append(waited, h) }})
	if err != nil {
		t.Fatalf("waiting lock: %v", err)
	}
	if d := time.Since(start); d < 250*time.Millisecond {
		t.Errorf("got the lock after %s, before the holder released it", d)
	}
	if len(waited) != 1 || waited[0].PID != os.Getpid() {
		t.Errorf("Waiting calls: %+v, want one naming this pid", waited)
	}
	second.Unlock()
	second.Unlock() // harmless
}

// A lock whose holder removes its file as it lets go still excludes: a waiter that had the
// removed file open takes the new one's lock, so a third process cannot hold it at once.
func TestLockRemovedByItsHolder(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), ".out.export-lock")
	first, err := AcquireLock(ctx, path, LockOptions{Command: "cx export"})
	if err != nil {
		t.Fatal(err)
	}
	got := make(chan *Lock)
	go func() {
		l, err := AcquireLock(ctx, path, LockOptions{Command: "cx export (second)", Timeout: 10 * time.Second})
		if err != nil {
			t.Error(err)
		}
		got <- l
	}()
	time.Sleep(250 * time.Millisecond) // the waiter has the file open and polls
	first.RemoveAndUnlock()
	second := <-got
	if second == nil {
		t.FailNow()
	}
	if _, err := os.Stat(path); err != nil {
		t.Fatalf("the waiter holds a lock on no file at %s: %v", path, err)
	}
	_, err = AcquireLock(ctx, path, LockOptions{Command: "cx export (third)", Timeout: -1})
	var le *LockedError
	if !errors.As(err, &le) || le.Holder.Command != "cx export (second)" {
		t.Fatalf("third lock while the second holds it: %v, want a LockedError naming the second", err)
	}
	second.RemoveAndUnlock()
	if _, err := os.Stat(path); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("lock file left after RemoveAndUnlock: %v", err)
	}
}

func TestLockTimeoutAndCancel(t *testing.T) {
	path := filepath.Join(t.TempDir(), "dev.lock")
	held, err := AcquireLock(context.Background(), path, LockOptions{Command: "cx destroy --env dev"})
	if err != nil {
		t.Fatal(err)
	}
	defer held.Unlock()

	start := time.Now()
	_, err = AcquireLock(context.Background(), path, LockOptions{Timeout: 300 * time.Millisecond})
	var le *LockedError
	if !errors.As(err, &le) || !strings.Contains(err.Error(), "gave up after") {
		t.Fatalf("timed out lock: %v", err)
	}
	if d := time.Since(start); d < 300*time.Millisecond || d > 3*time.Second {
		t.Errorf("gave up after %s, want about 300ms", d)
	}

	ctx, cancel := context.WithTimeout(context.Background(), 200*time.Millisecond)
	defer cancel()
	if _, err := AcquireLock(ctx, path, LockOptions{Timeout: time.Minute}); !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("cancelled lock: %v, want the context's error", err)
	}

	// Another file is another lock.
	other, err := AcquireLock(context.Background(), filepath.Join(filepath.Dir(path), "test.lock"), LockOptions{Timeout: -1})
	if err != nil {
		t.Fatalf("a lock on another file should not wait: %v", err)
	}
	other.Unlock()
}

func TestWriteFileAtomic(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "private")
	path := filepath.Join(dir, "server.json")
	var wg sync.WaitGroup
	for i := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if err := WriteFileAtomic(path, []byte(strings.Repeat(fmt.Sprint(i), 4096)), 0o600); err != nil {
				t.Error(err)
			}
		}()
	}
	wg.Wait()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if len(b) != 4096 || strings.Count(string(b), string(b[0])) != 4096 {
		t.Errorf("the file mixes writers: %d bytes", len(b))
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("temp files left behind: %v", entries)
	}
	for p, want := range map[string]os.FileMode{path: 0o600, dir: 0o700} {
		if st, err := os.Stat(p); err != nil || st.Mode().Perm() != want {
			t.Errorf("%s: mode %v (%v), want %v", filepath.Base(p), st.Mode().Perm(), err, want)
		}
	}
}
