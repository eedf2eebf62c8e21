package orgserver

import (
	"fmt"
	"math"
	"net"
	"net/http"
	"strconv"
	"sync"
	"time"

	"github.com/cxascode/cxascode/internal/orgserver/apihttp"
)

// rateWindow is how long one rate-limit window lasts: real orgs count requests per token
// per fixed minute.
const rateWindow = time.Minute

// rateLimiter gives each access token perMinute requests per fixed one-minute window, as
// real orgs do: the window opens with the token's first request, every request in it
// counts, and once the count passes the budget every call is refused until the window
// ends; the next request opens a new window with a full budget. Unlike a token bucket, a
// fixed window lets a client spend its whole budget at once but never more than it within
// one window — which is what clients pacing by the inin-ratelimit-* headers rely on.
type rateLimiter struct {
	perMinute int
	window    time.Duration    // rateWindow unless a test shortens it
	now       func() time.Time // time.Now; tests move it
	mu        sync.Mutex
	buckets   map[string]*bucket
	calls     int // since the last sweep
}

// bucket is one token's current window.
type bucket struct {
	start time.Time // when the window opened
	count int       // requests seen in it, refused ones included
	last  time.Time // the token's last request (for sweeping)
}

// rateState is what a response tells the caller about its budget (the inin-ratelimit-*
// headers): requests counted in the window, the budget, and whole seconds until the window
// resets (rounded up, so a client waiting that long always finds a new window).
type rateState struct {
	count, allowed, resetSeconds int
}

// sweepEvery is how many calls pass between sweeps of idle buckets: often enough that
// the map stays near the number of tokens in use, rarely enough to cost nothing per call.
const sweepEvery = 1024

// bucketIdle is how long a bucket must go unused to be dropped: by then its window has
// ended, so a dropped bucket and the fresh one its key would get are the same.
const bucketIdle = rateWindow

func newRateLimiter(perMinute int) *rateLimiter {
	return newWindowLimiter(perMinute, rateWindow)
}

// newWindowLimiter is newRateLimiter with another window length (tests and benchmarks that
// cannot wait minutes); 0 means rateWindow.
func newWindowLimiter(perWindow int, window time.Duration) *rateLimiter {
	if window <= 0 {
		window = rateWindow
	}
	return &rateLimiter{perMinute: perWindow, window: window, now: time.Now, buckets: map[string]*bucket{}}
}

// enabled reports whether the limiter limits anything (and so whether responses carry
// rate-limit headers).
func (l *rateLimiter) enabled() bool { return l.perMinute > 0 }

// allow counts one request against key's window. When the window's budget is spent it
// returns false and how long until the window resets; the state is reported either way.
func (l *rateLimiter) allow(key string) (time.Duration, bool) {
	wait, ok, _ := l.take(key)
	return wait, ok
}

// take is allow that also returns the window's state for the response headers.
func (l *rateLimiter) take(key string) (time.Duration, bool, rateState) {
	if l.perMinute <= 0 {
		return 0, true, rateState{}
	}
	now := l.now()
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.calls++; l.calls >= sweepEvery {
		l.calls = 0
		l.sweep(now)
	}
	b := l.buckets[key]
	if b == nil || now.Sub(b.start) >= l.window {
		b = &bucket{start: now}
		l.buckets[key] = b
	}
	b.count++
	b.last = now
	left := b.start.Add(l.window).Sub(now)
	st := rateState{count: b.count, allowed: l.perMinute, resetSeconds: int(math.Ceil(left.Seconds()))}
	if b.count <= l.perMinute {
		return 0, true, st
	}
	return left, false, st
}

// sweep drops the buckets idle for bucketIdle; without it every token ever seen (a
// client logging in for each call, or expired tokens) would stay in memory for good.
func (l *rateLimiter) sweep(now time.Time) {
	for k, b := range l.buckets {
		if now.Sub(b.last) >= max(bucketIdle, l.window) {
			delete(l.buckets, k)
		}
	}
}

// size is the number of buckets held (for tests).
func (l *rateLimiter) size() int {
	l.mu.Lock()
	defer l.mu.Unlock()
	return len(l.buckets)
}

// tokenRateLimited counts one login of clientID at /oauth/token and, when the client's
// window is spent, answers it as a real org's token endpoint does — 400 invalid_request,
// "rate limit exceeded; …" (the text the official provider and our platform client retry
// on) with Retry-After — and reports true. Attempts count whether or not the secret is
// right, so the limit also slows down guessing one client's secret. Logins that name no
// client share the caller's address's budget.
func (s *Server) tokenRateLimited(w http.ResponseWriter, r *http.Request, clientID string) bool {
	if !s.tokenLimiter.enabled() {
		return false
	}
	key := "client|" + clientID
	if clientID == "" {
		host, _, _ := net.SplitHostPort(r.RemoteAddr)
		key = "addr|" + host
	}
	wait, ok := s.tokenLimiter.allow(key)
	if ok {
		return false
	}
	secs := max(1, int(math.Ceil(wait.Seconds())))
	desc := fmt.Sprintf("rate limit exceeded; retry the token request in %d seconds", secs)
	w.Header().Set("Retry-After", strconv.Itoa(secs))
	apihttp.WriteJSON(w, http.StatusBadRequest, oauthError{Error: "invalid_request", Description: desc, ErrorDescription: desc})
	return true
}
