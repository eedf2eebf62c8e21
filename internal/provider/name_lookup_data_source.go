package provider

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/cxascode/cxascode/internal/platform"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// lookupTimeout is how long a data source waits for an object to appear under its name:
// real orgs index new objects with a delay (the official provider waits 15 s as well).
const lookupTimeout = 15 * time.Second

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
	var m nameLookupModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &m)...)
	if resp.Diagnostics.HasError() {
		return
	}
	name := m.Name.ValueString()
	var found *T
	errNone := errors.New("no match yet")
	err := poll(ctx, lookupTimeout, func(ctx context.Context) (bool, error) {
		obj, err := d.api(d.client).findByName(ctx, name)
		if err != nil {
			return false, permanent(err)
		}
		found = obj
		if obj == nil {
			return false, errNone
		}
		return true, nil
	})
	if found == nil {
		if err != nil && !errors.Is(err, errNone) {
			addAPIError(&resp.Diagnostics, nil, fmt.Sprintf("Could not look up %s %q", d.what, name), err)
			return
		}
		resp.Diagnostics.AddAttributeError(path.Root("name"), fmt.Sprintf("No %s named %q", d.what, name),
			fmt.Sprintf("No %s has exactly this name (waited %s for it to appear). Check the spelling and the org the provider is configured for.", d.what, lookupTimeout))
		return
	}
	m.ID = types.StringValue(d.id(found))
	resp.Diagnostics.Append(resp.State.Set(ctx, m)...)
}
