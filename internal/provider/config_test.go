package provider

import (
	"net/http"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

func TestClientConfig(t *testing.T) {
	creds := providerModel{OAuthClientID: types.StringValue("id"), OAuthClientSecret: types.StringValue("secret")}
	gateway := func(host, port, protocol string) []gatewayModel {
		return []gatewayModel{{proxyModel: proxyModel{Host: types.StringValue(host), Port: types.StringValue(port), Protocol: types.StringValue(protocol)}}}
	}
	tests := []struct {
		name      string
		model     providerModel
		env       map[string]string
		wantBase  string
		wantRate  int
		wantID    string
		wantError string
	}{
		{name: "default region", model: creds, wantBase: "https://api.mypurecloud.com", wantRate: 300, wantID: "id"},
		{name: "region attribute", model: with(creds, func(m *providerModel) { m.AWSRegion = types.StringValue("eu-west-1") }), wantBase: "https://api.mypurecloud.ie", wantRate: 300, wantID: "id"},
		{name: "region from env", model: creds, env: map[string]string{envRegion: "ap-southeast-2"}, wantBase: "https://api.mypurecloud.com.au", wantRate: 300, wantID: "id"},
		{name: "attribute wins over env", model: with(creds, func(m *providerModel) { m.AWSRegion = types.StringValue("us-west-2") }), env: map[string]string{envRegion: "eu-west-1"}, wantBase: "https://api.usw2.pure.cloud", wantRate: 300, wantID: "id"},
		{name: "unknown region", model: with(creds, func(m *providerModel) { m.AWSRegion = types.StringValue("mars-1") }), wantError: "Unknown region"},
		{name: "gateway with port", model: with(creds, func(m *providerModel) { m.Gateway = gateway("127.0.0.1", "8080", "http") }), wantBase: "http://127.0.0.1:8080", wantRate: -1, wantID: "id"},
		{name: "gateway without port", model: with(creds, func(m *providerModel) { m.Gateway = gateway("gw.example.com", "", "https") }), wantBase: "https://gw.example.com", wantRate: -1, wantID: "id"},
		{name: "gateway from env", model: creds, env: map[string]string{envGatewayHost: "localhost", envGatewayPort: "9000", envGatewayProtocol: "http"}, wantBase: "http://localhost:9000", wantRate: -1, wantID: "id"},
		{name: "gateway rate from env", model: with(creds, func(m *providerModel) { m.Gateway = gateway("127.0.0.1", "8080", "http") }), env: map[string]string{envRateLimit: "120"}, wantBase: "http://127.0.0.1:8080", wantRate: 120, wantID: "id"},
		{name: "region unlimited from env", model: creds, env: map[string]string{envRateLimit: "-1"}, wantBase: "https://api.mypurecloud.com", wantRate: -1, wantID: "id"},
		{name: "bad rate", model: creds, env: map[string]string{envRateLimit: "lots"}, wantError: envRateLimit},
		{name: "credentials from env", model: providerModel{}, env: map[string]string{envClientID: "env-id", envClientSecret: "env-secret"}, wantBase: "https://api.mypurecloud.com", wantRate: 300, wantID: "env-id"},
		{name: "access token only", model: providerModel{AccessToken: types.StringValue("tok")}, wantBase: "https://api.mypurecloud.com", wantRate: 300},
		{name: "no credentials", model: providerModel{}, wantError: "No Genesys Cloud credentials"},
		{name: "secret without id", model: providerModel{OAuthClientSecret: types.StringValue("s")}, wantError: "No Genesys Cloud credentials"},
		{name: "gateway without host", model: with(creds, func(m *providerModel) {
			m.Gateway = []gatewayModel{{proxyModel: proxyModel{Protocol: types.StringValue("http")}}}
		}), wantError: "gateway.host is required"},
		{name: "bad duration in env", model: creds, env: map[string]string{"GENESYSCLOUD_TOKEN_ACQUIRE_TIMEOUT": "5 minutes"}, wantError: "Invalid duration"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			getenv := func(k string) (string, bool) { v, ok := tt.env[k]; return v, ok }
			cfg, diags := clientConfig(tt.model, "1.2.3", getenv)
			if tt.wantError != "" {
				if !diags.HasError() || !strings.Contains(diagText(diags), tt.wantError) {
					t.Fatalf("want an error containing %q, got %v", tt.wantError, diags)
				}
				return
			}
			if diags.HasError() {
				t.Fatalf("unexpected errors: %v", diags)
			}
			if cfg.BaseURL != tt.wantBase || cfg.RateLimitPerMinute != tt.wantRate || cfg.ClientID != tt.wantID {
				t.Errorf("got base %q rate %d id %q; want %q %d %q", cfg.BaseURL, cfg.RateLimitPerMinute, cfg.ClientID, tt.wantBase, tt.wantRate, tt.wantID)
			}
			if !strings.Contains(cfg.UserAgent, "1.2.3") {
				t.Errorf("user agent %q lacks the version", cfg.UserAgent)
			}
		})
	}
}

