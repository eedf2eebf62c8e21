// Package compat records which attributes of the official Genesys Cloud provider
// (mypurecloud/genesyscloud) cxascode supports, and renders that record with the provider's
// live schema into docs/compatibility.md.
//
// The official attribute lists are facts about the official provider (its schemas as summarised
// in the project's reference notes, §1.4 and §2; organizations_me from the official docs); the statuses are our decisions. The table is
// hand-written on purpose: a status is a promise a person makes, and compat_test.go holds the
// schema to it.
package compat

// Status is what cxascode does with an official attribute.
type Status string

// The statuses an official attribute can have.
const (
	// Supported: accepted and acted on as the official provider does.
	Supported Status = "supported"
	// AcceptedIgnored: accepted so that existing configurations keep working, but without
	// effect; Notes says why.
	AcceptedIgnored Status = "accepted-ignored"
	// NotYet: not in our schema yet; a configuration using it is rejected by OpenTofu.
	NotYet Status = "not-yet"
)

// Attribute is one official attribute. Nested block fields are written as dotted paths
// (media_settings_call.alerting_timeout_sec).
type Attribute struct {
	Path string
	// Type in the official provider: string, bool, int, float, duration, set(string),
	// map(string), "block list max1", ...
	Type   string
	Status Status
	Notes  string
}

// Extension is an attribute cxascode has and the official provider does not.
type Extension struct {
	Path  string
	Notes string
}

// Entry is the record for one resource, data source or the provider block.
type Entry struct {
	Kind Kind
	// Name is the full type name (genesyscloud_routing_queue); the provider block is ProviderName.
	Name       string
	Attributes []Attribute
	Extensions []Extension
}

// EnvVar is one environment variable the official provider reads for its configuration.
type EnvVar struct {
	Name string
	// Attribute is the provider attribute it stands in for ("" when there is none).
	Attribute string
	Status    Status
	Notes     string
}

func sup(path, typ string, notes ...string) Attribute {
	return Attribute{Path: path, Type: typ, Status: Supported, Notes: joinNotes(notes)}
}

func ign(path, typ, reason string) Attribute {
	return Attribute{Path: path, Type: typ, Status: AcceptedIgnored, Notes: reason}
}

func notYet(path, typ string, notes ...string) Attribute {
	return Attribute{Path: path, Type: typ, Status: NotYet, Notes: joinNotes(notes)}
}

func joinNotes(notes []string) string {
	out := ""
	for i, n := range notes {
		if i > 0 {
			out += " "
		}
		out += n
	}
	return out
}

// idAttr is the computed GUID every official resource and data source has.
func idAttr() Attribute { return sup("id", "string", "computed GUID") }

// Official returns the compatibility table: every resource and data source cxascode covers, and
// the provider block. It builds a new table on each call so that no caller can change another's.
func Official() []Entry {
	entries := []Entry{providerEntry()}
	entries = append(entries, resourceEntries()...)
	entries = append(entries, architectAndIntegrationEntries()...)
	entries = append(entries, regularKindResources()...)
	entries = append(entries, flowEntries()...)
	entries = append(entries, dataTableRowEntries()...)
	entries = append(entries, userPromptEntries()...)
	entries = append(entries, responseAssetEntries()...)
	entries = append(entries, scriptEntries()...)
	entries = append(entries, customAuthActionEntries()...)
	entries = append(entries, emailRouteEntries()...)
	entries = append(entries, queueSettingEntries()...)
	entries = append(entries, dataSourceEntries()...)
	entries = append(entries, architectAndIntegrationDataSources()...)
	return append(entries, regularKindDataSources()...)
}

const (
	ignoredPool  = "cxascode uses one OAuth token per provider and keeps to the org's rate limit instead of pooling tokens."
	ignoredDebug = "no SDK underneath; errors carry method, path, status and correlation id."
)

func providerEntry() Entry {
	return Entry{
		Kind: ProviderConfig,
		Name: ProviderName,
		Attributes: []Attribute{
			sup("oauthclient_id", "string", "client-credentials grant"),
			sup("oauthclient_secret", "string", "sensitive"),
			sup("access_token", "string", "used instead of client credentials, never refreshed; sensitive in cxascode too"),
			sup("aws_region", "string", "same region → domain map; ignored when a gateway is set"),
			ign("sdk_debug", "bool", ignoredDebug),
			ign("sdk_debug_format", "string", ignoredDebug+" Still validated (Text/Json)."),
			ign("sdk_debug_file_path", "string", ignoredDebug),
			ign("sdk_client_pool_debug", "bool", ignoredPool),
			ign("token_pool_size", "int", ignoredPool+" Still validated (1-50)."),
			ign("token_acquire_timeout", "duration", ignoredPool+" Still validated as a duration."),
			ign("token_init_timeout", "duration", ignoredPool+" Still validated as a duration."),
			ign("max_concurrent_pages", "int", "lists use the largest page size and a bulk-read cache instead. Still validated (1-75)."),
			ign("custom_retry_timeout", "duration", "state comes from the create response, so there is no read-after-write 404 to wait out. Still validated as a duration."),
			ign("log_stack_traces", "bool", "the provider does not recover panics into a file."),
			ign("log_stack_traces_file_path", "string", "the provider does not recover panics into a file."),
			sup("proxy", "block set max1"),
			sup("proxy.host", "string"),
			sup("proxy.port", "string"),
			sup("proxy.protocol", "string"),
			sup("proxy.auth", "block set max1"),
			sup("proxy.auth.username", "string"),
			sup("proxy.auth.password", "string", "sensitive in cxascode"),
			sup("gateway", "block set", "one serving `/oauth/token` and `/api/v2` (e.g. the cxascode local org); cxascode allows at most one block"),
			sup("gateway.host", "string"),
			sup("gateway.port", "string"),
			sup("gateway.protocol", "string", "http or https"),
			ign("gateway.path_params", "block set", "no path rewriting; a warning says so."),
			ign("gateway.path_params.path_name", "string", "see gateway.path_params"),
			ign("gateway.path_params.path_value", "string", "see gateway.path_params"),
			ign("gateway.auth", "block set max1", "no gateway authentication; a warning says so."),
			ign("gateway.auth.username", "string", "see gateway.auth"),
			ign("gateway.auth.password", "string", "see gateway.auth"),
		},
	}
}

