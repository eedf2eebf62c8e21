package backport

import (
	"context"
	"fmt"

	"github.com/cxascode/cxascode/internal/provider"
	"github.com/hashicorp/terraform-plugin-framework/providerserver"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
)

// schemas are the provider's resource schemas, read from the provider in process: they say
// which attributes a configuration may set (computed-only ones are skipped), which are
// nested blocks, and which optional attributes a generated block must write so that an
// import plans no change.
type schemas struct {
	resources map[string]*tfprotov6.Schema
}

// loadSchemas asks the provider (in process, no plugin started) for its schemas.
func loadSchemas(ctx context.Context) (*schemas, error) {
	srv := providerserver.NewProtocol6(provider.New("backport")())()
	resp, err := srv.GetProviderSchema(ctx, &tfprotov6.GetProviderSchemaRequest{})
	if err != nil {
		return nil, err
	}
	for _, d := range resp.Diagnostics {
		if d.Severity == tfprotov6.DiagnosticSeverityError {
			return nil, fmt.Errorf("provider schema: %s: %s", d.Summary, d.Detail)
		}
	}
	return &schemas{resources: resp.ResourceSchemas}, nil
}

// block returns the schema block of a resource type, or nil.
func (s *schemas) block(typ string) *tfprotov6.SchemaBlock {
	if s == nil || s.resources[typ] == nil {
		return nil
	}
	return s.resources[typ].Block
}

func attrOf(b *tfprotov6.SchemaBlock, name string) *tfprotov6.SchemaAttribute {
	if b == nil {
		return nil
	}
	for _, a := range b.Attributes {
		if a.Name == name {
			return a
		}
	}
	return nil
}

func nestedBlockOf(b *tfprotov6.SchemaBlock, name string) *tfprotov6.SchemaNestedBlock {
	if b == nil {
		return nil
	}
	for _, nb := range b.BlockTypes {
		if nb.TypeName == name {
			return nb
		}
	}
	return nil
}

// settable reports whether a configuration may write the attribute.
func settable(a *tfprotov6.SchemaAttribute) bool {
	return a != nil && (a.Required || a.Optional)
}
