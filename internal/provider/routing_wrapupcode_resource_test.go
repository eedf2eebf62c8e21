package provider

import (
	"fmt"
	"net/http"
	"testing"

	"github.com/cxascode/cxascode/internal/platform"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
)

const wrapupcodesPath = "/api/v2/routing/wrapupcodes"

func TestAccRoutingWrapupcode(t *testing.T) {
	o := newAccOrg(t)
	const addr = "genesyscloud_routing_wrapupcode.w"
	// The code with a description, in a division of its own.
	inSupport := o.config(supportDivision + `resource "genesyscloud_routing_wrapupcode" "w" {
  name        = "Resolved - first contact"
  description = "Closed without a transfer"
  division_id = genesyscloud_auth_division.d.id
}
`)
	var st lastState
	o.test(o.checkDestroyed("genesyscloud_routing_wrapupcode", wrapupcodesPath),
		resource.TestStep{
			// No division: the org picks one and division_id reports it.
			Config: o.config(`
resource "genesyscloud_routing_wrapupcode" "w" {
  name = "Resolved"
}
data "genesyscloud_auth_division_home" "home" {}
`),
			Check: resource.ComposeAggregateTestCheckFunc(
				resource.TestCheckResourceAttr(addr, "name", "Resolved"),
				resource.TestCheckNoResourceAttr(addr, "description"),
				resource.TestCheckResourceAttrPair(addr, "division_id", "data.genesyscloud_auth_division_home.home", "id"),
				o.checkExists(addr, wrapupcodesPath),
				st.capture,
			),
		},
		resource.TestStep{
			// Name, description and division change in place.
			Config: o.config(supportDivision + `resource "genesyscloud_routing_wrapupcode" "w" {
  name        = "Resolved - first contact"
  description = "Closed without a transfer"
  division_id = genesyscloud_auth_division.d.id
}
` + byNameData("genesyscloud_routing_wrapupcode", "genesyscloud_routing_wrapupcode.w")),
			ConfigPlanChecks: expectAction(addr, plancheck.ResourceActionUpdate),
			Check: resource.ComposeAggregateTestCheckFunc(
				resource.TestCheckResourceAttr(addr, "name", "Resolved - first contact"),
				resource.TestCheckResourceAttr(addr, "description", "Closed without a transfer"),
				resource.TestCheckResourceAttrPair(addr, "division_id", "genesyscloud_auth_division.d", "id"),
				resource.TestCheckResourceAttrPair("data.genesyscloud_routing_wrapupcode.by_name", "id", addr, "id"),
				st.capture,
			),
		},
		importStep(addr),
		resource.TestStep{
			// Drift: someone edits the code in the org; the plan must show it, apply must undo it.
			PreConfig: func() {
				id := st.id(addr)
				w := orgObject[platform.WrapupCode](o, wrapupcodesPath, id)
				o.do(http.MethodPut, wrapupcodesPath+"/"+id, platform.WrapupCodeRequest{
					Name: w.Name, Description: ptr("edited in the UI"),
					Division: &platform.WritableStarrableDivision{ID: w.Division.ID},
				}, nil)
			},
			Config:           inSupport,
			ConfigPlanChecks: expectDrift(addr, plancheck.ResourceActionUpdate),
			Check: inOrg(o, wrapupcodesPath, addr, func(w platform.WrapupCode) error {
				if got := deref(w.Description); got != "Closed without a transfer" {
					return fmt.Errorf("description in the org after apply = %q", got)
				}
				return nil
			}),
		},
		// Drift: the code is deleted in the org; apply creates it again.
		o.recreatedStep(&st, addr, wrapupcodesPath, inSupport),
	)
}
