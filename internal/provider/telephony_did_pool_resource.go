package provider

import (
	"context"
	"fmt"
	"net/http"
	"time"

	"github.com/cxascode/cxascode/internal/platform"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	dsschema "github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

const didPoolsPath = "/api/v2/telephony/providers/edges/didpools"

// didPoolAPI is the API seam for DID pools. A pool has no name of its own (the org names
// it after its first number), so the start number stands in for the name when a lost
// create is looked up. DELETE answers 409 while an IVR still uses a number of the pool.
func didPoolAPI(c *platform.Client) entityAPI[platform.DIDPool] {
	api := seamFor(c, didPoolsPath, 30*time.Second, func(p *platform.DIDPool) *string { return p.StartPhoneNumber })
	api.softDeleted = func(p *platform.DIDPool) bool { return deref(p.State) == "deleted" }
	api.retryDelete = platform.IsConflict
	return api
}

type telephonyDidPoolResource struct {
	crudResource[telephonyDidPoolModel, platform.DIDPool]
}

type telephonyDidPoolModel struct {
	ID               types.String `tfsdk:"id"`
	StartPhoneNumber types.String `tfsdk:"start_phone_number"`
	EndPhoneNumber   types.String `tfsdk:"end_phone_number"`
	Description      types.String `tfsdk:"description"`
	Comments         types.String `tfsdk:"comments"`
	PoolProvider     types.String `tfsdk:"pool_provider"`
}

func newTelephonyDidPoolResource() resource.Resource {
	return &telephonyDidPoolResource{crudResource[telephonyDidPoolModel, platform.DIDPool]{
		resourceBase: resourceBase{typeSuffix: "_telephony_providers_edges_did_pool"}, what: "DID pool", api: didPoolAPI, errorAttr: "start_phone_number",
		deleteHint: "; an IVR outside this configuration may still use one of its numbers",
		id:         func(m *telephonyDidPoolModel) string { return m.ID.ValueString() },
		// A pool has no name: its range names it.
		label: func(m *telephonyDidPoolModel) string {
			return m.StartPhoneNumber.ValueString() + ".." + m.EndPhoneNumber.ValueString()
		},
		create: func(ctx context.Context, c *platform.Client, plan *telephonyDidPoolModel, _ *diag.Diagnostics) (*platform.DIDPool, error) {
			return didPoolAPI(c).create(ctx, plan.StartPhoneNumber.ValueString(), plan.request(0))
		},
		update: func(ctx context.Context, c *platform.Client, plan *telephonyDidPoolModel, _ *diag.Diagnostics) (*platform.DIDPool, error) {
			return writeVersioned(ctx, didPoolAPI(c), http.MethodPut, plan.ID.ValueString(),
				func(p *platform.DIDPool) int { return deref(p.Version) },
				func(v int) any { return plan.request(v) })
		},
		fromAPI: (*telephonyDidPoolModel).fromAPI,
	}}
}

func (r *telephonyDidPoolResource) Schema(_ context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema = schema.Schema{
		Description: "Genesys Cloud DID pool: a range of phone numbers that IVRs and users can be given.",
		Attributes: map[string]schema.Attribute{
			"id": idAttribute(),
			"start_phone_number": schema.StringAttribute{Required: true, Validators: e164Validators(),
				Description: "First number of the range, E.164 (e.g. `+13175550000`)."},
			"end_phone_number": schema.StringAttribute{Required: true, Validators: e164Validators(),
				Description: "Last number of the range, E.164, with as many digits as `start_phone_number`."},
			"description": schema.StringAttribute{Optional: true, Description: "Description of the pool."},
			"comments":    schema.StringAttribute{Optional: true, Description: "Comments on the pool."},
			"pool_provider": schema.StringAttribute{Optional: true, Computed: true,
				Description:   "Provider of the numbers: `PURE_CLOUD` or `PURE_CLOUD_VOICE`. When not set, the org decides and the value is left unmanaged.",
				Validators:    []validator.String{stringvalidator.OneOf("PURE_CLOUD", "PURE_CLOUD_VOICE")},
				PlanModifiers: []planmodifier.String{stringplanmodifier.UseStateForUnknown()}},
		},
	}
}

func (m telephonyDidPoolModel) request(version int) platform.DIDPool {
	in := platform.DIDPool{StartPhoneNumber: m.StartPhoneNumber.ValueStringPointer(), EndPhoneNumber: m.EndPhoneNumber.ValueStringPointer()}
	if isSet(m.Description) {
		in.Description = m.Description.ValueStringPointer()
	}
	if isSet(m.Comments) {
		in.Comments = m.Comments.ValueStringPointer()
	}
	if isSet(m.PoolProvider) {
		in.Provider = m.PoolProvider.ValueStringPointer()
	}
	if version > 0 {
		in.Version = &version
	}
	return in
}

func (m *telephonyDidPoolModel) fromAPI(p *platform.DIDPool) {
	m.ID = types.StringValue(deref(p.ID))
	m.StartPhoneNumber = types.StringValue(deref(p.StartPhoneNumber))
	m.EndPhoneNumber = types.StringValue(deref(p.EndPhoneNumber))
	m.Description = optionalString(p.Description, m.Description)
	m.Comments = optionalString(p.Comments, m.Comments)
	m.PoolProvider = stringOrNull(deref(p.Provider))
}

// telephonyDidPoolDataSource finds a pool by its exact range, as the official one does.
type telephonyDidPoolDataSource struct{ dataSourceBase }

type telephonyDidPoolLookupModel struct {
	ID               types.String `tfsdk:"id"`
	StartPhoneNumber types.String `tfsdk:"start_phone_number"`
	EndPhoneNumber   types.String `tfsdk:"end_phone_number"`
}

func newTelephonyDidPoolDataSource() datasource.DataSource {
	return &telephonyDidPoolDataSource{dataSourceBase{typeSuffix: "_telephony_providers_edges_did_pool"}}
}

func (d *telephonyDidPoolDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = dsschema.Schema{
		Description: "Looks up a DID pool by its first and last number.",
		Attributes: map[string]dsschema.Attribute{
			"id":                 dsschema.StringAttribute{Computed: true, Description: "The DID pool's GUID."},
			"start_phone_number": dsschema.StringAttribute{Required: true, Validators: e164Validators(), Description: "First number of the pool (E.164)."},
			"end_phone_number":   dsschema.StringAttribute{Required: true, Validators: e164Validators(), Description: "Last number of the pool (E.164)."},
		},
	}
}

func (d *telephonyDidPoolDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var m telephonyDidPoolLookupModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &m)...)
	if resp.Diagnostics.HasError() {
		return
	}
	start, end := m.StartPhoneNumber.ValueString(), m.EndPhoneNumber.ValueString()
	found, ok, err := awaitMatch(ctx, lookupTimeout, func(ctx context.Context) (string, bool, error) {
		// The pool list has no number filter; it is read whole, a page of 500 at a time.
		pools, err := platform.ListAll[platform.DIDPool](ctx, d.client, didPoolsPath, nil, 500)
		if err != nil {
			return "", false, err
		}
		for _, p := range pools {
			if deref(p.StartPhoneNumber) == start && deref(p.EndPhoneNumber) == end && deref(p.State) != "deleted" {
				return deref(p.ID), true, nil
			}
		}
		return "", false, nil
	})
	if err != nil {
		addAPIError(&resp.Diagnostics, nil, fmt.Sprintf("Could not look up DID pool %s..%s", start, end), err)
		return
	}
	if !ok {
		resp.Diagnostics.AddAttributeError(path.Root("start_phone_number"), fmt.Sprintf("No DID pool %s..%s", start, end),
			fmt.Sprintf("No DID pool has exactly this range (waited %s for it to appear). Check both numbers and the org the provider is configured for.", lookupTimeout))
		return
	}
	m.ID = types.StringValue(found)
	resp.Diagnostics.Append(resp.State.Set(ctx, m)...)
}
