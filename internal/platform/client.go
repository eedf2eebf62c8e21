// Package platform is the Genesys Cloud Platform API v2 client used by the provider and
// the cx CLI: client-credentials auth with one shared token, a per-client rate budget,
// retries that never duplicate writes, paging helpers and the generated API models. Calls
// per API group belong to the callers' own API seams (e.g. the provider's *_api.go files),
// written over Do, PostRepeatable, CreateUnique and ListAll/ListCursor; only calls that
// are not about one kind of object (the audit query) live here.
package platform

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"golang.org/x/time/rate"
)

// Config configures a Client. BaseURL and either ClientID/ClientSecret or AccessToken are required.
type Config struct {
	// BaseURL is the API base, e.g. "https://api.mypurecloud.com" or "http://127.0.0.1:8080".
	// The token URL is derived from it: "//api." becomes "//login.", else the same host.
	BaseURL string
	// ClientID and ClientSecret are an OAuth client-credentials client.
	ClientID, ClientSecret string
	// AccessToken, if set, is used as is (no client-credentials login, no re-login on 401).
	AccessToken string
	// RateLimitPerMinute is the per-token budget; 0 = 300 (real orgs); negative = unlimited.
	RateLimitPerMinute int
	// MaxRetries bounds retries of one call; 0 = 8.
	MaxRetries int
	// HTTPClient sends the requests; nil = a default with timeouts.
	HTTPClient *http.Client
	// UserAgent is sent on every request; "" = "cxascode-platform".
	UserAgent string
	// Logger receives one debug line per attempt; nil = discard. Authorization headers and
	// secrets are never logged.
	Logger *slog.Logger
	// Headers are extra headers on every API call (e.g. X-Cx-Audit-Context).
	Headers http.Header
}

// Client is a Platform API client. It is safe for concurrent use; all goroutines using one
// client share its token and its rate budget.
type Client struct {
	baseURL    string
	tokenURL   string
	http       *http.Client
	userAgent  string
	headers    http.Header
	log        *slog.Logger
	limiter    *rate.Limiter // nil = unlimited
	window     *windowBudget // the org's fixed window, once it has said
	maxRetries int
	backoff    backoffPolicy
	auth       *tokenSource
	requests   atomic.Int64
	throttled  atomic.Int64
	values     sync.Map // see Attach
}

const (
	defaultRatePerMinute = 300
	defaultMaxRetries    = 8
	defaultUserAgent     = "cxascode-platform"
)

// New checks cfg and builds a client. It does not contact the server: the first call logs in.
func New(cfg Config) (*Client, error) {
	base := strings.TrimRight(strings.TrimSpace(cfg.BaseURL), "/")
	u, err := url.Parse(base)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return nil, fmt.Errorf("platform: base URL %q must be an absolute http(s) URL such as https://api.mypurecloud.com", cfg.BaseURL)
	}
	if cfg.AccessToken == "" && (cfg.ClientID == "" || cfg.ClientSecret == "") {
		return nil, errors.New("platform: set either an access token or both a client id and a client secret")
	}
	c := &Client{
		baseURL:    base,
		tokenURL:   tokenURLFor(base),
		http:       cfg.HTTPClient,
		userAgent:  cfg.UserAgent,
		headers:    cfg.Headers.Clone(),
		log:        cfg.Logger,
		maxRetries: cfg.MaxRetries,
		backoff:    backoffPolicy{base: backoffBase, max: backoffMax},
	}
	if c.http == nil {
		c.http = defaultHTTPClient()
	}
	if c.userAgent == "" {
		c.userAgent = defaultUserAgent
	}
	if c.log == nil {
		c.log = slog.New(slog.DiscardHandler)
	}
	if c.maxRetries <= 0 {
		c.maxRetries = defaultMaxRetries
	}
	c.limiter = newLimiter(cfg.RateLimitPerMinute)
	c.window = newWindowBudget()
	c.auth = newTokenSource(c, cfg.ClientID, cfg.ClientSecret, cfg.AccessToken)
	return c, nil
}

