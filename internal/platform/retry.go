package platform

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"net/http"
	"time"
)

// backoffPolicy is exponential backoff with jitter: attempt n waits between half and all
// of min(max, base·2ⁿ), so that many goroutines hit by the same outage do not come back
// in lockstep.
type backoffPolicy struct {
	base, max time.Duration
}

const (
	backoffBase = 100 * time.Millisecond
	backoffMax  = 5 * time.Second
)

func (b backoffPolicy) delay(attempt int) time.Duration {
	d := b.max
	if attempt < 30 {
		d = min(b.max, b.base<<attempt)
	}
	half := d / 2
	return half + rand.N(half+1)
}

// requestError is a call that got no usable response (connection refused or reset, EOF,
// timeout). Sent says whether the request may have reached the server.
type requestError struct {
	Method, Path string
	Sent         bool
	Err          error
}

func (e *requestError) Error() string { return fmt.Sprintf("%s %s: %v", e.Method, e.Path, e.Err) }
func (e *requestError) Unwrap() error { return e.Err }

// outcomeUnknown reports whether a failed write may nevertheless have been carried out:
// a 5xx other than 501, or a transport failure after the request was sent.
func outcomeUnknown(err error) bool {
	var re *requestError
	if errors.As(err, &re) {
		return re.Sent
	}
	var ae *APIError
	return errors.As(err, &ae) && ae.Status >= 500 && ae.Status != http.StatusNotImplemented
}

// CreateUnique POSTs body to path (decoding the created object into out) without ever
// creating it twice: when the response is lost (5xx, dropped connection, timeout after the
// request was sent), it calls findByName before trying again; if that finds the object
// (and fills out), the create counts as done. A 409 after such a lost response is checked
// the same way, since the conflict may be with our own first attempt.
func (c *Client) CreateUnique(ctx context.Context, path string, body any, out any, findByName func(ctx context.Context) (found bool, err error)) error {
	lost := false
	for attempt := 0; ; attempt++ {
		err := c.do(ctx, call{method: http.MethodPost, path: path, body: body, out: out, noAmbiguousRetry: true})
		if err == nil || ctx.Err() != nil {
			return err
		}
		switch {
		case outcomeUnknown(err):
			lost = true
		case lost && IsConflict(err):
		default:
			return err
		}
		found, ferr := findByName(ctx)
		if ferr != nil {
			return fmt.Errorf("%w; looking the object up by name after that failed too: %v", err, ferr)
		}
		if found {
			c.log.Debug("platform: create response was lost, found the object by name", "path", path, "err", err)
			return nil
		}
		if IsConflict(err) || attempt >= c.maxRetries {
			return err
		}
		if sleep(ctx, c.backoff.delay(attempt)) != nil {
			return ctxError(ctx, call{method: http.MethodPost, path: path}, err)
		}
	}
}

// RetryOnVersionConflict runs fn (which should re-read the object and write it) until it
// succeeds, fails otherwise, or attempts (0 = 5) runs out, retrying on version conflicts
// (409, or 400 "does not match the current version") after a short jittered pause.
func RetryOnVersionConflict(ctx context.Context, attempts int, fn func(ctx context.Context) error) error {
	if attempts <= 0 {
		attempts = 5
	}
	var err error
	for attempt := 0; attempt < attempts; attempt++ {
		if err = fn(ctx); err == nil || !IsVersionConflict(err) {
			return err
		}
		if attempt+1 < attempts {
			if serr := sleep(ctx, backoffPolicy{base: backoffBase, max: backoffMax}.delay(attempt)); serr != nil {
				return fmt.Errorf("%w (last error: %v)", context.Cause(ctx), err)
			}
		}
	}
	return fmt.Errorf("still conflicting after %d attempts: %w", attempts, err)
}
