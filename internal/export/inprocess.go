package export

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"maps"
	"os"
	"slices"
	"strings"

	"github.com/cxascode/cxascode/internal/platform"
	"github.com/hashicorp/hcl/v2/hclwrite"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
	"github.com/zclconf/go-cty/cty"
	ctymsgpack "github.com/zclconf/go-cty/cty/msgpack"
)

// The in-process generation: cx hosts the provider itself — the same code OpenTofu would
// start as a plugin, served over the same protocol (tfprotov6) without a process or gRPC
// between — imports and reads every object as OpenTofu's plan does (ImportResourceState,
// then ReadResource of what it returned), and writes each resource block from the state read
// by OpenTofu's rules of configuration generation (genconfig.go). What OpenTofu spends on
// top — the import graph, and planning the configuration it has just generated, which an
// export throws away — is not spent.

// scratchImport is one object to import under its address in the scratch configuration.
type scratchImport struct {
	typ, label, id string
	// home is where the object goes, its address in its project (for errors).
	home string
}

// providerEnv is the environment the provider reads: what the program is given, under the
// org's credentials and endpoint and the export's switches, as OpenTofu gives a plugin it
// starts (the process environment with the variables it was told to set on top). The
// process environment itself is never changed.
func providerEnv(set map[string]string) func(string) (string, bool) {
	return func(name string) (string, bool) {
		if v, ok := set[name]; ok {
			return v, true
		}
		return os.LookupEnv(name)
	}
}

// generateInProcess imports every target with the provider in process and returns the
// scratch configuration — one resource block per target, under its scratch address — parsed
// and as text. ahead are the objects read ahead (nil: none; finished); the others are read
// now, with a provider whose environment is env on top of the process's, its reads answered
// from listings. imported is told of each object read.
func generateInProcess(ctx context.Context, env map[string]string, listings *platform.Listings, targets []scratchImport, ahead *providerReads,
	imported func(n int)) ([]*hclwrite.Block, []byte, error) {
	var reads []*providerReads
	var rest []object
	if ahead != nil {
		reads = append(reads, ahead)
	}
	for _, it := range targets {
		if ahead == nil || !ahead.covers(object{it.typ, it.id}) {
			rest = append(rest, object{it.typ, it.id})
		}
	}
	if len(rest) > 0 {
		now, err := startReads(ctx, env, listings)
		if err != nil {
			return nil, nil, err
		}
		defer now.stop()
		now.add(rest)
		now.finish()
		reads = append(reads, now)
	}
	for _, r := range reads {
		r.follow(imported)
	}
	for _, r := range reads {
		if err := r.wait(ctx); err != nil {
			return nil, nil, err
		}
	}
	blocks := make([]*hclwrite.Block, len(targets))
	texts := make([][]byte, len(targets))
	errs := make([]error, len(targets))
	for i, it := range targets {
		errs[i] = fmt.Errorf("import %s (id %q): not read", it.home, it.id)
		for _, r := range reads {
			if text, block, ok, err := r.result(object{it.typ, it.id}); ok {
				errs[i] = err
				if err != nil {
					errs[i] = fmt.Errorf("import %s (id %q): %w", it.home, it.id, err)
					break
				}
				// The parsed block takes its label as a block parsed from the kept file does
				// when export labels it (generate).
				texts[i] = labelled(text, it.typ, it.label)
				blocks[i] = block
				block.SetLabels([]string{it.typ, it.label})
				break
			}
		}
	}
	if err := ctx.Err(); err != nil {
		return nil, nil, err
	}
	if err := errors.Join(errs...); err != nil {
		return nil, nil, fmt.Errorf("generate the configuration: %w", err)
	}
	return blocks, bytes.Join(texts, []byte("\n")), nil
}

// configure configures the provider as OpenTofu does for a configuration without a provider
// block: every argument null, so the provider takes everything from its environment.
func configure(ctx context.Context, server tfprotov6.ProviderServer, schema *tfprotov6.Schema) error {
	ty := schema.Block.ValueType().(tftypes.Object)
	nulls := map[string]tftypes.Value{}
	for name, at := range ty.AttributeTypes {
		nulls[name] = tftypes.NewValue(at, nil)
	}
	config, err := tfprotov6.NewDynamicValue(ty, tftypes.NewValue(ty, nulls))
	if err != nil {
		return err
	}
	resp, err := server.ConfigureProvider(ctx, &tfprotov6.ConfigureProviderRequest{TerraformVersion: "cx", Config: &config})
	if err == nil {
		err = diagnosticsError(resp.Diagnostics)
	}
	if err != nil {
		return fmt.Errorf("configure the provider: %w", err)
	}
	return nil
}

