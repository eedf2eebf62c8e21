package provider

import (
	"fmt"
	"net"
	"net/http"
	"net/url"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/cxascode/cxascode/internal/platform"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// Environment variables of the official provider (and one of ours, envRateLimit).
const (
	envClientID        = "GENESYSCLOUD_OAUTHCLIENT_ID"
	envClientSecret    = "GENESYSCLOUD_OAUTHCLIENT_SECRET"
	envAccessToken     = "GENESYSCLOUD_ACCESS_TOKEN"
	envRegion          = "GENESYSCLOUD_REGION"
	envGatewayHost     = "GENESYSCLOUD_GATEWAY_HOST"
	envGatewayPort     = "GENESYSCLOUD_GATEWAY_PORT"
	envGatewayProtocol = "GENESYSCLOUD_GATEWAY_PROTOCOL"
	envProxyHost       = "GENESYSCLOUD_PROXY_HOST"
	envProxyPort       = "GENESYSCLOUD_PROXY_PORT"
	envProxyProtocol   = "GENESYSCLOUD_PROXY_PROTOCOL"
	envProxyUser       = "GENESYSCLOUD_PROXY_AUTH_USERNAME"
	envProxyPassword   = "GENESYSCLOUD_PROXY_AUTH_PASSWORD"
	envRateLimit       = "GENESYSCLOUD_RATE_LIMIT"
	// envAuditContext carries "key=value; key=value" labels (e.g. cx's break-glass reason)
	// sent as the X-Cx-Audit-Context header on every API call; the cxascode local org copies
	// them into the context of each audit record the call writes. Real orgs ignore it.
	envAuditContext = "CX_AUDIT_CONTEXT"
)

// auditContextHeader is the header envAuditContext travels in.
const auditContextHeader = "X-Cx-Audit-Context"

// realOrgRatePerMinute is the per-token budget of real Genesys Cloud orgs.
const realOrgRatePerMinute = 300

// envLookup reads the process environment; tests pass their own lookup instead.
func envLookup(name string) (string, bool) { return os.LookupEnv(name) }

// clientConfig turns the provider block (with environment fallbacks, as the official provider
// has them) into the API client's configuration. Problems are reported against the attribute
// they come from.
func clientConfig(m providerModel, version string, getenv func(string) (string, bool)) (platform.Config, diag.Diagnostics) {
	var diags diag.Diagnostics
	str := func(v types.String, env string) string {
		if !v.IsNull() && !v.IsUnknown() {
			return v.ValueString()
		}
		if env == "" {
			return ""
		}
		s, _ := getenv(env)
		return strings.TrimSpace(s)
	}
	cfg := platform.Config{
		ClientID:     str(m.OAuthClientID, envClientID),
		ClientSecret: str(m.OAuthClientSecret, envClientSecret),
		AccessToken:  str(m.AccessToken, envAccessToken),
		UserAgent:    "cxascode-terraform-provider-genesyscloud/" + version,
	}
	if s, _ := getenv(envAuditContext); strings.TrimSpace(s) != "" {
		// One line only: a newline would end the header (and is refused by net/http).
		v := strings.Join(strings.Fields(s), " ")
		cfg.Headers = http.Header{auditContextHeader: {v}}
	}

	// Durations and the bounded integers are ignored, but a typo in the environment is still
	// worth an error: the same value would break the official provider.
	for _, d := range []struct {
		attr string
		v    types.String
		env  string
	}{
		{"token_acquire_timeout", m.TokenAcquireTimeout, "GENESYSCLOUD_TOKEN_ACQUIRE_TIMEOUT"},
		{"token_init_timeout", m.TokenInitTimeout, "GENESYSCLOUD_TOKEN_INIT_TIMEOUT"},
		{"custom_retry_timeout", m.CustomRetryTimeout, "GENESYSCLOUD_CUSTOM_RETRY_TIMEOUT"},
	} {
		if s := str(d.v, d.env); s != "" {
			if _, err := time.ParseDuration(s); err != nil {
				diags.AddAttributeError(path.Root(d.attr), "Invalid duration", fmt.Sprintf("%s (or %s) = %q: %v; use a Go duration such as 5m.", d.attr, d.env, s, err))
			}
		}
	}

	gw, gwSet, gwDiags := gatewayURL(m.Gateway, getenv)
	diags.Append(gwDiags...)
	switch {
	case gwSet:
		cfg.BaseURL = gw
	default:
		region := str(m.AWSRegion, envRegion)
		if region == "" {
			region = "us-east-1"
		}
		base, err := platform.BaseURLForRegion(region)
		if err != nil {
			diags.AddAttributeError(path.Root("aws_region"), "Unknown region", fmt.Sprintf("aws_region (or %s): %v", envRegion, err))
		}
		cfg.BaseURL = base
	}

	cfg.RateLimitPerMinute = realOrgRatePerMinute
	if gwSet {
		// A gateway is usually the local org, which has no limit unless it is told to: no
		// budget of our own before the first answer. Whatever the address, once the org
		// answers with inin-ratelimit-* headers the client paces by its fixed window.
		cfg.RateLimitPerMinute = -1
	}
	if s, ok := getenv(envRateLimit); ok && strings.TrimSpace(s) != "" {
		n, err := strconv.Atoi(strings.TrimSpace(s))
		if err != nil || n == 0 {
			diags.AddError("Invalid "+envRateLimit, fmt.Sprintf("%s = %q: want requests per minute (a positive integer) or -1 for unlimited.", envRateLimit, s))
		} else {
			cfg.RateLimitPerMinute = max(n, -1)
		}
	}

	proxy, proxyDiags := proxyClient(m.Proxy, getenv)
	diags.Append(proxyDiags...)
	cfg.HTTPClient = proxy

	if cfg.AccessToken == "" && (cfg.ClientID == "" || cfg.ClientSecret == "") {
		diags.AddError("No Genesys Cloud credentials",
			"Set oauthclient_id and oauthclient_secret (or "+envClientID+" and "+envClientSecret+"), or access_token (or "+envAccessToken+").")
	}
	return cfg, diags
}

// gatewayURL returns protocol://host[:port] of the gateway block, or of the GENESYSCLOUD_GATEWAY_*
// variables when no block is written; set is false when neither names a host.
func gatewayURL(blocks []gatewayModel, getenv func(string) (string, bool)) (base string, set bool, diags diag.Diagnostics) {
	var g gatewayModel
	if len(blocks) > 0 {
		g = blocks[0]
		if len(g.PathParams) > 0 {
			diags.AddAttributeWarning(path.Root("gateway"), "gateway.path_params is ignored",
				"cxascode sends /oauth/token and /api/v2 to protocol://host[:port] without path rewriting.")
		}
		if len(g.Auth) > 0 {
			diags.AddAttributeWarning(path.Root("gateway"), "gateway.auth is ignored",
				"cxascode authenticates to the API with the OAuth client only.")
		}
	}
	pick := func(v types.String, env string) string {
		if !v.IsNull() && !v.IsUnknown() {
			return strings.TrimSpace(v.ValueString())
		}
		s, _ := getenv(env)
		return strings.TrimSpace(s)
	}
	host, port, protocol := pick(g.Host, envGatewayHost), pick(g.Port, envGatewayPort), pick(g.Protocol, envGatewayProtocol)
	if host == "" {
		if len(blocks) > 0 {
			diags.AddAttributeError(path.Root("gateway"), "gateway.host is required",
				"Set host in the gateway block or "+envGatewayHost+".")
		}
		return "", false, diags
	}
	if protocol == "" {
		protocol = "https"
	}
	if protocol != "http" && protocol != "https" {
		diags.AddAttributeError(path.Root("gateway"), "Invalid gateway.protocol", fmt.Sprintf("protocol %q: use http or https.", protocol))
		return "", true, diags
	}
	hostport := host
	if port != "" {
		hostport = net.JoinHostPort(host, port)
	}
	return protocol + "://" + hostport, true, diags
}

// proxyClient builds an HTTP client that goes through the proxy block (or the
// GENESYSCLOUD_PROXY_* variables); nil means the client's default.
func proxyClient(blocks []proxyModel, getenv func(string) (string, bool)) (*http.Client, diag.Diagnostics) {
	var diags diag.Diagnostics
	var p proxyModel
	var a authModel
	if len(blocks) > 0 {
		p = blocks[0]
		if len(p.Auth) > 0 {
			a = p.Auth[0]
		}
	}
	pick := func(v types.String, env string) string {
		if !v.IsNull() && !v.IsUnknown() {
			return strings.TrimSpace(v.ValueString())
		}
		s, _ := getenv(env)
		return strings.TrimSpace(s)
	}
	host := pick(p.Host, envProxyHost)
	if host == "" {
		return nil, diags
	}
	protocol := pick(p.Protocol, envProxyProtocol)
	if protocol == "" {
		protocol = "http"
	}
	u := &url.URL{Scheme: protocol, Host: host}
	if port := pick(p.Port, envProxyPort); port != "" {
		u.Host = net.JoinHostPort(host, port)
	}
	if user := pick(a.Username, envProxyUser); user != "" {
		u.User = url.UserPassword(user, pick(a.Password, envProxyPassword))
	}
	tr := http.DefaultTransport.(*http.Transport).Clone()
	tr.Proxy = http.ProxyURL(u)
	// Same bounds as the platform client's default, so a hung proxy becomes a retryable timeout.
	tr.ResponseHeaderTimeout = 60 * time.Second
	return &http.Client{Transport: tr, Timeout: 2 * time.Minute}, diags
}

// regionValidator checks aws_region against the platform's region table at plan time.
func regionValidator() validator.String {
	return parseCheck("must be a Genesys Cloud region such as us-east-1", "Unknown region", platform.BaseURLForRegion,
		func(_ string, err error) string { return err.Error() })
}

// durationValidator checks that a string is a Go duration ("5m", "90s").
func durationValidator() validator.String {
	return parseCheck("must be a duration such as 5m or 90s", "Invalid duration", time.ParseDuration,
		func(value string, err error) string {
			return fmt.Sprintf("%q: %v; use a duration such as 5m.", value, err)
		})
}
