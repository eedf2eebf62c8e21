package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"time"
)

// apiClient is raw HTTP to a local org, one attempt per call: the suite must know exactly
// which writes the org acknowledged, so nothing may retry behind its back (the platform
// client does, and finds lost creates by name — the very thing measured here).
type apiClient struct {
	http           *http.Client
	clientID       string
	clientSecret   string
	mu             sync.Mutex
	baseURL, token string
}

func newAPIClient(baseURL, clientID, clientSecret string) *apiClient {
	return &apiClient{http: &http.Client{Timeout: 30 * time.Second}, baseURL: strings.TrimRight(baseURL, "/"),
		clientID: clientID, clientSecret: clientSecret}
}

// setBaseURL points the client at a restarted server.
func (c *apiClient) setBaseURL(u string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.baseURL = strings.TrimRight(u, "/")
}

func (c *apiClient) base() string {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.baseURL
}

// login takes a client-credentials token; restarts keep issued tokens, so one is enough
// unless the org says otherwise.
func (c *apiClient) login(ctx context.Context) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, c.base()+"/oauth/token", strings.NewReader("grant_type=client_credentials"))
	if err != nil {
		return err
	}
	req.SetBasicAuth(c.clientID, c.clientSecret)
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	resp, err := c.http.Do(req)
	if err != nil {
		return fmt.Errorf("login: %w", err)
	}
	defer resp.Body.Close()
	var tr struct {
		AccessToken string `json:"access_token"`
	}
	body, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != http.StatusOK || json.Unmarshal(body, &tr) != nil || tr.AccessToken == "" {
		return fmt.Errorf("login: %s: %s", resp.Status, body)
	}
	c.mu.Lock()
	c.token = tr.AccessToken
	c.mu.Unlock()
	return nil
}

// statusError is an API answer other than 2xx.
type statusError struct {
	Status int
	Body   string
}

func (e *statusError) Error() string { return fmt.Sprintf("HTTP %d: %s", e.Status, e.Body) }

func isStatus(err error, status int) bool {
	var se *statusError
	return errors.As(err, &se) && se.Status == status
}

// do sends one request; a transport error (refused, reset, no response) comes back as is,
// an answer other than 2xx as *statusError.
func (c *apiClient) do(ctx context.Context, method, path string, query url.Values, body, out any) error {
	var rd io.Reader
	if body != nil {
		b, err := json.Marshal(body)
		if err != nil {
			return err
		}
		rd = bytes.NewReader(b)
	}
	u := c.base() + path
	if len(query) > 0 {
		u += "?" + query.Encode()
	}
	req, err := http.NewRequestWithContext(ctx, method, u, rd)
	if err != nil {
		return err
	}
	c.mu.Lock()
	req.Header.Set("Authorization", "Bearer "+c.token)
	c.mu.Unlock()
	req.Header.Set("Content-Type", "application/json")
	resp, err := c.http.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		return fmt.Errorf("%s %s: read response: %w", method, path, err)
	}
	if resp.StatusCode/100 != 2 {
		return &statusError{Status: resp.StatusCode, Body: strings.TrimSpace(string(b))}
	}
	if out != nil {
		return json.Unmarshal(b, out)
	}
	return nil
}

// namedObject is the part of any listed object the suite reads.
type namedObject struct {
	ID    string `json:"id"`
	Name  string `json:"name"`
	State string `json:"state"`
}

// listAll reads every live object of a collection, page by page (500 a page, the largest
// the org accepts), pausing on 429 as the org asks.
func (c *apiClient) listAll(ctx context.Context, path string) ([]namedObject, error) {
	var all []namedObject
	for pageNumber := 1; ; pageNumber++ {
		var page struct {
			Entities  []namedObject `json:"entities"`
			PageCount int           `json:"pageCount"`
		}
		q := url.Values{"pageSize": {"500"}, "pageNumber": {fmt.Sprint(pageNumber)}}
		if err := c.retryRateLimited(ctx, func() error { return c.do(ctx, http.MethodGet, path, q, nil, &page) }); err != nil {
			return nil, fmt.Errorf("list %s page %d: %w", path, pageNumber, err)
		}
		for _, o := range page.Entities {
			if o.State != "deleted" {
				all = append(all, o)
			}
		}
		if pageNumber >= page.PageCount {
			return all, nil
		}
	}
}

// total reads a collection's total from a one-object page (a cheap progress probe).
func (c *apiClient) total(ctx context.Context, path string) (int, error) {
	var page struct {
		Total int `json:"total"`
	}
	err := c.do(ctx, http.MethodGet, path, url.Values{"pageSize": {"1"}}, nil, &page)
	return page.Total, err
}

// retryRateLimited runs fn again while the org answers 429 (the suite's own reads share the
// org's per-token budget with nothing, but a probe loop can spend it).
func (c *apiClient) retryRateLimited(ctx context.Context, fn func() error) error {
	for {
		err := fn()
		if !isStatus(err, http.StatusTooManyRequests) {
			return err
		}
		select {
		case <-ctx.Done():
			return err
		case <-time.After(time.Second):
		}
	}
}

// setLatency injects latency into every API request of the org (admin surface).
func setLatency(ctx context.Context, baseURL, adminKey string, latency time.Duration) error {
	body := fmt.Sprintf(`{"latencyMs":%d}`, latency.Milliseconds())
	req, err := http.NewRequestWithContext(ctx, http.MethodPut, strings.TrimRight(baseURL, "/")+"/admin/faults", strings.NewReader(body))
	if err != nil {
		return err
	}
	req.Header.Set("X-Cx-Admin-Key", adminKey)
	req.Header.Set("Content-Type", "application/json")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return fmt.Errorf("set latency: %w", err)
	}
	defer resp.Body.Close()
	if resp.StatusCode/100 != 2 {
		b, _ := io.ReadAll(resp.Body)
		return fmt.Errorf("set latency: %s: %s", resp.Status, b)
	}
	return nil
}
