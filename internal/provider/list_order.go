package provider

import (
	"slices"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// keepListOrder returns the API's ids as a list attribute, in the order of prior when both
// hold the same ids. Lists the official provider models as lists but the API treats as
// sets (owners, member divisions) come back in the API's order; keeping the configured
// order avoids a diff, or an inconsistent result after apply, over order alone.
func keepListOrder(prior, api []string) types.List {
	ids := api
	if sameIDs(prior, api) {
		ids = prior
	}
	vals := make([]attr.Value, 0, len(ids))
	for _, id := range ids {
		vals = append(vals, types.StringValue(id))
	}
	return types.ListValueMust(types.StringType, vals)
}

// sameIDs reports whether two id lists hold the same ids (nil means "no prior list").
func sameIDs(a, b []string) bool {
	if a == nil || len(a) != len(b) {
		return false
	}
	for _, x := range a {
		if !slices.Contains(b, x) {
			return false
		}
	}
	return true
}

// idChanges is what turns the ids have into the ids want: those to add (in want's order) and
// those to remove (in have's order). Member lists the API changes by adding and removing
// (group members, member divisions, a queue's members and wrap-up codes) are synced by it.
func idChanges(have, want []string) (add, remove []string) {
	for _, id := range want {
		if !slices.Contains(have, id) {
			add = append(add, id)
		}
	}
	for _, id := range have {
		if !slices.Contains(want, id) {
			remove = append(remove, id)
		}
	}
	return add, remove
}
