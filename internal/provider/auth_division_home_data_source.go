package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// authDivisionHomeDataSource is genesyscloud_auth_division_home: the org's home division.
type authDivisionHomeDataSource struct{ dataSourceBase }

type authDivisionHomeModel struct {
	ID          types.String `tfsdk:"id"`
	Name        types.String `tfsdk:"name"`
	Description types.String `tfsdk:"description"`
}

func newAuthDivisionHomeDataSource() datasource.DataSource {
	return &authDivisionHomeDataSource{dataSourceBase{typeSuffix: "_auth_division_home"}}
}

func (d *authDivisionHomeDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = schema.Schema{
		Description: "The org's home division.",
		Attributes: map[string]schema.Attribute{
			"id":          schema.StringAttribute{Computed: true, Description: "Home division GUID."},
			"name":        schema.StringAttribute{Computed: true, Description: "Home division name."},
			"description": schema.StringAttribute{Computed: true, Description: "Home division description."},
		},
	}
}

func (d *authDivisionHomeDataSource) Read(ctx context.Context, _ datasource.ReadRequest, resp *datasource.ReadResponse) {
	home, err := homeDivision(ctx, d.client)
	if err != nil {
		addAPIError(&resp.Diagnostics, nil, "Could not read the home division", err)
		return
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, authDivisionHomeModel{
		ID:          types.StringValue(deref(home.ID)),
		Name:        types.StringValue(deref(home.Name)),
		Description: types.StringValue(deref(home.Description)),
	})...)
}
