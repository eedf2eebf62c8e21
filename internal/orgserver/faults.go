package orgserver

import (
	"context"
	"math/rand/v2"
	"net/http"
	"sync"
	"time"

	"github.com/cxascode/cxascode/internal/orgserver/apihttp"
)

// Faults are failures the server injects so clients can be tested against a real org's
// bad days. The zero value injects nothing.
type Faults struct {
	// LatencyMs delays every API request.
	LatencyMs int `json:"latencyMs,omitempty"`
	// ErrorRate is the fraction (0..1) of API requests answered 503 before any work is done.
	ErrorRate float64 `json:"errorRate,omitempty"`
	// Burst429 answers the next N API requests with 429 and Retry-After.
	Burst429 int `json:"burst429,omitempty"`
	// RetryAfterSeconds is the Retry-After of injected 429s (default 1).
	RetryAfterSeconds int `json:"retryAfterSeconds,omitempty"`
	// LagMs makes objects younger than this 404 on GET by id (read-after-write lag).
	LagMs int `json:"lagMs,omitempty"`
	// LostAfterCommitRate is the fraction (0..1) of writes that commit but answer 503.
	LostAfterCommitRate float64 `json:"lostAfterCommitRate,omitempty"`
	// Seed makes the random choices repeatable; 0 picks one.
	Seed uint64 `json:"seed,omitempty"`
}

// maxInjectedDelay bounds the waits a fault may inject (latency, lag, Retry-After): longer
// ones hang clients past their own timeouts and test nothing.
const maxInjectedDelay = 10 * time.Minute

// validate refuses settings no org could have: negative counts and delays, rates outside
// 0..1, delays longer than maxInjectedDelay. The error names the field.
func (f Faults) validate() error {
	maxMs := int(maxInjectedDelay / time.Millisecond)
	for _, c := range []struct {
		field    string
		val, max int
	}{
		{"latencyMs", f.LatencyMs, maxMs},
		{"lagMs", f.LagMs, maxMs},
		{"burst429", f.Burst429, 1_000_000},
		{"retryAfterSeconds", f.RetryAfterSeconds, int(maxInjectedDelay / time.Second)},
	} {
		if c.val < 0 || c.val > c.max {
			return apihttp.BadRequest("The field [%s] must be between 0 and %d, not %d.", c.field, c.max, c.val)
		}
	}
	for _, c := range []struct {
		field string
		val   float64
	}{{"errorRate", f.ErrorRate}, {"lostAfterCommitRate", f.LostAfterCommitRate}} {
		if !(c.val >= 0 && c.val <= 1) { // also refuses NaN
			return apihttp.BadRequest("The field [%s] is a fraction from 0 to 1, not %v.", c.field, c.val)
		}
	}
	return nil
}

type faultInjector struct {
	mu     sync.Mutex
	f      Faults
	burst  int
	rnd    *rand.Rand
	active bool
}

func newFaultInjector() *faultInjector { return &faultInjector{rnd: rand.New(rand.NewPCG(1, 2))} }

func (fi *faultInjector) set(f Faults) {
	fi.mu.Lock()
	defer fi.mu.Unlock()
	fi.f, fi.burst = f, f.Burst429
	seed := f.Seed
	if seed == 0 {
		seed = uint64(time.Now().UnixNano())
	}
	fi.rnd = rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	fi.active = f != (Faults{})
}

func (fi *faultInjector) get() Faults {
	fi.mu.Lock()
	defer fi.mu.Unlock()
	f := fi.f
	f.Burst429 = fi.burst
	return f
}

// before runs ahead of every API request: latency, 429 bursts, 5xx.
func (fi *faultInjector) before(ctx context.Context) error {
	fi.mu.Lock()
	if !fi.active {
		fi.mu.Unlock()
		return nil
	}
	f := fi.f
	var err error
	switch {
	case fi.burst > 0:
		fi.burst--
		ra := f.RetryAfterSeconds
		if ra <= 0 {
			ra = 1
		}
		err = &apihttp.Error{Status: http.StatusTooManyRequests, Code: "too.many.requests.retry.after",
			Message: "Rate limit exceeded the maximum. Retry the request in [" + itoa(ra) + "] seconds", RetryAfter: ra}
	case f.ErrorRate > 0 && fi.rnd.Float64() < f.ErrorRate:
		err = &apihttp.Error{Status: http.StatusServiceUnavailable, Code: "service.unavailable", Message: "The service is currently unavailable (injected fault)."}
	}
	fi.mu.Unlock()
	if f.LatencyMs > 0 {
		t := time.NewTimer(time.Duration(f.LatencyMs) * time.Millisecond)
		defer t.Stop()
		select {
		case <-t.C:
		case <-ctx.Done():
			return ctx.Err()
		}
	}
	return err
}

func (fi *faultInjector) loseResponse() bool {
	fi.mu.Lock()
	defer fi.mu.Unlock()
	return fi.active && fi.f.LostAfterCommitRate > 0 && fi.rnd.Float64() < fi.f.LostAfterCommitRate
}

// hidden reports whether an object created at created is still invisible (read-after-write lag).
func (fi *faultInjector) hidden(created time.Time) bool {
	fi.mu.Lock()
	lag := fi.f.LagMs
	fi.mu.Unlock()
	return lag > 0 && time.Since(created) < time.Duration(lag)*time.Millisecond
}
