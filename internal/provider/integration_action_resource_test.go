package provider

import (
	"fmt"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"testing"

	"github.com/cxascode/cxascode/internal/platform"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
)

const actionIntegration = `
resource "genesyscloud_integration" "i" {
  intended_state   = "ENABLED"
  integration_type = "custom-rest-actions"
  config {
    name = "Order service"
  }
}
`

// actionConfig is a data action whose contracts are written with jsonencode (sorted, compact).
func actionConfig(name, category, url string) string {
	return fmt.Sprintf(`
resource "genesyscloud_integration_action" "a" {
  name                   = %q
  category               = %q
  integration_id         = genesyscloud_integration.i.id
  config_timeout_seconds = 20
  contract_input = jsonencode({
    type       = "object"
    required   = ["orderId"]
    properties = { orderId = { type = "string" } }
  })
  contract_output = jsonencode({
    type       = "object"
    properties = { status = { type = "string" } }
  })
%s}
`, name, category, actionCalls(url))
}

// actionCalls are a data action's request and response blocks, calling url.
func actionCalls(url string) string {
	return fmt.Sprintf(`  config_request {
    request_url_template = %q
    request_type         = "GET"
    headers              = { Accept = "application/json" }
  }
  config_response {
    translation_map          = { status = "$.status" }
    translation_map_defaults = { status = "\"UNKNOWN\"" }
    success_template         = "{\"status\": $${status}}"
  }
`, url)
}

func TestAccIntegrationAction(t *testing.T) {
	o := newAccOrg(t)
	const addr = "genesyscloud_integration_action.a"
	updated := o.config(actionIntegration + actionConfig("Get order status (v2)", "Orders v2", "https://orders.example.com/v2/orders/$${input.orderId}") + `
data "genesyscloud_integration_action" "by_name" {
  name           = genesyscloud_integration_action.a.name
  integration_id = genesyscloud_integration.i.id
}
`)
	var st lastState
	o.test(resource.ComposeAggregateTestCheckFunc(
		o.checkDestroyed("genesyscloud_integration_action", actionsPath),
		o.checkDestroyed("genesyscloud_integration", integrationsPath),
	), steps(
		o.lifecycleSteps(&st, lifecycle{
			addr: addr, apiPath: actionsPath,
			create: o.config(actionIntegration + actionConfig("Get order status", "Orders", "https://orders.example.com/orders/$${input.orderId}")),
			createChecks: attrChecks(addr, map[string]string{
				"secure":                                   "false",
				"config_request.0.request_url_template":    "https://orders.example.com/orders/${input.orderId}",
				"config_request.0.request_template":        absent,
				"config_response.0.translation_map.status": "$.status",
				"contract_output":                          `{"properties":{"status":{"type":"string"}},"type":"object"}`,
			}),
			// The same contract with other key order and spacing is not a change.
			respelled: o.config(actionIntegration + `
resource "genesyscloud_integration_action" "a" {
  name                   = "Get order status"
  category               = "Orders"
  integration_id         = genesyscloud_integration.i.id
  config_timeout_seconds = 20
  contract_input         = <<-JSON
    {
      "type": "object",
      "properties": { "orderId": { "type": "string" } },
      "required": [ "orderId" ]
    }
  JSON
  contract_output        = "{\"type\": \"object\", \"properties\": {\"status\": {\"type\": \"string\"}}}"
` + actionCalls("https://orders.example.com/orders/$${input.orderId}") + `}
`),
			update: updated,
			updateChecks: attrChecks(addr, map[string]string{"name": "Get order status (v2)", "category": "Orders v2"},
				foundByName("genesyscloud_integration_action", addr),
				st.updatedInPlace("action", addr)),
			// Drift: the request URL and timeout are edited in the org.
			editInOrg: func(id string) {
				o.editActionInOrg(id, func(a *platform.Action) {
					a.Config.Request.RequestUrlTemplate = ptr("https://elsewhere.example.com/")
					a.Config.TimeoutSeconds = ptr(5)
				})
			},
			restored: func(s *terraform.State) error {
				a, err := o.actionInOrg(idOf(s, addr))
				if err != nil {
					return err
				}
				if got := deref(a.Config.Request.RequestUrlTemplate); got != "https://orders.example.com/v2/orders/${input.orderId}" || deref(a.Config.TimeoutSeconds) != 20 {
					return fmt.Errorf("org after apply: url %q, timeout %d", got, deref(a.Config.TimeoutSeconds))
				}
				return nil
			},
		}),
		[]resource.TestStep{{
			// A contract change replaces the action (the API cannot change it in place).
			Config: o.config(actionIntegration + `
resource "genesyscloud_integration_action" "a" {
  name            = "Get order status (v2)"
  category        = "Orders v2"
  integration_id  = genesyscloud_integration.i.id
  contract_input  = jsonencode({ type = "object", properties = { orderId = { type = "integer" } } })
  contract_output = jsonencode({ type = "object" })
}
`),
			ConfigPlanChecks: expectAction(addr, plancheck.ResourceActionDestroyBeforeCreate),
			Check: resource.ComposeAggregateTestCheckFunc(
				resource.TestCheckResourceAttr(addr, "config_request.#", "0"),
				func(*terraform.State) error { return o.expectGone(actionsPath + "/" + st.id(addr)) },
			),
		}},
	)...)
}

// TestAccIntegrationDataActionExample applies the documented data action example (an
// integration and its action), re-plans it empty and destroys it without leftovers.
func TestAccIntegrationDataActionExample(t *testing.T) {
	src, err := os.ReadFile(filepath.Join("..", "..", "examples", "resources", "genesyscloud_integration_action", "resource.tf"))
	if err != nil {
		t.Fatal(err)
	}
	o := newAccOrg(t)
	o.test(resource.ComposeAggregateTestCheckFunc(
		o.checkDestroyed("genesyscloud_integration_action", actionsPath),
		o.checkDestroyed("genesyscloud_integration", integrationsPath),
	),
		resource.TestStep{
			Config: o.config(string(src)),
			Check: resource.ComposeAggregateTestCheckFunc(
				o.checkExists("genesyscloud_integration_action.order_status", actionsPath),
				resource.TestCheckResourceAttr("genesyscloud_integration.web_services", "intended_state", "ENABLED"),
			),
		},
		resource.TestStep{Config: o.config(string(src)), PlanOnly: true},
	)
}

// actionInOrg reads a data action with its configuration, as the org holds it.
func (o *accOrg) actionInOrg(id string) (platform.Action, error) {
	var a platform.Action
	err := o.api.Do(o.t.Context(), http.MethodGet, actionsPath+"/"+id, url.Values{"includeConfig": {"true"}}, nil, &a)
	return a, err
}

// editActionInOrg changes a data action behind the provider's back: edit changes the action
// as the org holds it, which is then sent back with its version.
func (o *accOrg) editActionInOrg(id string, edit func(*platform.Action)) {
	o.t.Helper()
	a, err := o.actionInOrg(id)
	if err != nil {
		o.t.Fatal(err)
	}
	edit(&a)
	o.do(http.MethodPatch, actionsPath+"/"+id, platform.UpdateActionInput{Name: a.Name, Category: a.Category, Config: a.Config, Version: a.Version}, nil)
}
