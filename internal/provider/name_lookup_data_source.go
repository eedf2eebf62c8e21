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

// byName is the by-name data source (name in, id out) of a hand-written kind whose API seam
// is api; what names the kind in messages.
func byName[T any](typeSuffix, what string, api func(*platform.Client) entityAPI[T]) func() datasource.DataSource {
	return func() datasource.DataSource {
		return &nameLookupDataSource[T]{dataSourceBase: dataSourceBase{typeSuffix: typeSuffix}, what: what, api: api}
	}
}

// nameLookupDataSource finds one object of type T by its exact name. The embedded
// dataSourceBase gives it Metadata and Configure.
type nameLookupDataSource[T any] struct {
	dataSourceBase
	what string
	api  func(*platform.Client) entityAPI[T]
	// id reads a found object's id; nil reads the "id" every API object carries.
	id func(*T) string
}

type nameLookupModel struct {
	ID   types.String `tfsdk:"id"`
	Name types.String `tfsdk:"name"`
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
		found: func(m *nameLookupModel, obj *T, _ *diag.Diagnostics) {
			id := d.api(d.client).idOf(obj)
			if d.id != nil {
				id = d.id(obj)
			}
			m.ID = types.StringValue(id)
		},
	})
}
