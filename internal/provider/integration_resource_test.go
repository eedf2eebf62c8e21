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

// orderService is an enabled integration whose properties are spelled as given (HCL).
func orderService(properties string) string {
	return `
resource "genesyscloud_integration" "i" {
  intended_state   = "ENABLED"
  integration_type = "custom-rest-actions"
  config {
    name       = "Order service"
    notes      = "Calls the order service"
    properties = ` + properties + `
  }
}
`
}

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
	o.test(o.checkDestroyed("genesyscloud_integration", integrationsPath), steps(
		o.lifecycleSteps(&st, lifecycle{
			addr: addr, apiPath: integrationsPath,
			create: o.config(orderService(`jsonencode({ region = "us" })`)),
			createChecks: attrChecks(addr, map[string]string{"intended_state": "ENABLED", "config.0.name": "Order service",
				"config.0.properties": `{"region":"us"}`, "config.0.advanced": `{}`}),
			// The same properties spelled differently are not a change.
			respelled: o.config(orderService(`"{ \"region\" : \"us\" }"`)),
			update:    updated,
			updateChecks: attrChecks(addr, map[string]string{"intended_state": "DISABLED", "config.0.name": "Order service (v2)", "config.0.notes": absent},
				foundByName("genesyscloud_integration", addr),
				st.updatedInPlace("integration", addr)),
			// Drift: enabled and reconfigured in the org.
			editInOrg: func(id string) {
				o.do(http.MethodPatch, integrationsPath+"/"+id, platform.Integration{IntendedState: ptr("ENABLED")}, nil)
				c := orgObject[platform.IntegrationConfiguration](o, integrationsPath, id+"/config/current")
				c.Properties = json.RawMessage(`{"region":"ap"}`)
				o.do(http.MethodPut, integrationsPath+"/"+id+"/config/current", c, nil)
			},
			restored: func(s *terraform.State) error {
				id := idOf(s, addr)
				ig := orgObject[platform.Integration](o, integrationsPath, id)
				c := orgObject[platform.IntegrationConfiguration](o, integrationsPath, id+"/config/current")
				if deref(ig.IntendedState) != "DISABLED" || !jsonEqual(string(c.Properties), `{"region":"eu","retries":3}`) {
					return fmt.Errorf("org after apply: state %q, properties %s", deref(ig.IntendedState), c.Properties)
				}
				return nil
			},
		}),
		[]resource.TestStep{{
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
		}},
	)...)
}
