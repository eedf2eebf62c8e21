package provider

import (
	"context"
	"fmt"
	"net/http"

	"github.com/cxascode/cxascode/internal/kinds"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// singleObjectDataSource reads the one object of its kind an org has (the org itself, its
// home division) at path: no arguments, every attribute computed from a key of the object's
// JSON, so each attribute is declared once, with where it is read from.
type singleObjectDataSource struct {
	dataSourceBase
	// what names the object in messages, e.g. "the organization".
	what        string
	description string
	path        string
	attributes  map[string]objectAttribute
}

// objectAttribute is one attribute of a singleObjectDataSource: the key of the object's JSON
// it reads (a string, number or bool; missing reads as the type's zero value), and whether
// the official schema marks it optional. A configuration may set an optional one, and then
// expects the object to have that value (checkConfigured).
type objectAttribute struct {
	json        string
	typ         kinds.FieldType // kinds.String, kinds.Int or kinds.Bool
	description string
	optional    bool
}

func (d *singleObjectDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	attrs := make(map[string]schema.Attribute, len(d.attributes))
	for name, a := range d.attributes {
		description := a.description
		if a.optional {
			description += " Optional: when set, the org must have this value."
		}
		switch a.typ {
		case kinds.Int:
			attrs[name] = schema.Int64Attribute{Optional: a.optional, Computed: true, Description: description}
		case kinds.Bool:
			attrs[name] = schema.BoolAttribute{Optional: a.optional, Computed: true, Description: description}
		default:
			attrs[name] = schema.StringAttribute{Optional: a.optional, Computed: true, Description: description}
		}
	}
	resp.Schema = schema.Schema{Description: d.description, Attributes: attrs}
}

func (d *singleObjectDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var obj map[string]any
	if err := d.client.Do(ctx, http.MethodGet, d.path, nil, nil, &obj); err != nil {
		addAPIError(&resp.Diagnostics, nil, "Could not read "+d.what, err)
		return
	}
	attrTypes := make(map[string]attr.Type, len(d.attributes))
	values := make(map[string]attr.Value, len(d.attributes))
	for name, a := range d.attributes {
		value, zero := scalarValue(a.typ, obj[a.json])
		if value == nil {
			value = zero
		}
		attrTypes[name], values[name] = value.Type(ctx), value
	}
	state, diags := types.ObjectValue(attrTypes, values)
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, state)...)
	d.checkConfigured(ctx, req.Config, resp)
}

// checkConfigured compares what the configuration sets (attributes the official schema marks
// optional) with what was read: the object is not chosen by them, so a configured value is
// an expectation, and one the org does not meet fails the read instead of being overwritten.
func (d *singleObjectDataSource) checkConfigured(ctx context.Context, cfg tfsdk.Config, resp *datasource.ReadResponse) {
	for name, a := range d.attributes {
		if !a.optional {
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
