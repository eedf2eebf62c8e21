package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// isSet reports whether a planned value is set and known.
func isSet(v attr.Value) bool { return !v.IsNull() && !v.IsUnknown() }

// optionalString maps an optional API string to an Optional attribute: the API returns ""
// (or nothing) both for "never set" and "set to empty", so the prior value decides.
func optionalString(api *string, prior types.String) types.String {
	if v := deref(api); v != "" {
		return types.StringValue(v)
	}
	if !prior.IsNull() && !prior.IsUnknown() && prior.ValueString() == "" {
		return types.StringValue("")
	}
	return types.StringNull()
}

// stringOrNull reads an API string that is absent or empty as null.
func stringOrNull(s string) types.String {
	if s == "" {
		return types.StringNull()
	}
	return types.StringValue(s)
}

// stringsOf reads a set or list of strings; nil when null or unknown.
func stringsOf(ctx context.Context, v interface {
	attr.Value
	ElementsAs(context.Context, any, bool) diag.Diagnostics
}, diags *diag.Diagnostics) []string {
	if !isSet(v) {
		return nil
	}
	out := []string{}
	diags.Append(v.ElementsAs(ctx, &out, false)...)
	return out
}

// listStrings reads the strings of a list or set attribute, in its order; nil when null or
// unknown, and an element not known yet is left out. It needs no diagnostics: the
// attribute's elements are the framework's own string values.
func listStrings(v interface {
	attr.Value
	Elements() []attr.Value
}) []string {
	if !isSet(v) {
		return nil
	}
	var out []string
	for _, e := range v.Elements() {
		if s, ok := e.(types.String); ok && isSet(s) {
			out = append(out, s.ValueString())
		}
	}
	return out
}

// stringSetValue is a set attribute holding xs.
func stringSetValue(xs []string) types.Set {
	vals := make([]attr.Value, 0, len(xs))
	for _, x := range xs {
		vals = append(vals, types.StringValue(x))
	}
	return types.SetValueMust(types.StringType, vals)
}

// configNull reports whether an attribute is left out of the configuration ("unmanaged").
func configNull(ctx context.Context, cfg tfsdk.Config, p path.Path, diags *diag.Diagnostics) bool {
	var v attr.Value
	diags.Append(cfg.GetAttribute(ctx, p, &v)...)
	return v == nil || v.IsNull()
}
