package provider

import (
	"context"
	"fmt"

	"github.com/cxascode/cxascode/internal/platform"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	dsschema "github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// didPoolsPath is the DID pool collection. The resource is the catalogue's generic one
// (kinds.DIDPool); the data source finds a pool by its exact range, which no by-name lookup
// can, so it is written here.
const didPoolsPath = "/api/v2/telephony/providers/edges/didpools"

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
	readLookup(ctx, req, resp, lookup[telephonyDidPoolLookupModel, string]{
		find: func(ctx context.Context, m *telephonyDidPoolLookupModel) (string, bool, error) {
			// The pool list has no number filter; it is read whole, a page of 500 at a time.
			pools, err := platform.ListAll[platform.DIDPool](ctx, d.client, didPoolsPath, nil, 500)
			if err != nil {
				return "", false, err
			}
			for _, p := range pools {
				if deref(p.StartPhoneNumber) == m.StartPhoneNumber.ValueString() && deref(p.EndPhoneNumber) == m.EndPhoneNumber.ValueString() && deref(p.State) != "deleted" {
					return deref(p.ID), true, nil
				}
			}
			return "", false, nil
		},
		describe: func(m *telephonyDidPoolLookupModel) string { return "DID pool " + m.rangeText() },
		notFound: func(m *telephonyDidPoolLookupModel, diags *diag.Diagnostics) {
			diags.AddAttributeError(path.Root("start_phone_number"), "No DID pool "+m.rangeText(),
				fmt.Sprintf("No DID pool has exactly this range (waited %s for it to appear). Check both numbers and the org the provider is configured for.", lookupTimeout))
		},
		found: func(m *telephonyDidPoolLookupModel, id string, _ *diag.Diagnostics) { m.ID = types.StringValue(id) },
	})
}

// rangeText names the pool by its range, e.g. "+13175550000..+13175550099".
func (m *telephonyDidPoolLookupModel) rangeText() string {
	return m.StartPhoneNumber.ValueString() + ".." + m.EndPhoneNumber.ValueString()
}
