package provider

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/cxascode/cxascode/internal/archy"
	"github.com/cxascode/cxascode/internal/platform"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// flowLookupTimeout is how long the data source waits for a flow to appear under its name
// (the official provider waits 30 s).
const flowLookupTimeout = 30 * time.Second

// flowDataSource finds a flow by name and, optionally, type.
type flowDataSource struct{ dataSourceBase }

type flowDataSourceModel struct {
	ID   types.String `tfsdk:"id"`
	Name types.String `tfsdk:"name"`
	Type types.String `tfsdk:"type"`
}

func newFlowDataSource() datasource.DataSource {
	return &flowDataSource{dataSourceBase{typeSuffix: "_flow"}}
}

func (d *flowDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	var flowTypeNames []string
	for _, t := range archy.FlowTypes() {
		flowTypeNames = append(flowTypeNames, strings.ToLower(archy.APIType(t)))
	}
	resp.Schema = schema.Schema{
		Description: "Looks up an Architect flow by name (and type, when several flows share the name).",
		Attributes: map[string]schema.Attribute{
			"id":   schema.StringAttribute{Computed: true, Description: "The flow's GUID."},
			"name": schema.StringAttribute{Required: true, Description: "The flow's name (compared ignoring case, as Architect does)."},
			"type": schema.StringAttribute{
				Optional:    true,
				Description: "The flow type, e.g. `inboundcall` (any case).",
				Validators:  []validator.String{stringvalidator.OneOfCaseInsensitive(flowTypeNames...)},
			},
		},
	}
}

func (d *flowDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	readLookup(ctx, req, resp, lookup[flowDataSourceModel, []platform.Flow]{
		timeout: flowLookupTimeout,
		find: func(ctx context.Context, m *flowDataSourceModel) ([]platform.Flow, bool, error) {
			flows, err := findFlows(ctx, d.client, m.Name.ValueString(), m.Type.ValueString())
			return flows, len(flows) > 0, err
		},
		describe: (*flowDataSourceModel).described,
		notFound: func(m *flowDataSourceModel, diags *diag.Diagnostics) {
			diags.AddAttributeError(path.Root("name"), "No "+m.described(),
				fmt.Sprintf("No flow has this name (waited %s for it to appear). Check the spelling, the type and the org the provider is configured for.", lookupWait(flowLookupTimeout)))
		},
		found: func(m *flowDataSourceModel, found []platform.Flow, diags *diag.Diagnostics) {
			if len(found) > 1 {
				var kinds []string
				for _, f := range found {
					kinds = append(kinds, strings.ToLower(deref(f.Type)))
				}
				diags.AddAttributeError(path.Root("type"), "Several flows named "+fmt.Sprintf("%q", m.Name.ValueString()),
					"Flows of these types have this name: "+strings.Join(kinds, ", ")+". Set type to choose one.")
				return
			}
			m.ID = types.StringValue(deref(found[0].ID))
		},
	})
}

// described names the flow looked for, with its type when given: `inboundcall flow "Main"`.
func (m *flowDataSourceModel) described() string {
	if typ := m.Type.ValueString(); typ != "" {
		return fmt.Sprintf("%s flow %q", strings.ToLower(typ), m.Name.ValueString())
	}
	return fmt.Sprintf("flow %q", m.Name.ValueString())
}
