package provider

import (
	"github.com/cxascode/cxascode/internal/platform"
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