// defaultHTTPClient bounds every phase of a request, so a hung server turns into a
// retryable timeout instead of a stuck apply.
func defaultHTTPClient() *http.Client {
	tr := http.DefaultTransport.(*http.Transport).Clone()
	tr.MaxIdleConnsPerHost = 32
	tr.ResponseHeaderTimeout = 60 * time.Second
	return &http.Client{Transport: tr, Timeout: 2 * time.Minute}
}

// RequestCount is the number of API requests actually sent (retries included, token calls not).
func (c *Client) RequestCount() int64 { return c.requests.Load() }

// ThrottledCount is the number of requests the org answered 429 (Too Many Requests): each
// was sent again once the window allowed, so progress shows it as time lost, not failure.
func (c *Client) ThrottledCount() int64 { return c.throttled.Load() }

// BaseURL is the API base the client calls.
func (c *Client) BaseURL() string { return c.baseURL }

// Do sends one API call and decodes a 2xx JSON response into out (a pointer, or nil).
// path is the API path with its parameters filled, e.g. "/api/v2/routing/queues/{id}";
// body is nil or a value sent as JSON. Rate limits, re-login and retries are handled as
// described on retryPolicy; errors from the API are *APIError.
func (c *Client) Do(ctx context.Context, method, path string, query url.Values, body, out any) error {
	return c.do(ctx, call{method: method, path: path, query: query, body: body, out: out})
}

// PostRepeatable sends a POST that is safe to repeat: a set-like membership change (add or
// remove members, grants, divisions) or a read-only search or query. Unlike a plain POST
// through Do, it is retried like a PUT when its response is lost, since sending it twice
// leaves the same result. Everything else is as Do.
func (c *Client) PostRepeatable(ctx context.Context, path string, query url.Values, body, out any) error {
	return c.do(ctx, call{method: http.MethodPost, path: path, query: query, body: body, out: out, idempotent: true})
}

// RawBody is a request body sent as it is with its own content type (a multipart form to
// the upload service) rather than encoded as JSON.
type RawBody struct {
	ContentType string
	Data        []byte
}

// PostUpload POSTs a raw body to target, a path of the API host or an absolute URL of the
// org's upload service (which takes the same token), and decodes a 2xx JSON answer into
// out. It is a create: a response lost on the way is not retried.
func (c *Client) PostUpload(ctx context.Context, target string, body RawBody, out any) error {
	return c.do(ctx, call{method: http.MethodPost, path: target, body: body, out: out})
}

// call is one logical API call; attempts are sent until it succeeds or the policy gives up.
type call struct {
	method, path string
	query        url.Values
	body, out    any
	// idempotent marks a POST that is safe to repeat (set-like membership changes, read-only
	// searches), so it is retried like a PUT.
	idempotent bool
	// noAmbiguousRetry returns at once when a write may or may not have happened (CreateUnique
	// decides what to do then).
	noAmbiguousRetry bool
	// raw, when set, receives a 2xx body as it came (GetRaw).
	raw *[]byte
}

// attemptResult is what one attempt produced.
type attemptResult struct {
	status int
	header http.Header
	body   []byte
	err    error // transport error; nil when a response arrived
	sent   bool  // the request may have reached the server
}

