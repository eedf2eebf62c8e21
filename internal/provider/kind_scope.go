package provider

import (
	"context"
	"fmt"
	"net/url"

	"github.com/cxascode/cxascode/internal/kinds"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// scopedAPI is api with the listing scope a request body names (kinds.API.Scope: a response's
// first library), so that a create whose answer was lost is looked for where the listing can
// answer it. Kinds without a scope get api as it is.
func scopedAPI(api entityAPI[apiObject], k *kinds.Kind, body apiObject) entityAPI[apiObject] {
	sc := k.API.Scope
	if sc == nil {
		return api
	}
	var first string
	switch v := kinds.Get(body, sc.JSON).(type) {
	case string:
		first = v
	case []any:
		if len(v) > 0 {
			first, _ = v[0].(string)
		}
	}
	api.listQuery = url.Values{sc.Param: {first}}
	return api
}

// kindLookupDataSource is the data source of a regular kind found by name together with
// further attributes (kinds.Kind.LookupBy), each narrowing the listing by its query
// parameter: a response in one library, a knowledge base by its core language. It answers
// the kind's LookupOutputs beside the id (a configuration's version). The embedded
// dataSourceBase gives it Metadata and Configure.
type kindLookupDataSource struct {
	dataSourceBase
	kind *kinds.Kind
}

func (d *kindLookupDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	attrs := map[string]schema.Attribute{
		"id":   schema.StringAttribute{Computed: true, Description: fmt.Sprintf("The %s's GUID.", d.kind.Noun)},
		"name": schema.StringAttribute{Required: true, Description: fmt.Sprintf("The %s's exact name.", d.kind.Noun)},
	}
	for _, p := range d.kind.LookupBy {
		attrs[p.Attr] = schema.StringAttribute{Required: true, Description: p.Description}
	}
	for _, out := range d.kind.LookupOutputs {
		description := ""
		if f := d.kind.Field(out); f != nil {
			description = f.Description
		}
		attrs[out] = schema.StringAttribute{Computed: true, Description: description}
	}
	resp.Schema = schema.Schema{Description: fmt.Sprintf("Looks up a %s by name.", d.kind.Noun), Attributes: attrs}
}

func (d *kindLookupDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	readLookup(ctx, req, resp, lookup[types.Object, apiObject]{
		find: func(ctx context.Context, m *types.Object) (apiObject, bool, error) {
			api := kindAPI(d.client, d.kind)
			api.listQuery = url.Values{}
			for _, p := range d.kind.LookupBy {
				if p.Param == kinds.ParentID {
					// A child kind is listed under its parent, whose id goes in the path.
					api.path = d.kind.API.CollectionOf(stringAttr(*m, p.Attr))
					continue
				}
				api.listQuery.Set(p.Param, stringAttr(*m, p.Attr))
			}
			obj, err := api.findByName(ctx, stringAttr(*m, "name"))
			if obj == nil {
				return nil, false, err
			}
			return *obj, true, err
		},
		describe: func(m *types.Object) string { return d.describe(*m) },
		notFound: func(m *types.Object, diags *diag.Diagnostics) {
			diags.AddAttributeError(path.Root("name"), "No "+d.describe(*m), noMatchDetail(d.kind.Noun, "name"))
		},
		found: func(m *types.Object, obj apiObject, diags *diag.Diagnostics) {
			attrs := m.Attributes()
			attrs["id"] = types.StringValue(objectID(obj))
			if f := d.kind.ParentField(); f != nil {
				// A child kind's object is named as its resource names it.
				attrs["id"] = types.StringValue(kinds.ChildID(stringAttr(*m, f.Attr), d.kind.OwnID(obj)))
			}
			for _, out := range d.kind.LookupOutputs {
				value := ""
				if f := d.kind.Field(out); f != nil {
					value, _ = kinds.Get(obj, f.JSON).(string)
				}
				attrs[out] = types.StringValue(value)
			}
			v, ds := types.ObjectValue(m.AttributeTypes(ctx), attrs)
			diags.Append(ds...)
			*m = v
		},
	})
}

// describe names what the configuration looks for: the name and every further attribute.
func (d *kindLookupDataSource) describe(m types.Object) string {
	out := fmt.Sprintf("%s named %q", d.kind.Noun, stringAttr(m, "name"))
	for _, p := range d.kind.LookupBy {
		out += fmt.Sprintf(" with %s %q", p.Attr, stringAttr(m, p.Attr))
	}
	return out
}

// stringAttr reads a string attribute of an object value ("" when unset).
func stringAttr(o types.Object, attr string) string {
	s, _ := o.Attributes()[attr].(types.String)
	return s.ValueString()
}

// kindLookupDataSourceFor is the data source constructor of a kind with LookupBy attributes.
func kindLookupDataSourceFor(k *kinds.Kind) func() datasource.DataSource {
	return func() datasource.DataSource {
		return &kindLookupDataSource{dataSourceBase: dataSourceBase{typeSuffix: typeSuffix(k.DataSource)}, kind: k}
	}
}
