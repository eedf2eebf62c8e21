package provider

import (
	"archive/zip"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
)

// writeFunctionZip writes a zip holding index.js with code at file.
func writeFunctionZip(t *testing.T, file, code string) {
	t.Helper()
	f, err := os.Create(file)
	if err != nil {
		t.Fatal(err)
	}
	zw := zip.NewWriter(f)
	w, err := zw.Create("index.js")
	if err == nil {
		_, err = w.Write([]byte(code))
	}
	if err == nil {
		err = zw.Close()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		t.Fatal(err)
	}
}

// TestAccIntegrationFunctionAction deploys a function data action: created as a draft with
// its function and package and published; re-planned empty; imported; its handler changed in
// place; a changed zip (same path) uploaded again; destroyed.
func TestAccIntegrationFunctionAction(t *testing.T) {
	o := newAccOrg(t)
	const addr = "genesyscloud_integration_action.f"
	pkg := filepath.Join(t.TempDir(), "order-status.zip")
	writeFunctionZip(t, pkg, "exports.handler = async () => ({ status: 'open' });")
	action := func(handler, runtime string) string {
		return o.config(actionIntegration + fmt.Sprintf(`
resource "genesyscloud_integration_action" "f" {
  name            = "Order status function"
  category        = "Function Data Action"
  integration_id  = genesyscloud_integration.i.id
  contract_input  = jsonencode({ type = "object", properties = { orderId = { type = "string" } } })
  contract_output = jsonencode({ type = "object", properties = { status = { type = "string" } } })
  function_config {
    file_path       = %q
    description     = "Looks up an order"
    handler         = %q
%s    timeout_seconds = 15
  }
}
`, pkg, handler, runtime))
	}
	var st lastState
	var firstZip string
	published := func(handler string) resource.TestCheckFunc {
		return func(s *terraform.State) error {
			var fc actionFunctionConfig
			if err := o.api.Do(t.Context(), "GET", actionItemPath(idOf(s, addr), "function"), nil, nil, &fc); err != nil {
				return err
			}
			switch {
			case fc.Function == nil || deref(fc.Function.Handler) != handler || deref(fc.Function.TimeoutSeconds) != 15:
				return fmt.Errorf("published function = %+v, want handler %q", fc.Function, handler)
			case fc.Zip == nil || fc.Zip.Status != "Available" || fc.Zip.Name != "order-status.zip":
				return fmt.Errorf("published package = %+v", fc.Zip)
			}
			return nil
		}
	}
	o.test(resource.ComposeAggregateTestCheckFunc(
		o.checkDestroyed("genesyscloud_integration_action", actionsPath),
		o.checkDestroyed("genesyscloud_integration", integrationsPath),
	),
		resource.TestStep{
			// The API requires a runtime: the create fails naming it, and leaves no draft behind.
			Config:      action("index.handler", ""),
			ExpectError: regexp.MustCompile(`(?s)runtime`),
		},
		resource.TestStep{
			Config: action("index.handler", `    runtime         = "nodejs22.x"
`),
			Check: resource.ComposeAggregateTestCheckFunc(
				resource.TestCheckResourceAttr(addr, "function_config.0.file_path", pkg),
				resource.TestCheckResourceAttrSet(addr, "function_config.0.zip_id"),
				resource.TestMatchResourceAttr(addr, "function_config.0.file_content_hash", regexp.MustCompile(`^[0-9a-f]{64}$`)),
				published("index.handler"),
				st.capture,
				func(s *terraform.State) error {
					firstZip = s.RootModule().Resources[addr].Primary.Attributes["function_config.0.zip_id"]
					return nil
				},
			),
		},
		resource.TestStep{
			// The package cannot be downloaded: an import names it by its file name, and has no
			// hash until the next apply uploads it again.
			ResourceName: addr, ImportState: true, ImportStateVerify: true,
			ImportStateVerifyIgnore: []string{"function_config.0.file_path", "function_config.0.file_content_hash"},
		},
		resource.TestStep{
			Config: action("src/index.handler", `    runtime         = "nodejs22.x"
`),
			ConfigPlanChecks: expectAction(addr, plancheck.ResourceActionUpdate),
			Check: resource.ComposeAggregateTestCheckFunc(
				st.updatedInPlace("function action", addr),
				resource.TestCheckResourceAttrPtr(addr, "function_config.0.zip_id", &firstZip),
				published("src/index.handler"),
			),
		},
		resource.TestStep{
			// New code at the same path: its hash plans an upload, and the action runs the new package.
			PreConfig: func() { writeFunctionZip(t, pkg, "exports.handler = async () => ({ status: 'shipped' });") },
			Config: action("src/index.handler", `    runtime         = "nodejs22.x"
`),
			ConfigPlanChecks: expectAction(addr, plancheck.ResourceActionUpdate),
			Check: resource.ComposeAggregateTestCheckFunc(
				st.updatedInPlace("function action", addr),
				func(s *terraform.State) error {
					if got := s.RootModule().Resources[addr].Primary.Attributes["function_config.0.zip_id"]; got == firstZip {
						return fmt.Errorf("zip_id is still %s after the package changed", got)
					}
					return nil
				},
				published("src/index.handler"),
			),
		},
		resource.TestStep{
			// A contract change replaces the action: the new one gets the package uploaded again.
			Config: strings.Replace(action("src/index.handler", `    runtime         = "nodejs22.x"
`), "status = { type = \"string\" }", "status = { type = \"string\" }, eta = { type = \"string\" }", 1),
			ConfigPlanChecks: expectAction(addr, plancheck.ResourceActionDestroyBeforeCreate),
			Check: resource.ComposeAggregateTestCheckFunc(
				published("src/index.handler"),
				func(s *terraform.State) error { return o.expectGone(actionsPath + "/" + st.id(addr)) },
			),
		},
	)
}