// ProviderEnvVars lists the official provider's configuration environment variables and what
// cxascode does with each.
func ProviderEnvVars() []EnvVar {
	env := func(name, attr string, status Status, notes string) EnvVar {
		return EnvVar{Name: name, Attribute: attr, Status: status, Notes: notes}
	}
	return []EnvVar{
		env("GENESYSCLOUD_OAUTHCLIENT_ID", "oauthclient_id", Supported, ""),
		env("GENESYSCLOUD_OAUTHCLIENT_SECRET", "oauthclient_secret", Supported, ""),
		env("GENESYSCLOUD_ACCESS_TOKEN", "access_token", Supported, ""),
		env("GENESYSCLOUD_REGION", "aws_region", Supported, ""),
		env("GENESYSCLOUD_SDK_DEBUG", "sdk_debug", AcceptedIgnored, "not read"),
		env("GENESYSCLOUD_SDK_DEBUG_FORMAT", "sdk_debug_format", AcceptedIgnored, "not read"),
		env("GENESYSCLOUD_SDK_DEBUG_FILE_PATH", "sdk_debug_file_path", AcceptedIgnored, "not read"),
		env("GENESYSCLOUD_SDK_CLIENT_POOL_DEBUG", "sdk_client_pool_debug", AcceptedIgnored, "not read"),
		env("GENESYSCLOUD_TOKEN_POOL_SIZE", "token_pool_size", AcceptedIgnored, "not read"),
		env("GENESYSCLOUD_TOKEN_ACQUIRE_TIMEOUT", "token_acquire_timeout", AcceptedIgnored, "validated as a duration, otherwise unused"),
		env("GENESYSCLOUD_TOKEN_INIT_TIMEOUT", "token_init_timeout", AcceptedIgnored, "validated as a duration, otherwise unused"),
		env("GENESYSCLOUD_MAX_CONCURRENT_PAGES", "max_concurrent_pages", AcceptedIgnored, "not read"),
		env("GENESYSCLOUD_CUSTOM_RETRY_TIMEOUT", "custom_retry_timeout", AcceptedIgnored, "validated as a duration, otherwise unused"),
		env("GENESYSCLOUD_LOG_STACK_TRACES", "log_stack_traces", AcceptedIgnored, "not read"),
		env("GENESYSCLOUD_LOG_STACK_TRACES_FILE_PATH", "log_stack_traces_file_path", AcceptedIgnored, "not read"),
		env("GENESYSCLOUD_PROXY_HOST", "proxy.host", Supported, ""),
		env("GENESYSCLOUD_PROXY_PORT", "proxy.port", Supported, ""),
		env("GENESYSCLOUD_PROXY_PROTOCOL", "proxy.protocol", Supported, ""),
		env("GENESYSCLOUD_PROXY_AUTH_USERNAME", "proxy.auth.username", Supported, "the official provider documents it for gateway.auth too; cxascode ignores gateway.auth"),
		env("GENESYSCLOUD_PROXY_AUTH_PASSWORD", "proxy.auth.password", Supported, "as GENESYSCLOUD_PROXY_AUTH_USERNAME"),
		env("GENESYSCLOUD_GATEWAY_HOST", "gateway.host", Supported, "with the other two, selects a gateway even without a gateway block"),
		env("GENESYSCLOUD_GATEWAY_PORT", "gateway.port", Supported, ""),
		env("GENESYSCLOUD_GATEWAY_PROTOCOL", "gateway.protocol", Supported, ""),
		env("GENESYSCLOUD_GATEWAY_PATH_NAME", "gateway.path_params.path_name", AcceptedIgnored, "not read"),
		env("GENESYSCLOUD_GATEWAY_PATH_VALUE", "gateway.path_params.path_value", AcceptedIgnored, "not read"),
	}
}

// ExtensionEnvVars are the environment variables only cxascode reads.
func ExtensionEnvVars() []EnvVar {
	return []EnvVar{
		{Name: "GENESYSCLOUD_RATE_LIMIT", Status: Supported, Notes: "requests per minute the client spends (default 300 on a real region, unlimited for a gateway; -1 = unlimited)"},
		{Name: "CX_PROVIDER_BULK_READ", Status: Supported, Notes: "`0` turns bulk reads off (one list call per type instead of one GET per object during refresh)"},
		{Name: "CX_PROVIDER_CACHE_DIR", Status: Supported, Notes: "where clean validations are remembered between runs (default: the user's cache directory; `off`: nowhere)"},
	}
}
