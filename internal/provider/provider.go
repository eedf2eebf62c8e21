// Package provider is the genesyscloud OpenTofu/Terraform provider on terraform-plugin-framework.
// Type names, attribute names, defaults and environment variables follow the official Genesys
// provider so that existing configurations keep working; API access goes through internal/platform.
package provider

import (
	"context"
	"sync/atomic"

	"github.com/cxascode/cxascode/internal/kinds"
	"github.com/cxascode/cxascode/internal/platform"
	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework-validators/setvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/provider"
	"github.com/hashicorp/terraform-plugin-framework/provider/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// providerTypeName prefixes every resource and data source type name.
const providerTypeName = "genesyscloud"

// genesysProvider is the provider; version goes into the User-Agent.
type genesysProvider struct {
	version string
	// getenv is where the provider reads its environment variables: the process's, or what
	// the program hosting the provider in process hands it (WithEnv).
	getenv func(string) (string, bool)
	// listings are handed over in memory (WithListings), nil when not.
	listings *platform.Listings
	// memoDir is where clean validations are remembered (WithValidationMemo); "": nowhere.
	memoDir string
	// configured is what Configure made, for the protocol server's shortcuts (server.go).
	configured atomic.Pointer[providerData]
}

// Option configures a provider made by New.
type Option func(*genesysProvider)

// WithEnv makes the provider read its environment variables (credentials, endpoint, the
// CX_PROVIDER_* switches) through lookup instead of the process environment: a program that
// hosts the provider in process (cx export) gives it an environment of its own without
// touching the process's, which OpenTofu would otherwise set for a plugin it starts.
func WithEnv(lookup func(name string) (string, bool)) Option {
	return func(p *genesysProvider) { p.getenv = lookup }
}

// WithListings hands the provider listings of the org to answer reads from, as
// CX_PROVIDER_LISTINGS does with a file (bulk_cache.go), for a program that hosts the
// provider in process; the listings may still be being recorded: each is taken when a read
// first needs it.
func WithListings(l *platform.Listings) Option {
	return func(p *genesysProvider) { p.listings = l }
}

// New returns a constructor for the provider, as providerserver expects.
func New(version string, opts ...Option) func() provider.Provider {
	return func() provider.Provider {
		p := &genesysProvider{version: version, getenv: envLookup}
		for _, o := range opts {
			o(p)
		}
		return p
	}
}

// providerData is what Configure hands to every resource and data source.
type providerData struct {
	client *platform.Client
	// reads is this provider instance's bulk-read cache (nil when turned off); it is also
	// attached to client, which is how entityAPI finds it (see bulk_cache.go).
	reads *bulkReads
}

// providerModel is the provider block. Blocks are slices: each holds at most one element.
type providerModel struct {
	OAuthClientID          types.String   `tfsdk:"oauthclient_id"`
	OAuthClientSecret      types.String   `tfsdk:"oauthclient_secret"`
	AccessToken            types.String   `tfsdk:"access_token"`
	AWSRegion              types.String   `tfsdk:"aws_region"`
	SDKDebug               types.Bool     `tfsdk:"sdk_debug"`
	SDKDebugFormat         types.String   `tfsdk:"sdk_debug_format"`
	SDKDebugFilePath       types.String   `tfsdk:"sdk_debug_file_path"`
	SDKClientPoolDebug     types.Bool     `tfsdk:"sdk_client_pool_debug"`
	TokenPoolSize          types.Int64    `tfsdk:"token_pool_size"`
	TokenAcquireTimeout    types.String   `tfsdk:"token_acquire_timeout"`
	TokenInitTimeout       types.String   `tfsdk:"token_init_timeout"`
	MaxConcurrentPages     types.Int64    `tfsdk:"max_concurrent_pages"`
	CustomRetryTimeout     types.String   `tfsdk:"custom_retry_timeout"`
	LogStackTraces         types.Bool     `tfsdk:"log_stack_traces"`
	LogStackTracesFilePath types.String   `tfsdk:"log_stack_traces_file_path"`
	Proxy                  []proxyModel   `tfsdk:"proxy"`
	Gateway                []gatewayModel `tfsdk:"gateway"`
}

// proxyModel is a host the provider's calls go through, with its credentials: the proxy
// block, and the base of the gateway block.
type proxyModel struct {
	Host     types.String `tfsdk:"host"`
	Port     types.String `tfsdk:"port"`
	Protocol types.String `tfsdk:"protocol"`
	Auth     []authModel  `tfsdk:"auth"`
}

// gatewayModel is a proxy that also rewrites paths (accepted and ignored).
type gatewayModel struct {
	proxyModel
	PathParams []pathParamModel `tfsdk:"path_params"`
}

type pathParamModel struct {
	PathName  types.String `tfsdk:"path_name"`
	PathValue types.String `tfsdk:"path_value"`
}

type authModel struct {
	Username types.String `tfsdk:"username"`
	Password types.String `tfsdk:"password"`
}

func (p *genesysProvider) Metadata(_ context.Context, _ provider.MetadataRequest, resp *provider.MetadataResponse) {
	resp.TypeName = providerTypeName
	resp.Version = p.version
}

// ignored marks the description of an attribute that is accepted for compatibility only.
const ignored = " Accepted for compatibility with the official provider and ignored by cxascode."

func (p *genesysProvider) Schema(_ context.Context, _ provider.SchemaRequest, resp *provider.SchemaResponse) {
	durationValidators := []validator.String{durationValidator()}
	resp.Schema = schema.Schema{
		MarkdownDescription: "Genesys Cloud (cxascode). Configuration-compatible with `mypurecloud/genesyscloud`. " +
			"Extra environment variable: `" + envRateLimit + "` = requests per minute the client spends " +
			"(default 300 for a real region; unlimited (-1) for a `gateway`, e.g. the cxascode local org). " +
			"`" + envBulkRead + "=0` turns bulk reads off: by default, once a run reads a second object of a type, " +
			"the provider lists the whole type (500 per page) and answers further reads from that listing for up to a minute. " +
			"`" + envShortcuts + "=0` turns off the shortcuts of a no-op plan: by default, a plan that changes nothing is answered " +
			"without the plugin framework's per-attribute work, and a refresh whose object answers the API exactly as at its last " +
			"read keeps the state that read produced (a memo of that read is kept in the resource's private state). " +
			"`" + envCacheDir + "` = the directory (yours alone) where the provider remembers which configurations it validated " +
			"without a diagnostic, so the next run of the same provider build answers them without validating again (default " +
			"`cxascode/provider` in the user's cache directory; `off` keeps no memo, nor does `" + envShortcuts + "=0`). " +
			"`" + envLookupWait + "` = a Go duration (`0s`) that caps how long by-name data sources wait for their object to appear " +
			"(cx sets it for plans whose lookups may name objects that are only planned). " +
			"`" + envAuditContext + "` = `key=value; key=value` labels sent with every API call (header `" + auditContextHeader + "`); " +
			"the cxascode local org adds them to the context of each audit record the call writes " +
			"(`cx apply --break-glass --reason` sets `breakGlass=true; reason=…`).",
		Attributes: map[string]schema.Attribute{
			"oauthclient_id": schema.StringAttribute{
				Optional:    true,
				Description: "OAuthClient ID (client-credentials grant). Can be set with `" + envClientID + "`.",
			},
			"oauthclient_secret": schema.StringAttribute{
				Optional:    true,
				Sensitive:   true,
				Description: "OAuthClient secret. Can be set with `" + envClientSecret + "`.",
			},
			"access_token": schema.StringAttribute{
				Optional:    true,
				Sensitive:   true,
				Description: "A bearer token used instead of client credentials (never refreshed). Can be set with `" + envAccessToken + "`.",
			},
			"aws_region": schema.StringAttribute{
				Optional:    true,
				Description: "Region where the org exists, e.g. `us-east-1` (the default). Can be set with `" + envRegion + "`. Ignored when `gateway` is set.",
				Validators:  []validator.String{regionValidator()},
			},
			"sdk_debug": schema.BoolAttribute{
				Optional:    true,
				Description: "Log SDK requests and responses. Can be set with `GENESYSCLOUD_SDK_DEBUG`." + ignored,
			},
			"sdk_debug_format": schema.StringAttribute{
				Optional:    true,
				Description: "`Text` or `Json`. Can be set with `GENESYSCLOUD_SDK_DEBUG_FORMAT`." + ignored,
				Validators:  []validator.String{stringvalidator.OneOf("Text", "Json")},
			},
			"sdk_debug_file_path": schema.StringAttribute{
				Optional:    true,
				Description: "SDK debug log file. Can be set with `GENESYSCLOUD_SDK_DEBUG_FILE_PATH`." + ignored,
			},
			"sdk_client_pool_debug": schema.BoolAttribute{
				Optional:    true,
				Description: "Log client pool activity. Can be set with `GENESYSCLOUD_SDK_CLIENT_POOL_DEBUG`." + ignored,
			},
			"token_pool_size": schema.Int64Attribute{
				Optional: true,
				Description: "Number of OAuth tokens to pool (1-50). Can be set with `GENESYSCLOUD_TOKEN_POOL_SIZE`." + ignored +
					" cxascode uses one token and keeps to the org's rate limit instead.",
				Validators: []validator.Int64{int64validator.Between(1, 50)},
			},
			"token_acquire_timeout": schema.StringAttribute{
				Optional:    true,
				Description: "Wait for a pooled token (duration, default `5m`). Can be set with `GENESYSCLOUD_TOKEN_ACQUIRE_TIMEOUT`." + ignored,
				Validators:  durationValidators,
			},
			"token_init_timeout": schema.StringAttribute{
				Optional:    true,
				Description: "Wait for the token pool to fill (duration, default `10m`). Can be set with `GENESYSCLOUD_TOKEN_INIT_TIMEOUT`." + ignored,
				Validators:  durationValidators,
			},
			"max_concurrent_pages": schema.Int64Attribute{
				Optional:    true,
				Description: "Pages fetched concurrently (1-75). Can be set with `GENESYSCLOUD_MAX_CONCURRENT_PAGES`." + ignored,
				Validators:  []validator.Int64{int64validator.Between(1, 75)},
			},
			"custom_retry_timeout": schema.StringAttribute{
				Optional: true,
				Description: "Read-after-write 404 retry window (duration, default `5m`). Can be set with `GENESYSCLOUD_CUSTOM_RETRY_TIMEOUT`." + ignored +
					" cxascode takes state from the create response and drops an object from state on the first 404 of a refresh.",
				Validators: durationValidators,
			},
			"log_stack_traces": schema.BoolAttribute{
				Optional:    true,
				Description: "Write panics' stack traces to a file. Can be set with `GENESYSCLOUD_LOG_STACK_TRACES`." + ignored,
			},
			"log_stack_traces_file_path": schema.StringAttribute{
				Optional:    true,
				Description: "Stack trace file. Can be set with `GENESYSCLOUD_LOG_STACK_TRACES_FILE_PATH`." + ignored,
			},
		},
		Blocks: map[string]schema.Block{
			"proxy": schema.SetNestedBlock{
				Description: "HTTP proxy for all API calls: `protocol://[username:password@]host[:port]` (protocol defaults to `http`). " +
					"Environment: `" + envProxyHost + "`, `" + envProxyPort + "`, `" + envProxyProtocol + "`, `" + envProxyUser + "`, `" + envProxyPassword + "`.",
				Validators: []validator.Set{setvalidator.SizeAtMost(1)},
				NestedObject: schema.NestedBlockObject{
					Attributes: map[string]schema.Attribute{
						"host":     schema.StringAttribute{Optional: true, Description: "Proxy host."},
						"port":     schema.StringAttribute{Optional: true, Description: "Proxy port."},
						"protocol": schema.StringAttribute{Optional: true, Description: "Proxy protocol."},
					},
					Blocks: map[string]schema.Block{"auth": authBlock("Proxy credentials (basic auth).")},
				},
			},
			"gateway": schema.SetNestedBlock{
				Description: "An API gateway that serves both `/oauth/token` and `/api/v2` at `protocol://host[:port]` " +
					"(e.g. the cxascode local org). Environment: `" + envGatewayHost + "`, `" + envGatewayPort + "`, `" + envGatewayProtocol +
					"` (these alone also select a gateway when no block is written). `path_params` and `auth` are accepted and ignored, with a warning.",
				Validators: []validator.Set{setvalidator.SizeAtMost(1)},
				NestedObject: schema.NestedBlockObject{
					Attributes: map[string]schema.Attribute{
						"host":     schema.StringAttribute{Optional: true, Description: "Gateway host."},
						"port":     schema.StringAttribute{Optional: true, Description: "Gateway port; omitted from the URL when empty."},
						"protocol": schema.StringAttribute{Optional: true, Description: "`http` or `https` (default `https`).", Validators: []validator.String{stringvalidator.OneOf("http", "https")}},
					},
					Blocks: map[string]schema.Block{
						"path_params": schema.SetNestedBlock{
							Description: "Path rewriting for the gateway." + ignored,
							NestedObject: schema.NestedBlockObject{Attributes: map[string]schema.Attribute{
								"path_name":  schema.StringAttribute{Required: true, Description: "Path name."},
								"path_value": schema.StringAttribute{Required: true, Description: "Path value."},
							}},
						},
						"auth": authBlock("Credentials for the gateway." + ignored),
					},
				},
			},
		},
	}
}

func authBlock(description string) schema.SetNestedBlock {
	return schema.SetNestedBlock{
		Description: description,
		Validators:  []validator.Set{setvalidator.SizeAtMost(1)},
		NestedObject: schema.NestedBlockObject{Attributes: map[string]schema.Attribute{
			"username": schema.StringAttribute{Optional: true, Description: "User name."},
			"password": schema.StringAttribute{Optional: true, Sensitive: true, Description: "Password."},
		}},
	}
}

func (p *genesysProvider) Configure(ctx context.Context, req provider.ConfigureRequest, resp *provider.ConfigureResponse) {
	// Where the provider connects must be known before anything is planned: an unknown value
	// (e.g. a secret computed by another resource) would otherwise fall back to the environment.
	unknown := func(name string, v interface{ IsUnknown() bool }) {
		if v.IsUnknown() {
			resp.Diagnostics.AddAttributeError(path.Root(name), "Provider setting not known before apply",
				name+" depends on a value only known after apply, but the provider needs it to plan. Use a variable or the environment instead.")
		}
	}
	for _, name := range []string{"oauthclient_id", "oauthclient_secret", "access_token", "aws_region"} {
		var v types.String
		resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root(name), &v)...)
		unknown(name, v)
	}
	for _, name := range []string{"gateway", "proxy"} {
		var v types.Set
		resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root(name), &v)...)
		unknown(name, v)
	}
	if resp.Diagnostics.HasError() {
		return
	}
	var m providerModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &m)...)
	if resp.Diagnostics.HasError() {
		return
	}
	cfg, diags := clientConfig(m, p.version, p.getenv)
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	client, err := platform.New(cfg)
	if err != nil {
		resp.Diagnostics.AddError("Could not set up the Genesys Cloud client", err.Error())
		return
	}
	data := &providerData{client: client, reads: attachBulkReads(client, p.getenv)}
	if data.reads != nil {
		data.reads.handed = p.listings
	}
	if err := data.reads.takeHandedListings(p.getenv); err != nil {
		resp.Diagnostics.AddWarning("Could not use the listings cx handed over", err.Error()+"; objects are read from the org instead.")
	}
	resp.ResourceData = data
	resp.DataSourceData = data
	p.configured.Store(data)
}

