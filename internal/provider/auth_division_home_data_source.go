package provider

import (
	"context"
	"net/http"

	"github.com/cxascode/cxascode/internal/kinds"
	"github.com/cxascode/cxascode/internal/platform"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// divisionsPath is the divisions collection, where users are moved between divisions too.
var divisionsPath = kinds.Genesys().Named(kinds.Division).API.Collection

// homeDivision reads the org's home division.
func homeDivision(ctx context.Context, c *platform.Client) (*platform.AuthzDivision, error) {
	var d platform.AuthzDivision
	if err := c.Do(ctx, http.MethodGet, kinds.Genesys().Named(kinds.Division).API.BuiltinPath, nil, nil, &d); err != nil {
		return nil, err
	}
	return &d, nil
}

type authDivisionHomeModel struct {
	ID          types.String `tfsdk:"id"`
	Name        types.String `tfsdk:"name"`
	Description types.String `tfsdk:"description"`
}

// newAuthDivisionHomeDataSource is genesyscloud_auth_division_home: the org's home division.
func newAuthDivisionHomeDataSource() datasource.DataSource {
	return &singleObjectDataSource[platform.AuthzDivision]{
		dataSourceBase: dataSourceBase{typeSuffix: "_auth_division_home"}, what: "the home division",
		schema: schema.Schema{
			Description: "The org's home division.",
			Attributes: map[string]schema.Attribute{
				"id":          schema.StringAttribute{Computed: true, Description: "Home division GUID."},
				"name":        schema.StringAttribute{Computed: true, Description: "Home division name."},
				"description": schema.StringAttribute{Computed: true, Description: "Home division description."},
			},
		},
		read: homeDivision,
		state: func(home *platform.AuthzDivision) any {
			return authDivisionHomeModel{
				ID:          types.StringValue(deref(home.ID)),
				Name:        types.StringValue(deref(home.Name)),
				Description: types.StringValue(deref(home.Description)),
			}
		},
	}
}