func (c *Client) do(ctx context.Context, cl call) (err error) {
	if cl.method == http.MethodGet {
		if a, _ := ctx.Value(answersKey{}).(*Answers); a != nil {
			if body, ok := a.take(cl.path, cl.query); ok {
				recordCall(ctx, cl, body, true)
				return decodeBody(cl, body)
			}
		}
	}
	if recorderFrom(ctx) != nil {
		// Only a GET that ends in a 2xx is recorded (below); anything else spoils the recording.
		defer func() {
			if err != nil || cl.method != http.MethodGet {
				recordCall(ctx, cl, nil, false)
			}
		}()
	}
	var payload []byte
	if raw, ok := cl.body.(RawBody); ok {
		payload = raw.Data
	} else if cl.body != nil {
		b, err := json.Marshal(cl.body)
		if err != nil {
			return fmt.Errorf("%s %s: encode request body: %w", cl.method, cl.path, err)
		}
		payload = b
	}
	reauthed := false
	ambiguousBefore := false // an earlier attempt may have done the work
	var lastErr error
	for attempt := 0; ; attempt++ {
		tok, err := c.auth.get(ctx)
		if err != nil {
			return err
		}
		if err := c.waitBudget(ctx); err != nil {
			return ctxError(ctx, cl, lastErr)
		}
		res := c.send(ctx, cl, payload, tok)
		// Success first: a call that worked counts even if ctx ended just after.
		if res.err == nil && res.status >= 200 && res.status < 300 {
			if cl.method == http.MethodGet {
				recordCall(ctx, cl, res.body, true)
			}
			return decodeBody(cl, res.body)
		}
		if ctx.Err() != nil {
			if res.err == nil {
				lastErr = newAPIError(cl.method, cl.path, res.status, res.header, res.body)
			}
			return ctxError(ctx, cl, lastErr)
		}
		var apiErr *APIError
		if res.err != nil {
			lastErr = &requestError{Method: cl.method, Path: cl.path, Sent: res.sent, Err: res.err}
		} else {
			apiErr = newAPIError(cl.method, cl.path, res.status, res.header, res.body)
			lastErr = apiErr
			// A DELETE whose earlier response was lost may have worked: 404 now means done.
			if res.status == http.StatusNotFound && cl.method == http.MethodDelete && ambiguousBefore {
				return nil
			}
			if res.status == http.StatusUnauthorized && !reauthed && c.auth.canRefresh() &&
				(apiErr.Code == "bad.credentials" || apiErr.Code == "credentials.expired") {
				reauthed = true
				if err := c.auth.invalidate(ctx, tok); err != nil {
					return ctxError(ctx, cl, lastErr)
				}
				c.log.Debug("platform: token rejected, logging in again", "method", cl.method, "path", cl.path, "code", apiErr.Code)
				attempt-- // a fresh login is not a retry of the call
				continue
			}
		}
		wait, retry := c.decide(cl, res, apiErr, attempt)
		if !retry {
			return lastErr
		}
		if res.sent && (res.err != nil || res.status >= 500) {
			ambiguousBefore = true
		}
		c.log.Debug("platform: retrying", "method", cl.method, "path", cl.path, "attempt", attempt+1, "wait", wait, "err", lastErr)
		if err := sleep(ctx, wait); err != nil {
			return ctxError(ctx, cl, lastErr)
		}
	}
}

// decide says whether the attempt's failure is retried and after how long.
func (c *Client) decide(cl call, res attemptResult, apiErr *APIError, attempt int) (time.Duration, bool) {
	if attempt >= c.maxRetries {
		return 0, false
	}
	safe := cl.idempotent || cl.method != http.MethodPost
	switch {
	case res.err != nil:
		// A request that never left (connection refused) is safe to send again whatever it is.
		if !res.sent {
			return c.backoff.delay(attempt), true
		}
		return c.backoff.delay(attempt), safe && !cl.noAmbiguousRetry
	case res.status == http.StatusTooManyRequests:
		// A 429 is answered before any work, so even a create can be sent again.
		if apiErr != nil && apiErr.RetryAfter > 0 {
			return apiErr.RetryAfter, true
		}
		return c.backoff.delay(attempt), true
	case res.status >= 500 && res.status != http.StatusNotImplemented:
		return c.backoff.delay(attempt), safe && !cl.noAmbiguousRetry
	}
	return 0, false
}

