package platform

import (
	"context"
	"errors"
	"testing"
	"time"
)

// A call whose token was rejected must not hang past its context while another call's
// login holds the token source.
func TestInvalidateHonoursContext(t *testing.T) {
	t.Parallel()
	ts := newTokenSource(&Client{tokenURL: "https://login.example/oauth/token"}, "id", "secret", "")
	ts.token = "old"
	ts.sem <- struct{}{} // a login in progress
	ctx, cancel := context.WithCancel(t.Context())
	cancel()
	done := make(chan error, 1)
	go func() { done <- ts.invalidate(ctx, "old") }()
	select {
	case err := <-done:
		if !errors.Is(err, context.Canceled) {
			t.Errorf("invalidate with a cancelled context = %v, want context.Canceled", err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("invalidate waited for the login although its context had ended")
	}
	if ts.token != "old" {
		t.Errorf("token = %q; a refused invalidate must leave it", ts.token)
	}

	<-ts.sem // the login ends
	if err := ts.invalidate(t.Context(), "other"); err != nil || ts.token != "old" {
		t.Errorf("invalidate of a stale token: err %v, token %q; want nil and the current token kept", err, ts.token)
	}
	if err := ts.invalidate(t.Context(), "old"); err != nil || ts.token != "" {
		t.Errorf("invalidate of the current token: err %v, token %q; want nil and no token", err, ts.token)
	}
}