func TestClientConfigIgnoredGatewayPartsWarn(t *testing.T) {
	m := providerModel{OAuthClientID: types.StringValue("id"), OAuthClientSecret: types.StringValue("s"), Gateway: []gatewayModel{{
		proxyModel: proxyModel{Host: types.StringValue("gw"), Port: types.StringNull(), Protocol: types.StringNull()},
		PathParams: []pathParamModel{{PathName: types.StringValue("api"), PathValue: types.StringValue("/x")}},
	}}}
	cfg, diags := clientConfig(m, "t", func(string) (string, bool) { return "", false })
	if diags.HasError() || diags.WarningsCount() != 1 {
		t.Fatalf("want one warning and no error, got %v", diags)
	}
	if cfg.BaseURL != "https://gw" {
		t.Errorf("base %q, want https://gw (protocol defaults to https)", cfg.BaseURL)
	}
}

func TestClientConfigProxy(t *testing.T) {
	m := providerModel{OAuthClientID: types.StringValue("id"), OAuthClientSecret: types.StringValue("s"), Proxy: []proxyModel{{
		Host: types.StringValue("proxy.corp"), Port: types.StringValue("3128"), Protocol: types.StringNull(),
		Auth: []authModel{{Username: types.StringValue("u"), Password: types.StringValue("p")}},
	}}}
	cfg, diags := clientConfig(m, "t", func(string) (string, bool) { return "", false })
	if diags.HasError() || cfg.HTTPClient == nil {
		t.Fatalf("want a proxying HTTP client, got %v %v", cfg.HTTPClient, diags)
	}
	req, _ := http.NewRequest(http.MethodGet, "https://api.mypurecloud.com/api/v2/routing/skills", nil)
	u, err := cfg.HTTPClient.Transport.(*http.Transport).Proxy(req)
	if err != nil || u.String() != "http://u:p@proxy.corp:3128" {
		t.Errorf("proxy URL %v (%v), want http://u:p@proxy.corp:3128", u, err)
	}
}

func with(m providerModel, f func(*providerModel)) providerModel {
	f(&m)
	return m
}

func diagText(diags diag.Diagnostics) string {
	var b strings.Builder
	for _, d := range diags {
		b.WriteString(d.Summary() + ": " + d.Detail() + "\n")
	}
	return b.String()
}

// TestClientConfigAuditContext checks that CX_AUDIT_CONTEXT becomes the audit header on one line.
func TestClientConfigAuditContext(t *testing.T) {
	m := providerModel{OAuthClientID: types.StringValue("id"), OAuthClientSecret: types.StringValue("s")}
	env := map[string]string{envAuditContext: "breakGlass=true; reason=INC-7\n  queue full"}
	cfg, diags := clientConfig(m, "t", func(k string) (string, bool) { v, ok := env[k]; return v, ok })
	if diags.HasError() {
		t.Fatal(diags)
	}
	if got := cfg.Headers.Get("X-Cx-Audit-Context"); got != "breakGlass=true; reason=INC-7 queue full" {
		t.Errorf("header %q", got)
	}
	cfg, _ = clientConfig(m, "t", func(string) (string, bool) { return "", false })
	if cfg.Headers != nil {
		t.Errorf("no CX_AUDIT_CONTEXT should send no header, got %v", cfg.Headers)
	}
}