// Resources lists every resource type this provider serves: the hand-written ones, then one
// generic resource per regular kind of the catalogue.
func (p *genesysProvider) Resources(context.Context) []func() resource.Resource {
	return append([]func() resource.Resource{
		newRoutingQueueResource,
		newUserResource,
		newGroupResource,
		newUserRolesResource,
		newGroupRolesResource,
		newRoutingSkillGroupResource,
		newIntegrationResource,
		newIntegrationActionResource,
		newCustomAuthActionResource,
		newFlowResource,
		newDataTableRowResource,
		newEmailRouteResource,
		newQueueOutboundEmailAddressResource,
		newQueueCGRoutingResource,
		newQueueCGActivationResource,
		newUserPromptResource,
		newResponseAssetResource,
		newScriptResource,
	}, kindResources(kinds.Genesys())...)
}

// DataSources lists every data source this provider serves: the hand-written ones, then the
// by-name lookup of every regular kind of the catalogue.
func (p *genesysProvider) DataSources(context.Context) []func() datasource.DataSource {
	return append([]func() datasource.DataSource{
		newAuthDivisionHomeDataSource,
		newOrganizationsMeDataSource,
		byName("_routing_queue", "queue", queueAPI),
		newUserPromptDataSource,
		newUserDataSource,
		// The group list has no name filter: the lookup pages through all groups.
		byName("_group", "group", groupAPI),
		byName("_routing_skill_group", "skill group", skillGroupAPI),
		newTelephonyDidPoolDataSource,
		newTelephonyExtensionPoolDataSource,
		newEmailRouteDataSource,
		byName("_integration", "integration", integrationAPI),
		newIntegrationActionDataSource,
		newCustomAuthActionDataSource,
		newFlowDataSource,
		byName("_responsemanagement_responseasset", "response asset", responseAssetAPI),
		byName("_script", "script", scriptAPI),
	}, kindDataSources(kinds.Genesys())...)
}
