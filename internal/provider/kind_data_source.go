package provider

import (
	"github.com/cxascode/cxascode/internal/kinds"
	"github.com/cxascode/cxascode/internal/platform"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
)

// kindDataSources returns the by-name data source (name in, id out) of every regular kind
// the official provider has one for: the same lookup the hand-written kinds use, over the
// kind's generic API seam. A nameless kind cannot be looked up by name: its data source, if
// the official provider has one, is hand-written.
func kindDataSources(c *kinds.Catalogue) []func() datasource.DataSource {
	var out []func() datasource.DataSource
	for _, k := range c.Where(func(k *kinds.Kind) bool { return k.Regular() && k.DataSource != "" && k.Names != kinds.NoName }) {
		if len(k.LookupBy) > 0 || len(k.LookupOutputs) > 0 {
			out = append(out, kindLookupDataSourceFor(k)) // kind_scope.go
			continue
		}
		out = append(out, func() datasource.DataSource {
			return &nameLookupDataSource[apiObject]{
				dataSourceBase: dataSourceBase{typeSuffix: typeSuffix(k.DataSource)},
				what:           k.Noun,
				api:            func(c *platform.Client) entityAPI[apiObject] { return kindAPI(c, k) },
				id:             func(o *apiObject) string { return objectID(*o) },
			}
		})
	}
	return out
}
