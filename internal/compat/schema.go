package compat

import (
	"context"
	"fmt"
	"sort"
	"strings"

	"github.com/cxascode/cxascode/internal/provider"
	"github.com/hashicorp/terraform-plugin-framework/providerserver"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

// OurAttribute is one attribute or block of the cxascode provider's schema, flattened to a path.
type OurAttribute struct {
	// Path joins block and nested-attribute names with dots, e.g. media_settings_call.alerting_timeout_sec.
	Path string
	// Type is the Terraform type in official-provider notation: string, bool, number,
	// set(string), "block list", "block set", ...
	Type     string
	Required bool
	Optional bool
	Computed bool
}

// OurSchemas is the cxascode provider's schema by kind and type name; the provider block is
// under ProviderConfig and the name "genesyscloud".
type OurSchemas map[Kind]map[string]map[string]OurAttribute

// ReadOurSchemas asks the provider for its schema the way OpenTofu does (GetProviderSchema over
// the protocol-6 server the framework builds), but in-process: the plugin-go types flatten
// resource, data source and provider schemas alike without reaching into framework internals.
func ReadOurSchemas(ctx context.Context) (OurSchemas, error) {
	server := providerserver.NewProtocol6(provider.New("dev")())()
	resp, err := server.GetProviderSchema(ctx, &tfprotov6.GetProviderSchemaRequest{})
	if err != nil {
		return nil, fmt.Errorf("get provider schema: %w", err)
	}
	for _, d := range resp.Diagnostics {
		if d.Severity == tfprotov6.DiagnosticSeverityError {
			return nil, fmt.Errorf("get provider schema: %s: %s", d.Summary, d.Detail)
		}
	}
	out := OurSchemas{ProviderConfig: {}, Resource: {}, DataSource: {}}
	out[ProviderConfig][ProviderName] = flatten(resp.Provider.Block)
	for name, s := range resp.ResourceSchemas {
		out[Resource][name] = flatten(s.Block)
	}
	for name, s := range resp.DataSourceSchemas {
		out[DataSource][name] = flatten(s.Block)
	}
	return out, nil
}

func flatten(b *tfprotov6.SchemaBlock) map[string]OurAttribute {
	out := map[string]OurAttribute{}
	walkBlock(out, "", b)
	return out
}

func walkBlock(out map[string]OurAttribute, prefix string, b *tfprotov6.SchemaBlock) {
	for _, a := range b.Attributes {
		p := prefix + a.Name
		if a.NestedType != nil {
			out[p] = OurAttribute{Path: p, Type: nestedTypeName(a.NestedType), Required: a.Required, Optional: a.Optional, Computed: a.Computed}
			walkObject(out, p+".", a.NestedType)
			continue
		}
		out[p] = OurAttribute{Path: p, Type: typeName(a.Type), Required: a.Required, Optional: a.Optional, Computed: a.Computed}
		walkElement(out, p+".", a.Type)
	}
	for _, nb := range b.BlockTypes {
		p := prefix + nb.TypeName
		t := "block " + strings.ToLower(strings.TrimPrefix(nb.Nesting.String(), "SchemaNestedBlockNestingMode"))
		if nb.MaxItems > 0 {
			t += fmt.Sprintf(" max%d", nb.MaxItems)
		}
		// A block is optional unless it demands items: a Terraform block cannot be "required" otherwise.
		out[p] = OurAttribute{Path: p, Type: t, Required: nb.MinItems > 0, Optional: nb.MinItems == 0}
		walkBlock(out, p+".", nb.Block)
	}
}

func walkObject(out map[string]OurAttribute, prefix string, o *tfprotov6.SchemaObject) {
	for _, a := range o.Attributes {
		p := prefix + a.Name
		if a.NestedType != nil {
			out[p] = OurAttribute{Path: p, Type: nestedTypeName(a.NestedType), Required: a.Required, Optional: a.Optional, Computed: a.Computed}
			walkObject(out, p+".", a.NestedType)
			continue
		}
		out[p] = OurAttribute{Path: p, Type: typeName(a.Type), Required: a.Required, Optional: a.Optional, Computed: a.Computed}
		walkElement(out, p+".", a.Type)
	}
}

// walkElement lists the fields of an object-typed attribute (or of a collection of objects),
// e.g. routing_skills.skill_id: the official provider writes such attributes as nested blocks,
// so their fields are part of the compatibility surface too.
func walkElement(out map[string]OurAttribute, prefix string, t tftypes.Type) {
	switch tt := t.(type) {
	case tftypes.List:
		walkElement(out, prefix, tt.ElementType)
	case tftypes.Set:
		walkElement(out, prefix, tt.ElementType)
	case tftypes.Map:
		walkElement(out, prefix, tt.ElementType)
	case tftypes.Object:
		for name, at := range tt.AttributeTypes {
			_, optional := tt.OptionalAttributes[name]
			out[prefix+name] = OurAttribute{Path: prefix + name, Type: typeName(at), Optional: optional, Required: !optional}
			walkElement(out, prefix+name+".", at)
		}
	}
}

func nestedTypeName(o *tfprotov6.SchemaObject) string {
	switch o.Nesting {
	case tfprotov6.SchemaObjectNestingModeList:
		return "list(object)"
	case tfprotov6.SchemaObjectNestingModeSet:
		return "set(object)"
	case tfprotov6.SchemaObjectNestingModeMap:
		return "map(object)"
	default:
		return "object"
	}
}

// typeName renders a Terraform type the way the official provider's docs do: string, bool,
// number, list(string), set(string), map(string), object.
func typeName(t tftypes.Type) string {
	switch {
	case t == nil:
		return "unknown"
	case t.Is(tftypes.String):
		return "string"
	case t.Is(tftypes.Bool):
		return "bool"
	case t.Is(tftypes.Number):
		return "number"
	case t.Is(tftypes.DynamicPseudoType):
		return "dynamic"
	}
	switch tt := t.(type) {
	case tftypes.List:
		return "list(" + typeName(tt.ElementType) + ")"
	case tftypes.Set:
		return "set(" + typeName(tt.ElementType) + ")"
	case tftypes.Map:
		return "map(" + typeName(tt.ElementType) + ")"
	case tftypes.Object:
		return "object"
	case tftypes.Tuple:
		return "tuple"
	}
	return t.String()
}

// sortedPaths returns the attribute paths of one schema in order.
func sortedPaths(m map[string]OurAttribute) []string {
	out := make([]string, 0, len(m))
	for p := range m {
		out = append(out, p)
	}
	sort.Strings(out)
	return out
}
