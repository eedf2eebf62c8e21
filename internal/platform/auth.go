package platform

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
	"time"
)

// tokenSource holds the client's access token. One login runs at a time (the others wait
// for it and reuse its token), because every login starts a new per-token rate budget on
// the server and real token endpoints have their own, stricter limit.
type tokenSource struct {
	c            *Client
	clientID     string
	clientSecret string
	static       bool
	sem          chan struct{} // held while reading or renewing the token
	token        string
	refreshAt    time.Time
}

func newTokenSource(c *Client, id, secret, accessToken string) *tokenSource {
	ts := &tokenSource{c: c, clientID: id, clientSecret: secret, sem: make(chan struct{}, 1)}
	if accessToken != "" {
		ts.static, ts.token = true, accessToken
	}
	return ts
}

// canRefresh reports whether a rejected token can be replaced by logging in again.
func (ts *tokenSource) canRefresh() bool { return !ts.static }

// get returns a token valid for a while yet, logging in when there is none or it is
// about to expire.
func (ts *tokenSource) get(ctx context.Context) (string, error) {
	if ts.static {
		return ts.token, nil
	}
	select {
	case ts.sem <- struct{}{}:
	case <-ctx.Done():
		return "", fmt.Errorf("login at %s: %w", ts.c.tokenURL, context.Cause(ctx))
	}
	defer func() { <-ts.sem }()
	if ts.token != "" && time.Now().Before(ts.refreshAt) {
		return ts.token, nil
	}
	tok, refreshAt, err := ts.login(ctx)
	if err != nil {
		return "", err
	}
	ts.token, ts.refreshAt = tok, refreshAt
	return tok, nil
}

// invalidate drops tok if it is still the current token, so that of many calls rejected
// with the same token only the first triggers a login. It waits for a login in progress
// (which holds the token) only as long as ctx lasts.
func (ts *tokenSource) invalidate(ctx context.Context, tok string) error {
	if ts.static {
		return nil
	}
	select {
	case ts.sem <- struct{}{}:
	case <-ctx.Done():
		return fmt.Errorf("login at %s: %w", ts.c.tokenURL, context.Cause(ctx))
	}
	if ts.token == tok {
		ts.token = ""
	}
	<-ts.sem
	return nil
}

type tokenResponse struct {
	AccessToken string `json:"access_token"`
	ExpiresIn   int    `json:"expires_in"`
}

type oauthErrorBody struct {
	Error            string `json:"error"`
	Description      string `json:"description"`
	ErrorDescription string `json:"error_description"`
}

// login runs the client-credentials grant, retrying what a token endpoint's bad moment
// looks like (transport errors, 5xx, 429, 400 "rate limit exceeded").
func (ts *tokenSource) login(ctx context.Context) (string, time.Time, error) {
	c := ts.c
	var last error
	for attempt := 0; ; attempt++ {
		start := time.Now()
		tok, ttl, retryAfter, retryable, err := ts.loginOnce(ctx)
		if err == nil {
			c.log.Debug("platform: logged in", "tokenURL", c.tokenURL, "expiresIn", ttl)
			return tok, start.Add(ttl - refreshMargin(ttl)), nil
		}
		last = err
		if !retryable || attempt >= c.maxRetries {
			return "", time.Time{}, err
		}
		wait := c.backoff.delay(attempt)
		if retryAfter > 0 {
			wait = retryAfter
		}
		c.log.Debug("platform: login failed, retrying", "tokenURL", c.tokenURL, "attempt", attempt+1, "wait", wait, "err", err)
		if sleep(ctx, wait) != nil {
			return "", time.Time{}, fmt.Errorf("login at %s: %w (last error: %v)", c.tokenURL, context.Cause(ctx), last)
		}
	}
}

// refreshMargin is how long before expiry a token is replaced: a minute for real
// lifetimes (5 min to 48 h), half of short ones, so that calls in flight never carry a
// token that dies on the way (servers count expiry in whole seconds, so a short token can
// lose up to a second of its stated life).
func refreshMargin(ttl time.Duration) time.Duration {
	return min(time.Minute, ttl/2)
}

func (ts *tokenSource) loginOnce(ctx context.Context) (tok string, ttl, retryAfter time.Duration, retryable bool, err error) {
	c := ts.c
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, c.tokenURL, strings.NewReader("grant_type=client_credentials"))
	if err != nil {
		return "", 0, 0, false, fmt.Errorf("login at %s: %w", c.tokenURL, err)
	}
	req.SetBasicAuth(ts.clientID, ts.clientSecret)
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("Accept", "application/json")
	req.Header.Set("User-Agent", c.userAgent)
	resp, err := c.http.Do(req)
	if err != nil {
		// Logging in is idempotent, so every transport failure is worth another try.
		return "", 0, 0, ctx.Err() == nil, fmt.Errorf("login at %s: %w", c.tokenURL, redactURLError(err))
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(io.LimitReader(resp.Body, 1<<20))
	if err != nil {
		return "", 0, 0, true, fmt.Errorf("login at %s: read response: %w", c.tokenURL, err)
	}
	if resp.StatusCode == http.StatusOK {
		var tr tokenResponse
		if err := json.Unmarshal(body, &tr); err != nil || tr.AccessToken == "" {
			return "", 0, 0, false, &AuthError{TokenURL: c.tokenURL, Status: resp.StatusCode, Code: "invalid_response", Description: "the token response has no access_token"}
		}
		ttl := time.Duration(tr.ExpiresIn) * time.Second
		if ttl <= 0 {
			ttl = 24 * time.Hour // the documented default lifetime
		}
		return tr.AccessToken, ttl, 0, false, nil
	}
	ae := &AuthError{TokenURL: c.tokenURL, Status: resp.StatusCode}
	var eb oauthErrorBody
	if json.Unmarshal(body, &eb) == nil && (eb.Error != "" || eb.ErrorDescription != "" || eb.Description != "") {
		ae.Code, ae.Description = eb.Error, eb.ErrorDescription
		if ae.Description == "" {
			ae.Description = eb.Description
		}
	} else {
		// The fault injector and proxies answer with the API error body or plain text.
		var apiBody errorBody
		if json.Unmarshal(body, &apiBody) == nil && apiBody.Code != "" {
			ae.Code, ae.Description = apiBody.Code, apiBody.Message
		} else {
			ae.Description = http.StatusText(resp.StatusCode)
		}
	}
	retryable = resp.StatusCode == http.StatusTooManyRequests ||
		(resp.StatusCode >= 500 && resp.StatusCode != http.StatusNotImplemented) ||
		(resp.StatusCode == http.StatusBadRequest && strings.Contains(strings.ToLower(ae.Description), "rate limit"))
	return "", 0, parseRetryAfter(resp.Header.Get("Retry-After")), retryable, ae
}

// redactURLError drops the URL that *url.Error repeats (it is named by the caller already).
func redactURLError(err error) error {
	var ue *url.Error
	if errors.As(err, &ue) {
		return ue.Err
	}
	return err
}