// importAndRead imports the object id of typ and reads it, as OpenTofu's plan does for an
// import block, and returns the state read.
func importAndRead(ctx context.Context, server tfprotov6.ProviderServer, typ, id string, ty cty.Type) (cty.Value, error) {
	imp, err := server.ImportResourceState(ctx, &tfprotov6.ImportResourceStateRequest{TypeName: typ, ID: id})
	if err == nil {
		err = diagnosticsError(imp.Diagnostics)
	}
	if err != nil {
		return cty.NilVal, err
	}
	if len(imp.ImportedResources) != 1 || imp.ImportedResources[0].State == nil {
		return cty.NilVal, fmt.Errorf("the provider returned %d objects for the id; want one", len(imp.ImportedResources))
	}
	obj := imp.ImportedResources[0]
	read, err := server.ReadResource(ctx, &tfprotov6.ReadResourceRequest{TypeName: typ, CurrentState: obj.State, Private: obj.Private})
	if err == nil {
		err = diagnosticsError(read.Diagnostics)
	}
	if err != nil {
		return cty.NilVal, err
	}
	if read.NewState == nil || read.NewState.MsgPack == nil {
		return cty.NilVal, errors.New("the provider returned no state (the object does not exist)")
	}
	v, err := ctymsgpack.Unmarshal(read.NewState.MsgPack, ty)
	if err != nil {
		return cty.NilVal, fmt.Errorf("decode the state the provider read: %w", err)
	}
	if v.IsNull() {
		return cty.NilVal, errors.New("no object exists with this id")
	}
	return v, nil
}

// ctyType is the cty type of a tftypes type: what the provider's msgpack state decodes as.
func ctyType(t tftypes.Type) (cty.Type, error) {
	switch t := t.(type) {
	case tftypes.List:
		e, err := ctyType(t.ElementType)
		return cty.List(e), err
	case tftypes.Set:
		e, err := ctyType(t.ElementType)
		return cty.Set(e), err
	case tftypes.Map:
		e, err := ctyType(t.ElementType)
		return cty.Map(e), err
	case tftypes.Object:
		names := slices.Sorted(maps.Keys(t.AttributeTypes))
		types, err := ctyTypes(names, func(name string) tftypes.Type { return t.AttributeTypes[name] })
		if err != nil {
			return cty.NilType, err
		}
		attrs := map[string]cty.Type{}
		for i, name := range names {
			attrs[name] = types[i]
		}
		return cty.Object(attrs), nil
	case tftypes.Tuple:
		types, err := ctyTypes(t.ElementTypes, func(e tftypes.Type) tftypes.Type { return e })
		return cty.Tuple(types), err
	}
	switch {
	case t.Is(tftypes.String):
		return cty.String, nil
	case t.Is(tftypes.Number):
		return cty.Number, nil
	case t.Is(tftypes.Bool):
		return cty.Bool, nil
	case t.Is(tftypes.DynamicPseudoType):
		return cty.DynamicPseudoType, nil
	}
	return cty.NilType, fmt.Errorf("no cty type for %s", t)
}

// ctyTypes is the cty type of each of parts' types.
func ctyTypes[P any](parts []P, typeOf func(P) tftypes.Type) ([]cty.Type, error) {
	out := make([]cty.Type, len(parts))
	for i, p := range parts {
		var err error
		if out[i], err = ctyType(typeOf(p)); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// diagnosticsError is the provider's error diagnostics as one error; warnings are left out
// (OpenTofu prints them and goes on).
func diagnosticsError(diags []*tfprotov6.Diagnostic) error {
	var msgs []string
	for _, d := range diags {
		if d.Severity != tfprotov6.DiagnosticSeverityError {
			continue
		}
		msg := d.Summary
		if d.Detail != "" {
			msg += ": " + d.Detail
		}
		msgs = append(msgs, msg)
	}
	if len(msgs) == 0 {
		return nil
	}
	return errors.New(strings.Join(slices.Compact(msgs), "; "))
}
