package provider

import (
	"context"
	"testing"

	"github.com/cxascode/cxascode/internal/kinds"
	"github.com/hashicorp/terraform-plugin-framework/resource"
)

// The catalogue says which kinds' resources have a description attribute (cx check asks for
// one where there is one): every resource the provider serves agrees with it.
func TestCatalogueKnowsWhichResourcesHaveADescription(t *testing.T) {
	ctx := context.Background()
	p := &genesysProvider{}
	for _, newResource := range p.Resources(ctx) {
		r := newResource()
		var meta resource.MetadataResponse
		r.Metadata(ctx, resource.MetadataRequest{ProviderTypeName: "genesyscloud"}, &meta)
		k := kinds.Genesys().ByResource(meta.TypeName)
		if k == nil {
			continue
		}
		var s resource.SchemaResponse
		r.Schema(ctx, resource.SchemaRequest{}, &s)
		_, has := s.Schema.Attributes["description"]
		if has != k.Describable() {
			t.Errorf("%s: the schema has a description attribute: %v; the catalogue says %v (set HasDescription)", meta.TypeName, has, k.Describable())
		}
	}
}
