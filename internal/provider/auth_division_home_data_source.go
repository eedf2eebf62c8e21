package provider

import (
	"context"
	"net/http"

	"github.com/cxascode/cxascode/internal/kinds"
	"github.com/cxascode/cxascode/internal/platform"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
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

// newAuthDivisionHomeDataSource is genesyscloud_auth_division_home: the org's home division.
func newAuthDivisionHomeDataSource() datasource.DataSource {
	return &singleObjectDataSource{
		dataSourceBase: dataSourceBase{typeSuffix: "_auth_division_home"}, what: "the home division",
		description: "The org's home division.", path: kinds.Genesys().Named(kinds.Division).API.BuiltinPath,
		attributes: map[string]objectAttribute{
			"id":          {json: "id", typ: kinds.String, description: "Home division GUID."},
			"name":        {json: "name", typ: kinds.String, description: "Home division name."},
			"description": {json: "description", typ: kinds.String, description: "Home division description."},
		},
	}
}
