package orgserver

import (
	"encoding/json"
	"net/http"
	"strings"
	"testing"
	"time"
)

// login posts one client-credentials grant and returns the status, the OAuth body and the
// Retry-After header.
func login(t *testing.T, ts *TestServer, c Credential) (int, map[string]any, string) {
	t.Helper()
	req, _ := http.NewRequest("POST", ts.URL+"/oauth/token", strings.NewReader("grant_type=client_credentials"))
	req.SetBasicAuth(c.ClientID, c.ClientSecret)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	m := map[string]any{}
	if err := json.NewDecoder(resp.Body).Decode(&m); err != nil {
		t.Fatalf("token answer is not JSON: %v", err)
	}
	return resp.StatusCode, m, resp.Header.Get("Retry-After")
}

// The token endpoint had no limit of its own. It now counts logins per client, apart from
// the API budget of the tokens it issues, and answers as a real org does.
func TestTokenEndpointHasItsOwnLimit(t *testing.T) {
	t.Parallel()
	const window = 2 * time.Second // long enough that a loaded machine stays inside it for four logins
	ts := NewTestServer(t, WithConfig(Config{TokenRateLimitPerMinute: 3, RateLimitPerMinute: 5, RateLimitWindow: window}))
	deploy, reader := ts.Credential(t, "dev", "deploy"), ts.Credential(t, "dev", "readonly")
	var token string
	for i := range 3 {
		st, m, _ := login(t, ts, deploy)
		if st != 200 {
			t.Fatalf("login %d: status %d %v, want 200", i+1, st, m)
		}
		token = m["access_token"].(string)
	}
	st, m, retry := login(t, ts, deploy)
	desc, _ := m["error_description"].(string)
	if st != 400 || m["error"] != "invalid_request" || !strings.HasPrefix(desc, "rate limit exceeded;") || m["description"] != desc {
		t.Errorf("login over the budget: %d %v, want 400 invalid_request \"rate limit exceeded; …\"", st, m)
	}
	if retry == "" || retry == "0" {
		t.Errorf("login over the budget: Retry-After %q, want whole seconds", retry)
	}
	// Another client of the org has a budget of its own.
	if st, m, _ := login(t, ts, reader); st != 200 {
		t.Errorf("another client's login: %d %v, want 200", st, m)
	}
	// Logins did not spend the API budget of the token: it still has all 5 calls.
	c := &rawClient{t: t, base: ts.URL, token: token}
	for range 5 {
		c.must(200, "GET", "/api/v2/tokens/me", nil)
	}
	// The window turns over and the client logs in again.
	deadline := time.Now().Add(10 * window)
	for {
		st, _, _ := login(t, ts, deploy)
		if st == 200 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("login still refused %v after the window", 10*window)
		}
		time.Sleep(window / 10)
	}
}

// Off by default: tests and cx log in as often as they like.
func TestTokenEndpointUnlimitedByDefault(t *testing.T) {
	t.Parallel()
	ts := NewTestServer(t)
	deploy := ts.Credential(t, "dev", "deploy")
	for i := range 30 {
		if st, m, _ := login(t, ts, deploy); st != 200 {
			t.Fatalf("login %d: %d %v", i+1, st, m)
		}
	}
}
