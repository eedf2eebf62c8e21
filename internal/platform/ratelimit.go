package platform

import (
	"context"
	"net/http"
	"strconv"
	"sync"
	"time"

	"golang.org/x/time/rate"
)

// rateHeadroom keeps the client at 95% of the org's budget while it only knows the budget
// from its configuration, so that clock differences and the odd request from another tool on
// the same token do not tip it into 429s.
const rateHeadroom = 0.95

// newLimiter builds the client's token bucket for perMinute requests per minute (0 = the
// 300 of real orgs; negative = unlimited, nil). It paces the client only until the org
// says where the token stands (see windowBudget): burst and refill both at 95% of N.
func newLimiter(perMinute int) *rate.Limiter {
	if perMinute < 0 {
		return nil
	}
	if perMinute == 0 {
		perMinute = defaultRatePerMinute
	}
	budget := rateHeadroom * float64(perMinute)
	return rate.NewLimiter(rate.Limit(budget/60), max(1, int(budget)))
}

// The headers real orgs send on every answer: requests counted in the token's current
// fixed window, the window's budget, and whole seconds until it resets.
const (
	headerRateCount   = "inin-ratelimit-count"
	headerRateAllowed = "inin-ratelimit-allowed"
	headerRateReset   = "inin-ratelimit-reset"
)

// windowBudget mirrors the org's fixed rate-limit window for the client's token, from the
// inin-ratelimit-* headers. Orgs count requests per token per fixed minute: a client may
// spend the whole budget at once, but a request past it is refused until the window ends.
// A token bucket cannot follow that (it refills mid-window and so overspends), so once the
// org has answered with the headers the client paces by them alone: it counts what it
// sends, trusts the org's count when that is higher, and when the window's budget is spent
// every caller waits for the window's end — which the reset header gives rounded up, so
// waiting for it always finds a new window.
type windowBudget struct {
	now func() time.Time

	mu      sync.Mutex
	known   bool      // the org has sent the headers at least once
	allowed int       // the window's budget
	used    int       // requests sent (or counted by the org) in the current window
	end     time.Time // when the current window ends at the latest; zero: not known yet
}

func newWindowBudget() *windowBudget { return &windowBudget{now: time.Now} }

// reserve waits until the current window has room and counts one request in it. It
// returns false at once while the org has not sent rate-limit headers (the caller then
// paces by its configured bucket instead).
func (b *windowBudget) reserve(ctx context.Context) (bool, error) {
	for {
		b.mu.Lock()
		if !b.known {
			b.mu.Unlock()
			return false, nil
		}
		now := b.now()
		if !b.end.IsZero() && !now.Before(b.end) {
			// The window is over: the next request opens a new one on the org's side,
			// whose end the answer will tell.
			b.used, b.end = 0, time.Time{}
		}
		if b.used < b.spendable() {
			b.used++
			b.mu.Unlock()
			return true, nil
		}
		wait := b.end.Sub(now)
		if b.end.IsZero() {
			// Spent before any answer of this window said when it ends: the answers in
			// flight will; look again shortly.
			wait = 50 * time.Millisecond
		}
		b.mu.Unlock()
		if err := sleep(ctx, wait); err != nil {
			return true, err
		}
	}
}

// spendable is how much of the window the client spends: all but 1%, because right after a
// window turns over the org's count of requests still in flight reaches the client late.
func (b *windowBudget) spendable() int {
	return b.allowed - max(1, b.allowed/100)
}

// observe reads an answer's rate-limit headers (any status, 429s included).
func (b *windowBudget) observe(h http.Header) {
	count, err1 := strconv.Atoi(h.Get(headerRateCount))
	allowed, err2 := strconv.Atoi(h.Get(headerRateAllowed))
	reset, err3 := strconv.Atoi(h.Get(headerRateReset))
	if err1 != nil || err2 != nil || err3 != nil || allowed <= 0 || reset < 0 {
		return
	}
	// The reset is rounded up and counted from when the org saw the request, which is before
	// now: now + reset is never earlier than the window's real end.
	end := b.now().Add(time.Duration(reset) * time.Second)
	b.mu.Lock()
	defer b.mu.Unlock()
	b.known, b.allowed = true, allowed
	switch {
	case b.end.IsZero():
		b.end = end
	case end.After(b.end.Add(time.Second)) && count < b.used:
		// The org opened a new window while we still counted the old one (we had not spent
		// it when it ended): start counting from the org's figure.
		b.end, b.used = end, count
		return
	case end.Before(b.end):
		// Every estimate errs late, so the earliest is the closest to the truth.
		b.end = end
	}
	b.used = max(b.used, count)
}

// exhaust records a 429: nothing more is sent until the org's Retry-After has passed.
func (b *windowBudget) exhaust(retryAfter time.Duration) {
	if retryAfter <= 0 {
		return
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	if !b.known {
		return
	}
	end := b.now().Add(retryAfter)
	if end.After(b.end) {
		b.end = end
	}
	b.used = max(b.used, b.allowed)
}
