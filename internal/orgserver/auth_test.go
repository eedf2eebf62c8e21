package orgserver

import (
	"encoding/json"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"
)

func postToken(t *testing.T, base string, form url.Values, basicID, basicSecret string) (int, map[string]any) {
	t.Helper()
	req, _ := http.NewRequest("POST", base+"/oauth/token", strings.NewReader(form.Encode()))
	if basicID != "" {
		req.SetBasicAuth(basicID, basicSecret)
	}
	// No Content-Type on purpose: the JS SDK sends none and the form must still be read.
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	m := map[string]any{}
	json.NewDecoder(resp.Body).Decode(&m) //nolint:errcheck
	return resp.StatusCode, m
}

func TestOAuthToken(t *testing.T) {
	t.Parallel()
	ts := NewTestServer(t)
	c := ts.Credential(t, "dev", "deploy")
	grant := url.Values{"grant_type": {"client_credentials"}}

	status, m := postToken(t, ts.URL, grant, c.ClientID, c.ClientSecret)
	if status != 200 || m["access_token"] == "" || m["token_type"] != "bearer" || m["expires_in"].(float64) < 3600 {
		t.Errorf("basic auth grant: %d %v", status, m)
	}
	form := url.Values{"grant_type": {"client_credentials"}, "client_id": {c.ClientID}, "client_secret": {c.ClientSecret}}
	if status, m := postToken(t, ts.URL, form, "", ""); status != 200 || m["access_token"] == "" {
		t.Errorf("form-field grant: %d %v", status, m)
	}
	if status, m := postToken(t, ts.URL, grant, c.ClientID, "wrong"); status != 401 || m["error"] != "invalid_client" || m["error_description"] == "" {
		t.Errorf("bad secret: %d %v", status, m)
	}
	if status, m := postToken(t, ts.URL, url.Values{"grant_type": {"password"}}, c.ClientID, c.ClientSecret); status != 400 || m["error"] != "unsupported_grant_type" {
		t.Errorf("bad grant type: %d %v", status, m)
	}
}

func TestTokenAndOrganizationMe(t *testing.T) {
	t.Parallel()
	ts := NewTestServer(t)
	c := newRawClient(t, ts, "test", "readonly")
	me := c.must(200, "GET", "/api/v2/tokens/me", nil)
	if org := me["organization"].(map[string]any); org["name"] != "test" {
		t.Errorf("tokens/me organization = %v, want test", org)
	}
	if cl := me["OAuthClient"].(map[string]any); cl["name"] != "readonly" || cl["authorizedGrantType"] != "CLIENT-CREDENTIALS" {
		t.Errorf("tokens/me OAuthClient = %v", cl)
	}
	org := c.must(200, "GET", "/api/v2/organizations/me", nil)
	if org["name"] != "test" || org["defaultCountryCode"] != "US" {
		t.Errorf("organizations/me = %v", org)
	}
	if _, isInt := org["version"].(float64); !isInt {
		t.Errorf("organization version is not a number: %v", org["version"])
	}
	c.wantError(404, "not.found", "GET", "/api/v2/no/such/api", nil)
	(&rawClient{t: t, base: ts.URL}).wantError(401, "authentication.required", "GET", "/api/v2/no/such/api", nil)
}

func TestExpiredToken(t *testing.T) {
	t.Parallel()
	ts := NewTestServer(t, WithConfig(Config{TokenTTL: time.Second}))
	c := newRawClient(t, ts, "dev", "deploy")
	deadline := time.Now().Add(5 * time.Second)
	for {
		r := c.do("GET", "/api/v2/routing/skills", nil)
		if r.Status == 401 {
			c.wantError(401, "credentials.expired", "GET", "/api/v2/routing/skills", nil)
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("token still accepted %v after a 1s lifetime", 5*time.Second)
		}
		time.Sleep(100 * time.Millisecond)
	}
}

func TestHealthz(t *testing.T) {
	t.Parallel()
	ts := NewTestServer(t)
	resp, err := http.Get(ts.URL + "/healthz")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != 200 {
		t.Errorf("healthz: %d", resp.StatusCode)
	}
}

// Two logins of one client in the same second get two different tokens, each valid: a
// token is a budget and an identity of its own, never shared by accident.
func TestTokensAreUniquePerLogin(t *testing.T) {
	t.Parallel()
	ts := NewTestServer(t)
	a, b := newRawClient(t, ts, "dev", "deploy"), newRawClient(t, ts, "dev", "deploy")
	if a.token == b.token {
		t.Fatal("two logins of dev/deploy got the same token")
	}
	a.must(200, "GET", "/api/v2/tokens/me", nil)
	b.must(200, "GET", "/api/v2/tokens/me", nil)
}

// An update of the organization records the properties it changed and no others (the
// record once carried no new state, so it listed every property as removed).
func TestOrganizationUpdateAuditsItsChanges(t *testing.T) {
	ts, c := parallelDevOrg(t)
	org := c.must(200, "GET", "/api/v2/organizations/me", nil)
	c.must(200, "PUT", "/api/v2/organizations/me", map[string]any{"supportURI": "https://help.example.com", "version": org["version"]})
	ms := routingAudits(t, ts, "dev", "AuthOrganization")
	if len(ms) != 1 || len(ms[0].PropertyChanges) != 1 || *ms[0].PropertyChanges[0].Property != "supportURI" {
		t.Fatalf("organization update audits = %+v", ms)
	}
}
