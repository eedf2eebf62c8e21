package provider

import (
	"encoding/json"
	"fmt"
	"net/http"
	"testing"

	"github.com/cxascode/cxascode/internal/platform"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
)

func TestAccIntegration(t *testing.T) {
	o := newAccOrg(t)
	const addr = "genesyscloud_integration.i"
	updated := o.config(`
resource "genesyscloud_integration" "i" {
  intended_state   = "DISABLED"
  integration_type = "custom-rest-actions"
  config {
    name       = "Order service (v2)"
    properties = jsonencode({ region = "eu", retries = 3 })
    advanced   = jsonencode({ debug = true })
  }
}
data "genesyscloud_integration" "by_name" {
  name = genesyscloud_integration.i.config[0].name
}
`)
	var st lastState
	o.test(o.checkDestroyed("genesyscloud_integration", integrationsPath),
		resource.TestStep{
			Config: o.config(`
resource "genesyscloud_integration" "i" {
  intended_state   = "ENABLED"
  integration_type = "custom-rest-actions"
  config {
    name       = "Order service"
    notes      = "Calls the order service"
    properties = jsonencode({ region = "us" })
  }
}
`),
			Check: resource.ComposeAggregateTestCheckFunc(
				resource.TestCheckResourceAttr(addr, "intended_state", "ENABLED"),
				resource.TestCheckResourceAttr(addr, "config.0.name", "Order service"),
				resource.TestCheckResourceAttr(addr, "config.0.properties", `{"region":"us"}`),
				resource.TestCheckResourceAttr(addr, "config.0.advanced", `{}`),
				o.checkExists(addr, integrationsPath),
				st.capture,
			),
		},
		resource.TestStep{
			// The same properties spelled differently are not a change.
			Config: o.config(`
resource "genesyscloud_integration" "i" {
  intended_state   = "ENABLED"
  integration_type = "custom-rest-actions"
  config {
    name       = "Order service"
    notes      = "Calls the order service"
    properties = "{ \"region\" : \"us\" }"
  }
}
`),
			PlanOnly: true,
		},
		resource.TestStep{
			Config:           updated,
			ConfigPlanChecks: expectAction(addr, plancheck.ResourceActionUpdate),
			Check: resource.ComposeAggregateTestCheckFunc(
				resource.TestCheckResourceAttr(addr, "intended_state", "DISABLED"),
				resource.TestCheckResourceAttr(addr, "config.0.name", "Order service (v2)"),
				resource.TestCheckNoResourceAttr(addr, "config.0.notes"),
				resource.TestCheckResourceAttrPair("data.genesyscloud_integration.by_name", "id", addr, "id"),
				st.updatedInPlace("integration", addr),
				st.capture,
			),
		},
		importStep(addr),
		resource.TestStep{
			// Drift: enabled and reconfigured in the org.
			PreConfig: func() {
				id := st.id(addr)
				o.do(http.MethodPatch, integrationsPath+"/"+id, platform.Integration{IntendedState: ptr("ENABLED")}, nil)
				c := orgObject[platform.IntegrationConfiguration](o, integrationsPath, id+"/config/current")
				c.Properties = json.RawMessage(`{"region":"ap"}`)
				o.do(http.MethodPut, integrationsPath+"/"+id+"/config/current", c, nil)
			},
			Config:           updated,
			ConfigPlanChecks: expectDrift(addr, plancheck.ResourceActionUpdate),
			Check: func(s *terraform.State) error {
				id := idOf(s, addr)
				ig := orgObject[platform.Integration](o, integrationsPath, id)
				c := orgObject[platform.IntegrationConfiguration](o, integrationsPath, id+"/config/current")
				if deref(ig.IntendedState) != "DISABLED" || !jsonEqual(string(c.Properties), `{"region":"eu","retries":3}`) {
					return fmt.Errorf("org after apply: state %q, properties %s", deref(ig.IntendedState), c.Properties)
				}
				return nil
			},
		},
		resource.TestStep{
			// Changing the type replaces the integration.
			Config: o.config(`
resource "genesyscloud_integration" "i" {
  integration_type = "purecloud-data-actions"
}
`),
			ConfigPlanChecks: expectAction(addr, plancheck.ResourceActionDestroyBeforeCreate),
			Check: resource.ComposeAggregateTestCheckFunc(
				resource.TestCheckResourceAttr(addr, "intended_state", "DISABLED"),
				resource.TestCheckResourceAttr(addr, "config.#", "0"),
				func(*terraform.State) error { return o.expectGone(integrationsPath + "/" + st.id(addr)) },
			),
		},
	)
}
