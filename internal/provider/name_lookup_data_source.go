package provider

import (
	"context"
	"fmt"

	"github.com/cxascode/cxascode/internal/platform"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// The by-name data sources of the official provider: name in, id out.

func newAuthDivisionDataSource() datasource.DataSource {
	return &nameLookupDataSource[platform.AuthzDivision]{
		typeSuffix: "_auth_division", what: "division", api: divisionAPI,
		id: func(d *platform.AuthzDivision) string { return deref(d.ID) },
	}
}

func newRoutingQueueDataSource() datasource.DataSource {
	return &nameLookupDataSource[platform.Queue]{
		typeSuffix: "_routing_queue", what: "queue", api: queueAPI,
		id: func(q *platform.Queue) string { return deref(q.ID) },
	}
}

// nameLookupDataSource finds one object of type T by its exact name.
type nameLookupDataSource[T any] struct {
	clientHolder
	typeSuffix string
	what       string
	api        func(*platform.Client) entityAPI[T]
	id         func(*T) string
}

type nameLookupModel struct {
	ID   types.String `tfsdk:"id"`
	Name types.String `tfsdk:"name"`
}

func (d *nameLookupDataSource[T]) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + d.typeSuffix
}

func (d *nameLookupDataSource[T]) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = schema.Schema{
		Description: fmt.Sprintf("Looks up a %s by name.", d.what),
		Attributes: map[string]schema.Attribute{
			"id":   schema.StringAttribute{Computed: true, Description: fmt.Sprintf("The %s's GUID.", d.what)},
			"name": schema.StringAttribute{Required: true, Description: fmt.Sprintf("The %s's exact name.", d.what)},
		},
	}
}

func (d *nameLookupDataSource[T]) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	d.configureFrom(req.ProviderData, &resp.Diagnostics)
}

func (d *nameLookupDataSource[T]) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	readLookup(ctx, req, resp, lookup[nameLookupModel, *T]{
		find: func(ctx context.Context, m *nameLookupModel) (*T, bool, error) {
			obj, err := d.api(d.client).findByName(ctx, m.Name.ValueString())
			return obj, obj != nil, err
		},
		describe: func(m *nameLookupModel) string { return fmt.Sprintf("%s %q", d.what, m.Name.ValueString()) },
		notFound: func(m *nameLookupModel, diags *diag.Diagnostics) {
			diags.AddAttributeError(path.Root("name"), fmt.Sprintf("No %s named %q", d.what, m.Name.ValueString()), noMatchDetail(d.what, "name"))
		},
		found: func(m *nameLookupModel, obj *T, _ *diag.Diagnostics) { m.ID = types.StringValue(d.id(obj)) },
	})
}