// send makes one attempt: rate budget, request, response body.
func (c *Client) send(ctx context.Context, cl call, payload []byte, tok string) attemptResult {
	u := cl.path
	if !strings.HasPrefix(u, "https://") && !strings.HasPrefix(u, "http://") {
		u = c.baseURL + u
	}
	if len(cl.query) > 0 {
		u += "?" + cl.query.Encode()
	}
	var rd io.Reader
	if payload != nil {
		rd = bytes.NewReader(payload)
	}
	req, err := http.NewRequestWithContext(ctx, cl.method, u, rd)
	if err != nil {
		return attemptResult{err: err}
	}
	for k, vs := range c.headers {
		req.Header[k] = append([]string(nil), vs...)
	}
	req.Header.Set("Accept", "application/json")
	req.Header.Set("User-Agent", c.userAgent)
	if raw, ok := cl.body.(RawBody); ok {
		req.Header.Set("Content-Type", raw.ContentType)
	} else if payload != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	req.Header.Set("Authorization", "Bearer "+tok)
	c.requests.Add(1)
	start := time.Now()
	resp, err := c.http.Do(req)
	if err != nil {
		c.log.Debug("platform: request failed", "method", cl.method, "path", cl.path, "err", err, "duration", time.Since(start))
		return attemptResult{err: err, sent: !notSent(err)}
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(io.LimitReader(resp.Body, 64<<20))
	c.log.Debug("platform: request", "method", cl.method, "path", cl.path, "status", resp.StatusCode,
		"correlationId", resp.Header.Get(correlationHeader), "duration", time.Since(start))
	if err != nil {
		// The server answered but the body was cut: for a write, the work may be done.
		return attemptResult{err: fmt.Errorf("read response (status %d): %w", resp.StatusCode, err), sent: true}
	}
	c.window.observe(resp.Header)
	if resp.StatusCode == http.StatusTooManyRequests {
		c.throttled.Add(1)
		// Everyone sharing this client stops, not just this call.
		c.window.exhaust(parseRetryAfter(resp.Header.Get("Retry-After")))
	}
	return attemptResult{status: resp.StatusCode, header: resp.Header, body: body, sent: true}
}

// notSent reports whether a transport error happened before the request could reach the
// server (the dial failed), which makes any method safe to retry.
func notSent(err error) bool {
	var op *net.OpError
	if errors.As(err, &op) && op.Op == "dial" {
		return true
	}
	var dns *net.DNSError
	return errors.As(err, &dns)
}

func decodeBody(cl call, body []byte) error {
	if cl.raw != nil {
		*cl.raw = body
	}
	if cl.out == nil || len(bytes.TrimSpace(body)) == 0 {
		return nil
	}
	if err := json.Unmarshal(body, cl.out); err != nil {
		return fmt.Errorf("%s %s: decode response: %w", cl.method, cl.path, err)
	}
	return nil
}

// waitBudget takes one request from the client's rate budget, waiting as long as needed:
// from the org's own window once it has said where the token stands (whatever the
// address: a gateway or the local org limits like a real org), else from the configured
// bucket.
func (c *Client) waitBudget(ctx context.Context) error {
	if paced, err := c.window.reserve(ctx); paced || err != nil {
		return err
	}
	if c.limiter == nil {
		return nil
	}
	return c.limiter.Wait(ctx)
}

// ctxError reports a call stopped by its context, keeping the last API failure for context.
func ctxError(ctx context.Context, cl call, last error) error {
	cause := context.Cause(ctx)
	if cause == nil {
		// The rate limiter refuses early when the wait would pass the deadline.
		cause = context.DeadlineExceeded
	}
	if last != nil {
		return fmt.Errorf("%s %s: %w (last error: %v)", cl.method, cl.path, cause, last)
	}
	return fmt.Errorf("%s %s: %w", cl.method, cl.path, cause)
}

// sleep waits d or until ctx ends.
func sleep(ctx context.Context, d time.Duration) error {
	if d <= 0 {
		return ctx.Err()
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}
