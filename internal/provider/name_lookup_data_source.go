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

// awaitMatch asks find until it finds something or timeout passes, since a real org lists a
// new object only after a delay. ok is false when nothing matched in time; err is set only
// when a call failed (or the wait was cancelled), not for "nothing yet".
func awaitMatch[T any](ctx context.Context, timeout time.Duration, find func(context.Context) (T, bool, error)) (found T, ok bool, err error) {
	errNone := errors.New("no match yet")
	err = poll(ctx, timeout, func(ctx context.Context) (bool, error) {
		obj, match, err := find(ctx)
		if err != nil {
			return false, permanent(err)
		}
		if !match {
			return false, errNone
		}
		found, ok = obj, true
		return true, nil
	})
	if ok || errors.Is(err, errNone) {
		return found, ok, nil
	}
	return found, false, err
}

// noMatchDetail explains a lookup that found nothing: the object's what (a noun, "DID pool")
// has no exact match for key ("name", "range") after waiting lookupTimeout.
func noMatchDetail(what, key string) string {
	return fmt.Sprintf("No %s has exactly this %s (waited %s for it to appear). Check the spelling and the org the provider is configured for.", what, key, lookupTimeout)
}

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
	found, ok, err := awaitMatch(ctx, lookupTimeout, func(ctx context.Context) (*T, bool, error) {
		obj, err := d.api(d.client).findByName(ctx, name)
		return obj, obj != nil, err
	})
	if err != nil {
		addAPIError(&resp.Diagnostics, nil, fmt.Sprintf("Could not look up %s %q", d.what, name), err)
		return
	}
	if !ok {
		resp.Diagnostics.AddAttributeError(path.Root("name"), fmt.Sprintf("No %s named %q", d.what, name), noMatchDetail(d.what, "name"))
		return
	}
	m.ID = types.StringValue(d.id(found))
	resp.Diagnostics.Append(resp.State.Set(ctx, m)...)
}
