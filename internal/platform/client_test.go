package platform_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/cxascode/cxascode/internal/orgserver"
	"github.com/cxascode/cxascode/internal/platform"
)

// countingTransport counts what goes over the wire, so tests check real traffic.
type countingTransport struct {
	base       http.RoundTripper
	tokenCalls atomic.Int64
	apiCalls   atomic.Int64
	status429  atomic.Int64
	status401  atomic.Int64
	mu         sync.Mutex
	lastHeader http.Header // request headers of the last API call
	lastCorrID string      // ININ-Correlation-Id of the last response
}

func (ct *countingTransport) RoundTrip(r *http.Request) (*http.Response, error) {
	if r.URL.Path == "/oauth/token" {
		ct.tokenCalls.Add(1)
	} else {
		ct.apiCalls.Add(1)
		ct.mu.Lock()
		ct.lastHeader = r.Header.Clone()
		ct.mu.Unlock()
	}
	resp, err := ct.base.RoundTrip(r)
	if err != nil {
		return nil, err
	}
	switch resp.StatusCode {
	case http.StatusTooManyRequests:
		ct.status429.Add(1)
	case http.StatusUnauthorized:
		ct.status401.Add(1)
	}
	ct.mu.Lock()
	ct.lastCorrID = resp.Header.Get("ININ-Correlation-Id")
	ct.mu.Unlock()
	return resp, nil
}

// newClient returns a client of the dev org's deploy client and its transport counter.
func newClient(t *testing.T, ts *orgserver.TestServer, adjust func(*platform.Config)) (*platform.Client, *countingTransport) {
	t.Helper()
	cred := ts.Credential(t, "dev", "deploy")
	ct := &countingTransport{base: http.DefaultTransport}
	cfg := platform.Config{
		BaseURL: ts.URL, ClientID: cred.ClientID, ClientSecret: cred.ClientSecret,
		HTTPClient: &http.Client{Transport: ct, Timeout: 30 * time.Second},
	}
	if adjust != nil {
		adjust(&cfg)
	}
	c, err := platform.New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	return c, ct
}

func unlimited(cfg *platform.Config) { cfg.RateLimitPerMinute = -1 }

func skill(name string) platform.CreateRoutingSkill { return platform.CreateRoutingSkill{Name: &name} }

// The acceptance test: creates through injected 503s, responses lost after commit and
// 429 bursts end with exactly the objects asked for, none twice.
func TestCreateSkillsUnderFaultsNeverDuplicates(t *testing.T) {
	t.Parallel()
	ts := orgserver.NewTestServer(t)
	c, ct := newClient(t, ts, unlimited)
	faults := orgserver.Faults{ErrorRate: 0.2, LostAfterCommitRate: 0.1, Seed: 42}
	ts.SetFaults(faults)

	const n, workers = 300, 6
	jobs := make(chan int)
	errs := make(chan error, n)
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			for i := range jobs {
				sk, err := createSkill(t.Context(), c, skill(fmt.Sprintf("skill-%03d", i)))
				if err == nil && (sk.ID == nil || *sk.Name != fmt.Sprintf("skill-%03d", i)) {
					err = fmt.Errorf("skill-%03d: create returned %+v", i, sk)
				}
				errs <- err
			}
		})
	}
	for i := range n {
		if i%75 == 0 {
			burst := faults
			burst.Burst429, burst.RetryAfterSeconds = 5, 1
			ts.SetFaults(burst)
		}
		jobs <- i
	}
	close(jobs)
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Error(err)
		}
	}
	ts.SetFaults(orgserver.Faults{})

	skills, err := listSkills(t.Context(), c)
	if err != nil {
		t.Fatal(err)
	}
	byName := map[string]int{}
	for _, s := range skills {
		byName[*s.Name]++
	}
	for name, count := range byName {
		if count != 1 {
			t.Errorf("skill %s exists %d times", name, count)
		}
	}
	if len(skills) != n || len(byName) != n {
		t.Errorf("have %d skills (%d names), want exactly %d", len(skills), len(byName), n)
	}
	if ct.status429.Load() == 0 {
		t.Error("no 429 was seen: the bursts did not happen, so the test proved less than it claims")
	}
	if c.ThrottledCount() == 0 || c.ThrottledCount() > ct.status429.Load() {
		t.Errorf("ThrottledCount = %d, want the 429s of API requests (%d answered 429 in all)", c.ThrottledCount(), ct.status429.Load())
	}
	t.Logf("%d creates took %d API requests (%d answered 429) and %d logins", n, c.RequestCount(), ct.status429.Load(), ct.tokenCalls.Load())
}

