package provider

import (
	"context"
	"fmt"

	"github.com/cxascode/cxascode/internal/platform"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
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

func (d *singleObjectDataSource[T]) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	obj, err := d.read(ctx, d.client)
	if err != nil {
		addAPIError(&resp.Diagnostics, nil, "Could not read "+d.what, err)
		return
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, d.state(obj))...)
	d.checkConfigured(ctx, req.Config, resp)
}

// checkConfigured compares what the configuration sets (attributes the official schema marks
// optional) with what was read: the object is not chosen by them, so a configured value is
// an expectation, and one the org does not meet fails the read instead of being overwritten.
func (d *singleObjectDataSource[T]) checkConfigured(ctx context.Context, cfg tfsdk.Config, resp *datasource.ReadResponse) {
	for name, a := range d.schema.Attributes {
		if !a.IsOptional() {
			continue
		}
		var want, got attr.Value
		resp.Diagnostics.Append(cfg.GetAttribute(ctx, path.Root(name), &want)...)
		resp.Diagnostics.Append(resp.State.GetAttribute(ctx, path.Root(name), &got)...)
		if want == nil || want.IsNull() || want.IsUnknown() || got == nil || want.Equal(got) {
			continue
		}
		resp.Diagnostics.AddAttributeError(path.Root(name), "Unexpected "+name,
			fmt.Sprintf("The configuration expects %s to be %s, but %s has %s.", name, want, d.what, got))
	}
}
