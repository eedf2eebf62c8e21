package orgserver

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"net/http"
	"net/url"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/cxascode/cxascode/internal/platform"
)

// TestConcurrentLoadUnderFaults drives the local org through the platform client from 16
// goroutines at once — creates, reads, lists, updates and deletes over several kinds, hand-
// written and generic — with every fault on and the faults changed and read while it runs.
// It holds on its own (no 500s, every object listed can be read), and under
// `go test -race -run TestConcurrentLoadUnderFaults ./internal/orgserver/` it is the load
// the race detector watches the server, the store and the client under.
func TestConcurrentLoadUnderFaults(t *testing.T) {
	t.Parallel()
	duration := 2500 * time.Millisecond
	if testing.Short() {
		duration = 500 * time.Millisecond
	}
	// The limiter runs (its headers and buckets are shared state too) with a budget the load
	// does not reach; the 429s come from the fault burst.
	ts := NewTestServer(t, WithConfig(Config{RateLimitPerMinute: 1 << 20}))
	faults := Faults{ErrorRate: 0.05, LostAfterCommitRate: 0.05, LatencyMs: 1, Burst429: 8, RetryAfterSeconds: 1}
	ts.SetFaults(faults)
	faults.Burst429 = 0 // re-set while the load runs: a burst each time would leave it waiting

	clients := []*platform.Client{loadClient(t, ts, "deploy"), loadClient(t, ts, "deploy"), loadClient(t, ts, "readonly")}
	// The collections the workers write: hand-written groups and a generic kind.
	collections := []string{"/api/v2/routing/skills", "/api/v2/routing/wrapupcodes", "/api/v2/routing/queues", "/api/v2/authorization/divisions"}
	if generic := genericKinds(); len(generic) > 0 {
		collections = append(collections, generic[0].API.Collection) // one is enough: all share the generic path
	}

	ctx, cancel := context.WithTimeout(t.Context(), duration)
	defer cancel()
	var calls, failures atomic.Int64
	var serverErrors sync.Map // a 500 is a bug whatever the faults: the error by correlation id
	var wg sync.WaitGroup
	for w := range 16 {
		wg.Go(func() {
			rng := rand.New(rand.NewPCG(uint64(w), 42))
			c := clients[w%len(clients)]
			var mine []string // paths of objects this worker created
			for n := 0; ctx.Err() == nil; n++ {
				col := collections[rng.IntN(len(collections))]
				callCtx, done := context.WithTimeout(context.Background(), 10*time.Second)
				var err error
				switch op := rng.IntN(10); {
				case op < 3:
					var out struct{ ID string }
					err = c.Do(callCtx, http.MethodPost, col, nil, loadBody(col, fmt.Sprintf("Load %d-%d", w, n)), &out)
					if out.ID != "" {
						mine = append(mine, col+"/"+out.ID)
					}
				case op < 5:
					err = c.Do(callCtx, http.MethodGet, col, url.Values{"pageSize": {"25"}, "pageNumber": {fmt.Sprint(1 + rng.IntN(3))}}, nil, nil)
				case op < 7 && len(mine) > 0:
					err = c.Do(callCtx, http.MethodGet, mine[rng.IntN(len(mine))], nil, nil, nil)
				case op < 8 && len(mine) > 0:
					i := rng.IntN(len(mine))
					err = c.Do(callCtx, http.MethodDelete, mine[i], nil, nil, nil)
					mine = append(mine[:i], mine[i+1:]...)
				case op < 9:
					ts.SetFaults(faults) // replaces the injector's state while requests read it
				default:
					err = c.Do(callCtx, http.MethodGet, "/api/v2/tokens/me", nil, nil, nil)
				}
				done()
				calls.Add(1)
				if err != nil {
					failures.Add(1)
					if ae := (*platform.APIError)(nil); errors.As(err, &ae) && ae.Status == http.StatusInternalServerError {
						serverErrors.Store(ae.CorrelationID, err.Error())
					}
				}
			}
		})
	}
	wg.Wait()
	serverErrors.Range(func(_, v any) bool {
		t.Errorf("server error under load: %v", v)
		return true
	})

	// With the faults off, everything a listing shows can be read: no half-written object.
	ts.SetFaults(Faults{})
	c := clients[0]
	for _, col := range collections {
		var page struct{ Entities []struct{ ID string } }
		if err := c.Do(t.Context(), http.MethodGet, col, url.Values{"pageSize": {"100"}}, nil, &page); err != nil {
			t.Fatalf("list %s after the load: %v", col, err)
		}
		for _, e := range page.Entities {
			if err := c.Do(t.Context(), http.MethodGet, col+"/"+e.ID, nil, nil, nil); err != nil {
				t.Errorf("%s lists %s but reading it fails: %v", col, e.ID, err)
			}
		}
	}
	t.Logf("%d calls in %v from 16 goroutines, %d failed (faults and read-only refusals, as expected)", calls.Load(), duration, failures.Load())
	if calls.Load() < 50 {
		t.Errorf("only %d calls ran: the load did not happen", calls.Load())
	}
}

// loadClient is a platform client of a dev-org client, unpaced so that the server's
// limiter and faults decide, retrying little so that a worker moves on.
func loadClient(t *testing.T, ts *TestServer, name string) *platform.Client {
	t.Helper()
	cred := ts.Credential(t, "dev", name)
	c, err := platform.New(platform.Config{BaseURL: ts.URL, ClientID: cred.ClientID, ClientSecret: cred.ClientSecret,
		RateLimitPerMinute: -1, MaxRetries: 3})
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// loadBody is a valid create body for a collection of the load test.
func loadBody(collection, name string) map[string]any {
	if k := genericKindAt(collection); k != "" {
		return minimalBody(k, name)
	}
	return map[string]any{"name": name}
}

// genericKindAt is the request model of the generic kind served at collection, or "".
func genericKindAt(collection string) string {
	for _, k := range genericKinds() {
		if k.API.Collection == collection {
			return k.RequestModel(http.MethodPost)
		}
	}
	return ""
}
