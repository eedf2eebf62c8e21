package provider

import (
	"context"

	"github.com/cxascode/cxascode/internal/platform"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// writableDivision is the division of a request; nil (the org decides, or keeps the
// current one) when the plan does not know it.
func writableDivision(v types.String) *platform.WritableDivision {
	if !isSet(v) {
		return nil
	}
	return &platform.WritableDivision{ID: v.ValueStringPointer()}
}

// divisionIDOf reads a division reference's id.
func divisionIDOf(d *platform.WritableDivision) types.String {
	if d == nil || deref(d.ID) == "" {
		return types.StringNull()
	}
	return types.StringValue(*d.ID)
}

// domainRef is a reference to the object with the id in v, or nil when v is unset.
func domainRef(v types.String) *platform.DomainEntityRef {
	if !isSet(v) || v.ValueString() == "" {
		return nil
	}
	return &platform.DomainEntityRef{ID: v.ValueStringPointer()}
}

// refIDOrNull reads a reference's id.
func refIDOrNull(ref *platform.DomainEntityRef) types.String {
	if ref == nil || deref(ref.ID) == "" {
		return types.StringNull()
	}
	return types.StringValue(*ref.ID)
}

// domainRefs turns a set of ids into references (never nil: PUT replaces the lists).
func domainRefs(ctx context.Context, ids types.Set, diags *diag.Diagnostics) []platform.DomainEntityRef {
	out := []platform.DomainEntityRef{}
	for _, id := range stringsOf(ctx, ids, diags) {
		out = append(out, platform.DomainEntityRef{ID: ptr(id)})
	}
	return out
}

// idSetFromAPI reads reference ids into a set attribute; an empty list stays null when
// the attribute was null (not configured), so "unset" and "empty" do not flap.
func idSetFromAPI(refs []platform.DomainEntityRef, prior types.Set) types.Set {
	ids := make([]string, 0, len(refs))
	for _, ref := range refs {
		ids = append(ids, deref(ref.ID))
	}
	return stringsOrNullSet(ids, prior)
}