// With the client at the real orgs' 300/min budget, a long sequential run stays under the
// server's limiter: no 429 at all.
func TestRateLimitKeepsUnderServerLimit(t *testing.T) {
	if testing.Short() {
		t.Skip("takes about a minute: the budget is spent on purpose")
	}
	t.Parallel()
	ts := orgserver.NewTestServer(t, orgserver.WithConfig(orgserver.Config{RateLimitPerMinute: 300}))
	c, ct := newClient(t, ts, nil) // RateLimitPerMinute 0 = 300
	sk, err := createSkill(t.Context(), c, skill("Billing"))
	if err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	for i := range 400 {
		if _, err := getSkill(t.Context(), c, *sk.ID); err != nil {
			t.Fatalf("GET %d: %v", i, err)
		}
	}
	if n := ct.status429.Load(); n != 0 {
		t.Errorf("saw %d 429s, want none", n)
	}
	// 401 requests against a fixed window of 300 need the window to turn over once (about
	// a minute); much less means the client is not pacing itself.
	if el := time.Since(start); el < 15*time.Second {
		t.Errorf("401 requests took %v: the client did not pace itself", el)
	}
}

func TestTokenIsReusedAcrossConcurrentCalls(t *testing.T) {
	t.Parallel()
	ts := orgserver.NewTestServer(t)
	c, ct := newClient(t, ts, unlimited)
	var wg sync.WaitGroup
	errs := make(chan error, 100)
	for range 10 {
		wg.Go(func() {
			for range 10 {
				_, err := tokenMe(t.Context(), c)
				errs <- err
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Fatal(err)
		}
	}
	if got := ct.tokenCalls.Load(); got != 1 {
		t.Errorf("100 calls made %d token requests, want 1", got)
	}
	if got := c.RequestCount(); got != 100 {
		t.Errorf("RequestCount = %d, want 100 (token calls are not API requests)", got)
	}
}

func TestTokenIsRefreshedBeforeAndAfterExpiry(t *testing.T) {
	t.Parallel()
	ts := orgserver.NewTestServer(t, orgserver.WithConfig(orgserver.Config{TokenTTL: 2 * time.Second}))
	c, ct := newClient(t, ts, unlimited)
	deadline := time.Now().Add(5 * time.Second)
	calls := 0
	for time.Now().Before(deadline) {
		if _, err := tokenMe(t.Context(), c); err != nil {
			t.Fatalf("call %d: %v", calls, err)
		}
		calls++
		time.Sleep(100 * time.Millisecond)
	}
	if got := ct.tokenCalls.Load(); got < 3 {
		t.Errorf("%d calls over 5 s with a 2 s token made %d logins, want at least 3", calls, got)
	}
	t.Logf("%d calls, %d logins, %d 401s answered by a fresh login", calls, ct.tokenCalls.Load(), ct.status401.Load())
}

func TestAPIErrorKeepsEverything(t *testing.T) {
	t.Parallel()
	ts := orgserver.NewTestServer(t)
	c, ct := newClient(t, ts, unlimited)
	const missing = "00000000-0000-0000-0000-000000000000"
	_, err := getSkill(t.Context(), c, missing)
	var ae *platform.APIError
	if !errors.As(err, &ae) {
		t.Fatalf("error %v (%T) is not an *APIError", err, err)
	}
	ct.mu.Lock()
	cid := ct.lastCorrID
	ct.mu.Unlock()
	want := platform.APIError{Status: 404, Code: "not.found", Message: "The requested resource was not found.",
		CorrelationID: cid, Method: "GET", Path: "/api/v2/routing/skills/" + missing}
	if cid == "" || *ae != want {
		t.Errorf("error = %+v, want %+v", *ae, want)
	}
	wantText := "GET /api/v2/routing/skills/" + missing + ": 404 not.found: The requested resource was not found. (correlation id " + cid + ")"
	if err.Error() != wantText {
		t.Errorf("Error() = %q, want %q", err.Error(), wantText)
	}
	if !platform.IsNotFound(err) || platform.IsConflict(err) {
		t.Errorf("IsNotFound = %v, IsConflict = %v", platform.IsNotFound(err), platform.IsConflict(err))
	}
	// A 404 is final: no retries.
	if got := c.RequestCount(); got != 1 {
		t.Errorf("a 404 took %d requests, want 1", got)
	}

	if _, err := createSkill(t.Context(), c, skill("Sales")); err != nil {
		t.Fatal(err)
	}
	_, err = createSkill(t.Context(), c, skill("sales"))
	if !platform.IsConflict(err) || !errors.As(err, &ae) || ae.Code != "general.conflict" || ae.Method != "POST" {
		t.Errorf("duplicate create: %v, want a 409 general.conflict from POST", err)
	}
}

func TestListAllReadsEveryPage(t *testing.T) {
	t.Parallel()
	ts := orgserver.NewTestServer(t)
	c, _ := newClient(t, ts, unlimited)
	for i := range 7 {
		if _, err := createSkill(t.Context(), c, skill(fmt.Sprintf("page-%d", i))); err != nil {
			t.Fatal(err)
		}
	}
	createSkill(t.Context(), c, skill("other")) //nolint:errcheck // filtered out below
	before := c.RequestCount()
	got, err := platform.ListAll[platform.RoutingSkill](t.Context(), c, "/api/v2/routing/skills", url.Values{"name": {"page-"}}, 2)
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	for _, s := range got {
		seen[*s.Name] = true
	}
	if len(got) != 7 || len(seen) != 7 {
		t.Errorf("ListAll returned %d skills (%d distinct), want 7", len(got), len(seen))
	}
	if pages := c.RequestCount() - before; pages != 4 {
		t.Errorf("ListAll made %d requests for 7 items in pages of 2, want 4", pages)
	}
	// A filter matching nothing stops after one (empty) page.
	before = c.RequestCount()
	if got, err := platform.ListAll[platform.RoutingSkill](t.Context(), c, "/api/v2/routing/skills", url.Values{"name": {"zzz"}}, 2); err != nil || len(got) != 0 {
		t.Errorf("empty listing: %d items, %v", len(got), err)
	}
	if pages := c.RequestCount() - before; pages != 1 {
		t.Errorf("empty listing took %d requests, want 1", pages)
	}
}

func TestContextCancellationStopsRetries(t *testing.T) {
	t.Parallel()
	ts := orgserver.NewTestServer(t)
	c, _ := newClient(t, ts, unlimited)
	sk, err := createSkill(t.Context(), c, skill("Billing")) // logs in before the faults start
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range []orgserver.Faults{
		{ErrorRate: 1, Seed: 1},                          // every request 503: backoff retries
		{Burst429: 1000, RetryAfterSeconds: 60, Seed: 1}, // long Retry-After waits
	} {
		ts.SetFaults(f)
		ctx, cancel := context.WithTimeout(t.Context(), 300*time.Millisecond)
		start := time.Now()
		_, err := getSkill(ctx, c, *sk.ID)
		cancel()
		if el := time.Since(start); el > 2*time.Second {
			t.Errorf("faults %+v: call returned after %v, want promptly after the 300 ms deadline", f, el)
		}
		if !errors.Is(err, context.DeadlineExceeded) {
			t.Errorf("faults %+v: error %v, want one wrapping context.DeadlineExceeded", f, err)
		}
	}
}

func TestPostIsNotRetriedBlindly(t *testing.T) {
	t.Parallel()
	ts := orgserver.NewTestServer(t)
	c, _ := newClient(t, ts, unlimited)
	if _, err := tokenMe(t.Context(), c); err != nil {
		t.Fatal(err)
	}
	ts.SetFaults(orgserver.Faults{ErrorRate: 1, Seed: 1})
	before := c.RequestCount()
	err := c.Do(t.Context(), "POST", "/api/v2/routing/skills", nil, skill("X"), nil)
	var ae *platform.APIError
	if !errors.As(err, &ae) || ae.Status != 503 {
		t.Fatalf("POST under 503s: %v, want the 503", err)
	}
	if n := c.RequestCount() - before; n != 1 {
		t.Errorf("a plain POST was sent %d times after a 503, want 1 (it may have been done)", n)
	}
}

func TestLostResponsesAreResolved(t *testing.T) {
	t.Parallel()
	ts := orgserver.NewTestServer(t)
	c, _ := newClient(t, ts, unlimited)
	if _, err := tokenMe(t.Context(), c); err != nil {
		t.Fatal(err)
	}
	ts.SetFaults(orgserver.Faults{LostAfterCommitRate: 1, Seed: 1}) // every write commits, every answer is lost
	sk, err := createSkill(t.Context(), c, skill("Lost"))
	if err != nil || sk.ID == nil || *sk.Name != "Lost" {
		t.Fatalf("create with a lost response: %+v, %v", sk, err)
	}
	// The first DELETE commits but answers 503; its retry gets 404, which means done.
	if err := deleteSkill(t.Context(), c, *sk.ID); err != nil {
		t.Fatalf("delete with a lost response: %v", err)
	}
	ts.SetFaults(orgserver.Faults{})
	skills, err := listSkills(t.Context(), c)
	if err != nil || len(skills) != 0 {
		t.Errorf("after create+delete: %d skills listed (%v), want 0", len(skills), err)
	}
	// A 404 on a first DELETE is still an error.
	if err := deleteSkill(t.Context(), c, *sk.ID); !platform.IsNotFound(err) {
		t.Errorf("deleting a deleted skill: %v, want 404", err)
	}
}

func TestHeadersAndLogsKeepSecrets(t *testing.T) {
	t.Parallel()
	ts := orgserver.NewTestServer(t)
	var logs bytes.Buffer
	cred := ts.Credential(t, "dev", "deploy")
	c, ct := newClient(t, ts, func(cfg *platform.Config) {
		cfg.RateLimitPerMinute = -1
		cfg.UserAgent = "cx-test/1.0"
		cfg.Headers = http.Header{"X-Cx-Audit-Context": {"run=42"}}
		cfg.Logger = slog.New(slog.NewTextHandler(&logs, &slog.HandlerOptions{Level: slog.LevelDebug}))
	})
	if _, err := createSkill(t.Context(), c, skill("Headers")); err != nil {
		t.Fatal(err)
	}
	ct.mu.Lock()
	h := ct.lastHeader
	ct.mu.Unlock()
	for k, want := range map[string]string{"User-Agent": "cx-test/1.0", "X-Cx-Audit-Context": "run=42", "Accept": "application/json", "Content-Type": "application/json"} {
		if got := h.Get(k); got != want {
			t.Errorf("header %s = %q, want %q", k, got, want)
		}
	}
	tok := strings.TrimPrefix(h.Get("Authorization"), "Bearer ")
	if logs.Len() == 0 {
		t.Error("nothing was logged at debug level")
	}
	for _, secret := range []string{cred.ClientSecret, tok} {
		if secret != "" && strings.Contains(logs.String(), secret) {
			t.Errorf("logs contain a secret or token:\n%s", logs.String())
		}
	}
}

func TestBadCredentialsNameTheTokenURL(t *testing.T) {
	t.Parallel()
	ts := orgserver.NewTestServer(t)
	const secret = "not-the-secret-1234"
	c, _ := newClient(t, ts, func(cfg *platform.Config) { cfg.ClientSecret = secret })
	_, err := tokenMe(t.Context(), c)
	var ae *platform.AuthError
	if !errors.As(err, &ae) || ae.Code != "invalid_client" || ae.Status != 401 {
		t.Fatalf("login with a wrong secret: %v, want an *AuthError invalid_client", err)
	}
	if !strings.Contains(err.Error(), ts.URL+"/oauth/token") || strings.Contains(err.Error(), secret) {
		t.Errorf("error %q must name the token URL and never the secret", err)
	}
}

func TestStaticAccessToken(t *testing.T) {
	t.Parallel()
	ts := orgserver.NewTestServer(t)
	c, ct := newClient(t, ts, func(cfg *platform.Config) { cfg.AccessToken = "bogus"; cfg.ClientID, cfg.ClientSecret = "", "" })
	_, err := tokenMe(t.Context(), c)
	var ae *platform.APIError
	if !errors.As(err, &ae) || ae.Status != 401 || ae.Code != "bad.credentials" {
		t.Errorf("bogus static token: %v, want 401 bad.credentials", err)
	}
	if ct.tokenCalls.Load() != 0 {
		t.Errorf("a static token made %d logins, want none", ct.tokenCalls.Load())
	}
}

func TestNewRejectsBadConfig(t *testing.T) {
	t.Parallel()
	for _, cfg := range []platform.Config{
		{BaseURL: "api.mypurecloud.com", ClientID: "a", ClientSecret: "b"},
		{BaseURL: "https://api.mypurecloud.com"},
		{BaseURL: "https://api.mypurecloud.com", ClientID: "a"},
	} {
		if _, err := platform.New(cfg); err == nil {
			t.Errorf("New(%+v) accepted a bad config", cfg)
		}
	}
}

func TestRetryOnVersionConflict(t *testing.T) {
	t.Parallel()
	calls := 0
	err := platform.RetryOnVersionConflict(t.Context(), 5, func(ctx context.Context) error {
		calls++
		switch calls {
		case 1:
			return &platform.APIError{Status: 409, Code: "general.conflict"}
		case 2:
			return fmt.Errorf("patch user: %w", &platform.APIError{Status: 400, Code: "bad.request",
				Message: "The version supplied [3] does not match the current version [4]"})
		}
		return nil
	})
	if err != nil || calls != 3 {
		t.Errorf("got %v after %d calls, want success on the 3rd", err, calls)
	}
	calls = 0
	err = platform.RetryOnVersionConflict(t.Context(), 5, func(ctx context.Context) error {
		calls++
		return &platform.APIError{Status: 400, Code: "bad.request", Message: "name is required"}
	})
	if err == nil || calls != 1 {
		t.Errorf("other errors must not be retried: %v after %d calls", err, calls)
	}
	calls = 0
	err = platform.RetryOnVersionConflict(t.Context(), 3, func(ctx context.Context) error {
		calls++
		return &platform.APIError{Status: 409}
	})
	if !platform.IsConflict(err) || calls != 3 {
		t.Errorf("persistent conflict: %v after %d calls, want the 409 after 3", err, calls)
	}
}

// The client follows the org's own answers (inin-ratelimit-*), whatever it was configured
// with: here it believes it is unlimited (as behind a gateway) and the org counts 30
// requests per 2-second fixed window. Concurrent callers share the window; none gets a 429.
func TestPacesByTheOrgsFixedWindow(t *testing.T) {
	t.Parallel()
	ts := orgserver.NewTestServer(t, orgserver.WithConfig(orgserver.Config{RateLimitPerMinute: 30, RateLimitWindow: 2 * time.Second}))
	c, ct := newClient(t, ts, unlimited)
	sk, err := createSkill(t.Context(), c, skill("Billing"))
	if err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	var wg sync.WaitGroup
	errs := make(chan error, 100)
	for range 4 {
		wg.Go(func() {
			for range 25 {
				_, err := getSkill(t.Context(), c, *sk.ID)
				errs <- err
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Fatal(err)
		}
	}
	if n := ct.status429.Load(); n != 0 {
		t.Errorf("saw %d 429s, want none", n)
	}
	// 101 requests at 29 spent per 2 s window span at least three window turns.
	if el := time.Since(start); el < 5*time.Second {
		t.Errorf("101 requests took %v: the client did not pace by the org's window", el)
	}
}
