package provider

import (
	"fmt"
	"net/http"
	"testing"

	"github.com/cxascode/cxascode/internal/platform"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
)

const wrapupcodesPath = "/api/v2/routing/wrapupcodes"

func TestAccRoutingWrapupcode(t *testing.T) {
	o := newAccOrg(t)
	const typ, addr = "genesyscloud_routing_wrapupcode", "genesyscloud_routing_wrapupcode.w"
	// The code with a description, in a division of its own.
	inSupport := o.config(supportDivision + `resource "genesyscloud_routing_wrapupcode" "w" {
  name        = "Resolved - first contact"
  description = "Closed without a transfer"
  division_id = genesyscloud_auth_division.d.id
}
`)
	var st lastState
	o.test(o.checkDestroyed(typ, wrapupcodesPath), steps(o.lifecycleSteps(&st, lifecycle{
		addr: addr, apiPath: wrapupcodesPath,
		// No division: the org picks one and division_id reports it.
		create: o.config(`
resource "genesyscloud_routing_wrapupcode" "w" {
  name = "Resolved"
}
data "genesyscloud_auth_division_home" "home" {}
`),
		createChecks: attrChecks(addr, map[string]string{"name": "Resolved", "description": absent}, inHomeDivision(addr)),
		// Name, description and division change in place.
		update: inSupport + byNameData(typ, addr),
		updateChecks: attrChecks(addr, map[string]string{"name": "Resolved - first contact", "description": "Closed without a transfer"},
			resource.TestCheckResourceAttrPair(addr, "division_id", "genesyscloud_auth_division.d", "id"),
			foundByName(typ, addr)),
		// Drift: someone edits the code in the org; the plan must show it, apply must undo it.
		editInOrg: func(id string) {
			w := orgObject[platform.WrapupCode](o, wrapupcodesPath, id)
			o.do(http.MethodPut, wrapupcodesPath+"/"+id, platform.WrapupCodeRequest{
				Name: w.Name, Description: ptr("edited in the UI"),
				Division: &platform.WritableStarrableDivision{ID: w.Division.ID},
			}, nil)
		},
		driftConfig: inSupport,
		restored: inOrg(o, wrapupcodesPath, addr, func(w platform.WrapupCode) error {
			if got := deref(w.Description); got != "Closed without a transfer" {
				return fmt.Errorf("description in the org after apply = %q", got)
			}
			return nil
		}),
	}),
		// Drift: the code is deleted in the org; apply creates it again.
		[]resource.TestStep{o.recreatedStep(&st, addr, wrapupcodesPath, inSupport)},
	)...)
}
