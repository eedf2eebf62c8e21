package provider

import (
	"context"

	"github.com/cxascode/cxascode/internal/platform"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
)

// singleObjectDataSource reads the one object of its kind an org has (the org itself, its
// home division): no arguments, every attribute computed from that object. T is the API
// model; state turns it into the data source's Terraform model.
type singleObjectDataSource[T any] struct {
	dataSourceBase
	// what names the object in messages, e.g. "the organization".
	what   string
	schema schema.Schema
	read   func(context.Context, *platform.Client) (*T, error)
	state  func(*T) any
}

func (d *singleObjectDataSource[T]) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = d.schema
}

func (d *singleObjectDataSource[T]) Read(ctx context.Context, _ datasource.ReadRequest, resp *datasource.ReadResponse) {
	obj, err := d.read(ctx, d.client)
	if err != nil {
		addAPIError(&resp.Diagnostics, nil, "Could not read "+d.what, err)
		return
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, d.state(obj))...)
}
