package orgserver

import (
	"strings"
	"testing"
)

// An email domain's id is the domain name the client sends (kinds.API.ChosenID); a
// Genesys-hosted subdomain is one label the org puts under its own mail domain.
func TestEmailDomainIDIsChosenByTheClient(t *testing.T) {
	_, c := parallelDevOrg(t)
	const domains = "/api/v2/routing/email/domains"

	own := c.must(200, "POST", domains, map[string]any{"id": "Support.Example.com",
		"mailFromSettings": map[string]any{"mailFromDomain": "mail.support.example.com"}})
	if own["id"] != "support.example.com" || own["name"] != "support.example.com" || own["selfUri"] != domains+"/support.example.com" {
		t.Errorf("created = %v, want the domain name (lower case) as id, name and path", own)
	}
	c.must(200, "GET", domains+"/support.example.com", nil)

	hosted := c.must(200, "POST", domains, map[string]any{"id": "acme", "subDomain": true})
	if hosted["id"] != "acme.mypurecloud.com" || hosted["subDomain"] != true {
		t.Errorf("created subdomain = %v, want id acme.mypurecloud.com", hosted)
	}

	for _, tc := range []struct {
		body   map[string]any
		status int
		text   string
	}{
		{map[string]any{}, 400, "[id] is required"},
		{map[string]any{"id": "localhost"}, 400, "[id] must be a domain name"},
		{map[string]any{"id": "bad_label.example.com"}, 400, "[id] must be a domain name"},
		{map[string]any{"id": "acme.example.com", "subDomain": true}, 400, "[id] must be a single label"},
		{map[string]any{"id": "support.example.com"}, 409, "exists already"},
		{map[string]any{"id": "ACME", "subDomain": true}, 409, "exists already"},
		{map[string]any{"id": "other.example.com", "customSMTPServer": map[string]any{"id": "no-such-integration"}}, 400, "customSMTPServer.id"},
	} {
		code := "bad.request"
		if tc.status == 409 {
			code = "general.conflict"
		}
		m := c.wantError(tc.status, code, "POST", domains, tc.body)
		if msg, _ := m["message"].(string); !strings.Contains(msg, tc.text) {
			t.Errorf("POST %v: message %q, want it to contain %q", tc.body, msg, tc.text)
		}
	}

	// The domain name is the id for good: a PATCH changes the settings only.
	got := c.must(200, "PATCH", domains+"/support.example.com", map[string]any{"id": "other.example.com",
		"mailFromSettings": map[string]any{"mailFromDomain": "bounce.support.example.com"}})
	if got["id"] != "support.example.com" || got["mailFromSettings"].(map[string]any)["mailFromDomain"] != "bounce.support.example.com" {
		t.Errorf("patched = %v", got)
	}
	// Once deleted, the name is free again.
	c.must(204, "DELETE", domains+"/support.example.com", nil)
	c.must(200, "POST", domains, map[string]any{"id": "support.example.com"})
}
