package provider

import (
	"fmt"
	"regexp"
	"testing"

	"github.com/cxascode/cxascode/internal/platform"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
)

// customAuthIntegration is a web services integration whose configuration holds a
// user-defined OAuth credential, so the org gives it a custom auth action.
const customAuthIntegration = `
resource "genesyscloud_integration_credential" "oauth" {
  name                 = "CRM login"
  credential_type_name = "userDefinedOAuth"
  fields = {
    clientId     = "cx-client"
    clientSecret = "not-a-real-secret"
    loginUrl     = "https://crm.example.com/oauth/token"
  }
}
resource "genesyscloud_integration" "i" {
  intended_state   = "ENABLED"
  integration_type = "custom-rest-actions"
  config {
    name        = "CRM"
    credentials = { userDefinedOAuth = genesyscloud_integration_credential.oauth.id }
  }
}
`

// customAuthAction is the custom auth action, named name, posting to url.
func customAuthAction(name, url string) string {
	return fmt.Sprintf(`
resource "genesyscloud_integration_custom_auth_action" "a" {
  integration_id = genesyscloud_integration.i.id
  name           = %q
  config_request {
    request_url_template = %q
    request_type         = "POST"
    request_template     = "grant_type=client_credentials"
    headers              = { Content-Type = "application/x-www-form-urlencoded" }
  }
  config_response {
    translation_map  = { token = "$.access_token" }
    success_template = "{\"token\": $${token}}"
  }
}
`, name, url)
}

func TestAccIntegrationCustomAuthAction(t *testing.T) {
	o := newAccOrg(t)
	const addr = "genesyscloud_integration_custom_auth_action.a"
	var st lastState
	o.test(resource.ComposeAggregateTestCheckFunc(
		o.checkDestroyed("genesyscloud_integration_custom_auth_action", actionsPath),
		o.checkDestroyed("genesyscloud_integration", integrationsPath),
	), steps(
		[]resource.TestStep{{
			// An integration without a user-defined OAuth credential has no custom auth action.
			Config: o.config(actionIntegration + `
resource "genesyscloud_integration_custom_auth_action" "a" {
  integration_id = genesyscloud_integration.i.id
}
`),
			ExpectError: regexp.MustCompile(`no credential of type\s+userDefinedOAuth`),
		}},
		o.lifecycleSteps(&st, lifecycle{
			addr: addr, apiPath: actionsPath,
			create: o.config(customAuthIntegration + customAuthAction("CRM login", "https://crm.example.com/oauth/token")),
			createChecks: attrChecks(addr, map[string]string{
				"name":                                    "CRM login",
				"config_request.0.request_url_template":   "https://crm.example.com/oauth/token",
				"config_request.0.request_template":       "grant_type=client_credentials",
				"config_response.0.translation_map.token": "$.access_token",
			}, func(s *terraform.State) error {
				if id, ig := idOf(s, addr), idOf(s, "genesyscloud_integration.i"); id != "customAuth_-_"+ig {
					return fmt.Errorf("id %q is not the integration's custom auth action id", id)
				}
				return nil
			}),
			update: o.config(customAuthIntegration + customAuthAction("CRM login (v2)", "https://crm.example.com/v2/oauth/token") + `
data "genesyscloud_integration_custom_auth_action" "found" {
  parent_integration_id = genesyscloud_integration.i.id
}
`),
			updateChecks: attrChecks(addr, map[string]string{"name": "CRM login (v2)",
				"config_request.0.request_url_template": "https://crm.example.com/v2/oauth/token"},
				resource.TestCheckResourceAttrPair("data.genesyscloud_integration_custom_auth_action.found", "id", addr, "id"),
				st.updatedInPlace("custom auth action", addr)),
			// Drift: the token URL is edited in the org.
			editInOrg: func(id string) {
				o.editActionInOrg(id, func(a *platform.Action) {
					a.Config.Request.RequestUrlTemplate = ptr("https://elsewhere.example.com/")
				})
			},
			restored: func(s *terraform.State) error {
				a, err := o.actionInOrg(idOf(s, addr))
				if err != nil {
					return err
				}
				if got := deref(a.Config.Request.RequestUrlTemplate); got != "https://crm.example.com/v2/oauth/token" {
					return fmt.Errorf("org after apply: url %q", got)
				}
				return nil
			},
		}),
	)...)
}
