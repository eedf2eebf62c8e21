package orgserver

import (
	"fmt"
	"net/http"
	"testing"
	"time"
)

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
	now := time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)
	l := newRateLimiter(300)
	l.now = func() time.Time { return now }
	for i := range 5000 {
		if _, ok := l.allow(fmt.Sprintf("client|token-%d", i)); !ok {
			t.Fatal("a fresh bucket refused its first call")
		}
	}
	if n := l.size(); n != 5000 {
		t.Fatalf("%d buckets after 5000 tokens within a minute, want 5000 (all live)", n)
	}
	now = now.Add(bucketIdle)
	for range sweepEvery {
		l.allow("client|live")
		now = now.Add(time.Millisecond)
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
