package provider

import (
	"context"
	"errors"
	"fmt"
	"time"
)

// permanentError stops poll at once.
type permanentError struct{ err error }

func (e permanentError) Error() string { return e.err.Error() }
func (e permanentError) Unwrap() error { return e.err }

// permanent marks err as one that waiting will not cure.
func permanent(err error) error { return permanentError{err} }

// poll calls check until it reports done, returns a permanent error, or timeout passes; then
// it returns check's last error. The pause grows from 50 ms to 2 s: short for the local org,
// gentle on the rate budget of a real one.
func poll(ctx context.Context, timeout time.Duration, check func(context.Context) (bool, error)) error {
	deadline := time.Now().Add(timeout)
	wait := 50 * time.Millisecond
	for {
		done, err := check(ctx)
		if done {
			return nil
		}
		if pe := (permanentError{}); errors.As(err, &pe) {
			return pe.err
		}
		if time.Now().Add(wait).After(deadline) {
			if err == nil {
				err = errors.New("condition not met")
			}
			return fmt.Errorf("gave up after %s: %w", timeout, err)
		}
		t := time.NewTimer(wait)
		select {
		case <-ctx.Done():
			t.Stop()
			if err == nil {
				return ctx.Err()
			}
			return fmt.Errorf("%w (last error: %v)", ctx.Err(), err)
		case <-t.C:
		}
		wait = min(2*wait, 2*time.Second)
	}
}
