package orgserver

import (
	"fmt"
	"net/http"
	"testing"
	"time"
)

// testClock is the time a rate limiter under test reads; tests move it forward.
type testClock struct{ now time.Time }

// limiterOnClock is a limiter of perMinute calls per window that reads the returned clock.
func limiterOnClock(perMinute int) (*rateLimiter, *testClock) {
	clock := &testClock{now: time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)}
	l := newRateLimiter(perMinute)
	l.now = func() time.Time { return clock.now }
	return l, clock
}

// The budget belongs to the token, however the Authorization header spells it.
func TestRateLimitKeyIsTheVerifiedToken(t *testing.T) {
	t.Parallel()
	ts := NewTestServer(t, WithConfig(Config{RateLimitPerMinute: 3}))
	c := newRawClient(t, ts, "dev", "deploy")
	call := func(auth string) int {
		req, _ := http.NewRequest("GET", ts.URL+"/api/v2/tokens/me", nil)
		req.Header.Set("Authorization", auth)
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		return resp.StatusCode
	}
	for i, auth := range []string{"Bearer " + c.token, "bearer " + c.token, "BEARER  " + c.token + " "} {
		if st := call(auth); st != 200 {
			t.Fatalf("call %d (%q): status %d, want 200", i, auth[:7], st)
		}
	}
	if st := call("bEaReR " + c.token); st != http.StatusTooManyRequests {
		t.Errorf("4th call of a 3-per-minute budget in another spelling: status %d, want 429", st)
	}
}

// Buckets of tokens nobody uses any more are dropped, so the map stays at the live ones.
func TestRateLimitDropsIdleBuckets(t *testing.T) {
	t.Parallel()
	l, clock := limiterOnClock(300)
	for i := range 5000 {
		if _, ok := l.allow(fmt.Sprintf("client|token-%d", i)); !ok {
			t.Fatal("a fresh bucket refused its first call")
		}
	}
	if n := l.size(); n != 5000 {
		t.Fatalf("%d buckets after 5000 tokens within a minute, want 5000 (all live)", n)
	}
	clock.now = clock.now.Add(bucketIdle)
	for range sweepEvery {
		l.allow("client|live")
		clock.now = clock.now.Add(time.Millisecond)
	}
	if n := l.size(); n != 1 {
		t.Errorf("%d buckets after the others idled a minute, want 1 (the live one)", n)
	}
	// A dropped bucket comes back full, as the old one would have been.
	for i := range 300 {
		if _, ok := l.allow("client|token-0"); !ok {
			t.Fatalf("call %d of a re-created bucket refused", i)
		}
	}
	if _, ok := l.allow("client|token-0"); ok {
		t.Error("call 301 within a minute of a 300-per-minute bucket allowed")
	}
}

// A fixed window: the whole budget may go at once, never more within the window, and the
// next window opens with a full budget — not a refill at a steady rate.
func TestRateLimitFixedWindow(t *testing.T) {
	t.Parallel()
	l, clock := limiterOnClock(300)
	for i := range 300 {
		if _, ok, st := l.take("k"); !ok || st.count != i+1 || st.allowed != 300 || st.resetSeconds != 60 {
			t.Fatalf("call %d: ok %v, state %+v", i+1, ok, st)
		}
	}
	clock.now = clock.now.Add(59*time.Second + 500*time.Millisecond)
	wait, ok, st := l.take("k")
	if ok || wait != 500*time.Millisecond || st.resetSeconds != 1 || st.count != 301 {
		t.Fatalf("call 301 near the window's end: ok %v, wait %s, state %+v; want refused, 500ms, reset 1", ok, wait, st)
	}
	// A token bucket would have refilled ~297 requests by now; a fixed window refills none
	// until it ends, then all of them.
	clock.now = clock.now.Add(500 * time.Millisecond)
	for i := range 300 {
		if _, ok, st := l.take("k"); !ok || st.count != i+1 {
			t.Fatalf("call %d of the new window: ok %v, state %+v", i+1, ok, st)
		}
	}
}

// Every limited answer says where the token stands, 429s included, with Retry-After.
func TestRateLimitHeaders(t *testing.T) {
	t.Parallel()
	ts := NewTestServer(t, WithConfig(Config{RateLimitPerMinute: 2}))
	c := newRawClient(t, ts, "dev", "deploy")
	for i, want := range []int{200, 200, http.StatusTooManyRequests} {
		resp := c.do("GET", "/api/v2/routing/skills", nil)
		h := resp.Header
		if resp.Status != want || h.Get("inin-ratelimit-count") != fmt.Sprint(i+1) ||
			h.Get("inin-ratelimit-allowed") != "2" || h.Get("inin-ratelimit-reset") == "" {
			t.Errorf("call %d: status %d, headers count=%q allowed=%q reset=%q", i+1, resp.Status,
				h.Get("inin-ratelimit-count"), h.Get("inin-ratelimit-allowed"), h.Get("inin-ratelimit-reset"))
		}
		if want == http.StatusTooManyRequests && h.Get("Retry-After") != h.Get("inin-ratelimit-reset") {
			t.Errorf("429: Retry-After %q, reset %q: want the same", h.Get("Retry-After"), h.Get("inin-ratelimit-reset"))
		}
	}
	// An unlimited org says nothing about limits.
	free := NewTestServer(t)
	fc := newRawClient(t, free, "dev", "deploy")
	if v := fc.do("GET", "/api/v2/routing/skills", nil).Header.Get("inin-ratelimit-allowed"); v != "" {
		t.Errorf("unlimited org sent inin-ratelimit-allowed %q", v)
	}
}
