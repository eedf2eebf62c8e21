package platform_test

import (
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/cxascode/cxascode/internal/orgserver"
)

// A token endpoint over its own limit answers 400 invalid_request "rate limit exceeded; …"
// with Retry-After; the client waits and logs in again instead of failing the call.
func TestLoginRetriesTheTokenEndpointsRateLimit(t *testing.T) {
	t.Parallel()
	ts := orgserver.NewTestServer(t, orgserver.WithConfig(orgserver.Config{TokenRateLimitPerMinute: 1, RateLimitWindow: 2 * time.Second}))
	cred := ts.Credential(t, "dev", "deploy")
	// Another process of the same client spends the window's one login.
	req, _ := http.NewRequest("POST", ts.URL+"/oauth/token", strings.NewReader("grant_type=client_credentials"))
	req.SetBasicAuth(cred.ClientID, cred.ClientSecret)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("first login: status %d", resp.StatusCode)
	}

	c, ct := newClient(t, ts, nil)
	if _, err := tokenMe(t.Context(), c); err != nil {
		t.Fatalf("call after the token endpoint's limit: %v, want the login retried", err)
	}
	if n := ct.tokenCalls.Load(); n < 2 {
		t.Errorf("%d login requests, want the refused one and its retry", n)
	}
}
