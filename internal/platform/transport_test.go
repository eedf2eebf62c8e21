package platform_test

import (
	"context"
	"errors"
	"net"
	"net/http"
	"net/http/httptest"
	"sync/atomic"
	"testing"

	"github.com/cxascode/cxascode/internal/platform"
)

// A refused connection never reached the server, so every method, POST included, is retried.
func TestConnectionRefusedIsRetried(t *testing.T) {
	t.Parallel()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := l.Addr().String()
	l.Close() // nothing listens here now
	c, err := platform.New(platform.Config{BaseURL: "http://" + addr, AccessToken: "t", MaxRetries: 2, RateLimitPerMinute: -1})
	if err != nil {
		t.Fatal(err)
	}
	for _, method := range []string{"GET", "POST"} {
		before := c.RequestCount()
		err := c.Do(t.Context(), method, "/api/v2/routing/skills", nil, nil, nil)
		var ae *platform.APIError
		if err == nil || errors.As(err, &ae) {
			t.Errorf("%s to a closed port: %v, want a transport error", method, err)
		}
		if n := c.RequestCount() - before; n != 3 {
			t.Errorf("%s to a closed port was tried %d times, want 1 + MaxRetries (2)", method, n)
		}
	}
}

// A connection dropped after a POST was sent may hide a done write: plain Do gives up,
// CreateUnique asks findByName, which here finds the object.
func TestDroppedConnectionOnPost(t *testing.T) {
	t.Parallel()
	var posts atomic.Int64
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		posts.Add(1)
		conn, _, err := w.(http.Hijacker).Hijack()
		if err == nil {
			conn.Close() // the write "happened"; the answer never comes
		}
	}))
	t.Cleanup(srv.Close)
	c, err := platform.New(platform.Config{BaseURL: srv.URL, AccessToken: "t", RateLimitPerMinute: -1})
	if err != nil {
		t.Fatal(err)
	}
	if err := c.Do(t.Context(), "POST", "/api/v2/routing/skills", nil, map[string]string{"name": "x"}, nil); err == nil {
		t.Fatal("a dropped POST reported success")
	}
	if n := posts.Load(); n != 1 {
		t.Errorf("plain POST sent %d times after a dropped connection, want 1", n)
	}
	var out struct{ ID string }
	lookups := 0
	err = c.CreateUnique(t.Context(), "/api/v2/routing/skills", map[string]string{"name": "x"}, &out, func(context.Context) (bool, error) {
		lookups++
		out.ID = "found-by-name"
		return true, nil
	})
	if err != nil || out.ID != "found-by-name" || lookups != 1 || posts.Load() != 2 {
		t.Errorf("CreateUnique: err %v, out %+v, %d lookups, %d posts; want success via one lookup after one POST", err, out, lookups, posts.Load())
	}
}
