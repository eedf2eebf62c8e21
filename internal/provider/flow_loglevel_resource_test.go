package provider

import (
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"testing"

	"github.com/cxascode/cxascode/internal/kinds"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
)

// TestAccFlowLogLevel: a flow's log level is set, changed in place, imported by the flow's
// id, put back after a console edit, refused with the API's answer for a level that does
// not exist, and removed on destroy.
func TestAccFlowLogLevel(t *testing.T) {
	o := newAccOrg(t)
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "evacuation.yaml"), []byte(evacuationFlow), 0o600); err != nil {
		t.Fatal(err)
	}
	addr := "genesyscloud_flow_loglevel.it"
	config := func(level string) string {
		return o.config(fmt.Sprintf(`
resource "genesyscloud_flow" "f" {
  filepath = %q
}
resource "genesyscloud_flow_loglevel" "it" {
  flow_id        = genesyscloud_flow.f.id
  flow_log_level = %q
}
`, filepath.Join(dir, "evacuation.yaml"), level))
	}
	var flowID string
	level := func(want string) resource.TestCheckFunc {
		return func(s *terraform.State) error {
			var got struct {
				LogLevelCharacteristics struct{ Level string } `json:"logLevelCharacteristics"`
			}
			o.do(http.MethodGet, flowLogLevelPath(idOf(s, addr)), nil, &got)
			if got.LogLevelCharacteristics.Level != want {
				return fmt.Errorf("level in the org = %q, want %q", got.LogLevelCharacteristics.Level, want)
			}
			return nil
		}
	}
	o.test(func(*terraform.State) error {
		if flowID == "" {
			return nil
		}
		return o.expectGone(flowLogLevelPath(flowID))
	},
		resource.TestStep{
			Config: config("Base"),
			Check: resource.ComposeAggregateTestCheckFunc(
				resource.TestCheckResourceAttrPair(addr, "id", "genesyscloud_flow.f", "id"),
				resource.TestCheckResourceAttrPair(addr, "flow_id", "genesyscloud_flow.f", "id"),
				resource.TestCheckResourceAttr(addr, "flow_log_level", "Base"),
				level("Base"),
				func(s *terraform.State) error { flowID = idOf(s, addr); return nil },
			),
		},
		resource.TestStep{
			Config: config("All"),
			ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
				plancheck.ExpectResourceAction(addr, plancheck.ResourceActionUpdate),
			}},
			Check: level("All"),
		},
		resource.TestStep{ResourceName: addr, ImportState: true, ImportStateVerify: true},
		resource.TestStep{
			PreConfig: func() {
				o.do(http.MethodPut, flowLogLevelPath(flowID), map[string]any{"logLevelCharacteristics": map[string]any{"level": "Disabled"}}, nil)
			},
			Config: config("All"),
			ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
				plancheck.ExpectResourceAction(addr, plancheck.ResourceActionUpdate),
			}},
			Check: level("All"),
		},
		resource.TestStep{
			Config:      config("Loud"),
			ExpectError: regexp.MustCompile(`(?s)Could not update flow log level.*logLevelCharacteristics\.level`),
		},
		resource.TestStep{Config: config("All")},
	)
}

// flowLogLevelPath is the setting of one flow.
func flowLogLevelPath(flowID string) string {
	return kinds.Genesys().Named(kinds.FlowLogLevel).API.Item(flowID)
}
