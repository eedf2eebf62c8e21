package provider

import (
	"context"
	"fmt"
	"net/url"
	"strings"

	"github.com/cxascode/cxascode/internal/kinds"
	"github.com/cxascode/cxascode/internal/platform"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	dsschema "github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// emailRouteDataSource finds a route by its domain and pattern, as the official one does. Its
// id is the route resource's (<domain id>/<route id>), which a reply address takes as well.
type emailRouteDataSource struct{ dataSourceBase }

type emailRouteLookupModel struct {
	ID       types.String `tfsdk:"id"`
	DomainID types.String `tfsdk:"domain_id"`
	Pattern  types.String `tfsdk:"pattern"`
}

func newEmailRouteDataSource() datasource.DataSource {
	return &emailRouteDataSource{dataSourceBase{typeSuffix: "_routing_email_route"}}
}

func (d *emailRouteDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = dsschema.Schema{
		Description: "Looks up an email route by its domain and pattern.",
		Attributes: map[string]dsschema.Attribute{
			"id":        dsschema.StringAttribute{Computed: true, Description: "The route's id, `<domain id>/<route id>` as the resource has it."},
			"domain_id": dsschema.StringAttribute{Required: true, Description: "Id of the email domain (its domain name)."},
			"pattern":   dsschema.StringAttribute{Required: true, Description: "The route's address pattern."},
		},
	}
}

func (d *emailRouteDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	routes := kinds.Genesys().Named(kinds.EmailRoute)
	readLookup(ctx, req, resp, lookup[emailRouteLookupModel, string]{
		find: func(ctx context.Context, m *emailRouteLookupModel) (string, bool, error) {
			domain := m.DomainID.ValueString()
			found, err := platform.ListAll[emailRoute](ctx, d.client, routes.API.CollectionOf(domain),
				url.Values{"pattern": {m.Pattern.ValueString()}}, routes.API.PageSize())
			if err != nil {
				return "", false, err
			}
			for _, r := range found {
				if strings.EqualFold(r.Pattern, m.Pattern.ValueString()) {
					return kinds.ChildID(domain, r.ID), true, nil
				}
			}
			return "", false, nil
		},
		describe: func(m *emailRouteLookupModel) string { return "email route " + m.label() },
		notFound: func(m *emailRouteLookupModel, diags *diag.Diagnostics) {
			diags.AddAttributeError(path.Root("pattern"), "No email route "+m.label(), noMatchDetail("email route of the domain", "pattern"))
		},
		found: func(m *emailRouteLookupModel, id string, _ *diag.Diagnostics) { m.ID = types.StringValue(id) },
	})
}

// label names the route by its pattern and domain, e.g. "help" of support.example.com.
func (m *emailRouteLookupModel) label() string {
	return fmt.Sprintf("%q of %s", m.Pattern.ValueString(), m.DomainID.ValueString())
}
