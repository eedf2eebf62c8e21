package provider

import (
	"context"
	"fmt"

	"github.com/cxascode/cxascode/internal/kinds"
	"github.com/cxascode/cxascode/internal/platform"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	dsschema "github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// telephonyExtensionPoolDataSource finds an extension pool by its exact range, as the
// official one does. The resource is the catalogue's generic one (kinds.ExtensionPool); a
// pool has no name of its own, so no by-name lookup can find it.
type telephonyExtensionPoolDataSource struct{ dataSourceBase }

type telephonyExtensionPoolLookupModel struct {
	ID          types.String `tfsdk:"id"`
	StartNumber types.String `tfsdk:"start_number"`
	EndNumber   types.String `tfsdk:"end_number"`
}

func newTelephonyExtensionPoolDataSource() datasource.DataSource {
	return &telephonyExtensionPoolDataSource{dataSourceBase{typeSuffix: "_telephony_providers_edges_extension_pool"}}
}

func (d *telephonyExtensionPoolDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = dsschema.Schema{
		Description: "Looks up an extension pool by its first and last number.",
		Attributes: map[string]dsschema.Attribute{
			"id":           dsschema.StringAttribute{Computed: true, Description: "The extension pool's GUID."},
			"start_number": dsschema.StringAttribute{Required: true, Description: "Starting number of the Extension Pool range."},
			"end_number":   dsschema.StringAttribute{Required: true, Description: "Ending number of the Extension Pool range."},
		},
	}
}

func (d *telephonyExtensionPoolDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	collection := kinds.Genesys().Named(kinds.ExtensionPool).API.Collection
	readLookup(ctx, req, resp, lookup[telephonyExtensionPoolLookupModel, string]{
		find: func(ctx context.Context, m *telephonyExtensionPoolLookupModel) (string, bool, error) {
			// The listing filters by one number a pool holds: the start number narrows it to
			// the pool that begins there (pools do not overlap), whose end must match too.
			pools, err := platform.ListAll[apiObject](ctx, d.client, collection, map[string][]string{"number": {m.StartNumber.ValueString()}}, 100)
			if err != nil {
				return "", false, err
			}
			for _, p := range pools {
				if p["startNumber"] == m.StartNumber.ValueString() && p["endNumber"] == m.EndNumber.ValueString() && p["state"] != "deleted" {
					id, _ := p["id"].(string)
					return id, true, nil
				}
			}
			return "", false, nil
		},
		describe: func(m *telephonyExtensionPoolLookupModel) string { return "extension pool " + m.rangeText() },
		notFound: func(m *telephonyExtensionPoolLookupModel, diags *diag.Diagnostics) {
			diags.AddAttributeError(path.Root("start_number"), "No extension pool "+m.rangeText(),
				fmt.Sprintf("No extension pool has exactly this range (waited %s for it to appear). Check both numbers and the org the provider is configured for.", lookupTimeout))
		},
		found: func(m *telephonyExtensionPoolLookupModel, id string, _ *diag.Diagnostics) {
			m.ID = types.StringValue(id)
		},
	})
}

// rangeText names the pool by its range, e.g. "1000..1999".
func (m *telephonyExtensionPoolLookupModel) rangeText() string {
	return m.StartNumber.ValueString() + ".." + m.EndNumber.ValueString()
}
