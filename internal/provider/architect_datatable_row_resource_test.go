package provider

import (
	"fmt"
	"net/http"
	"regexp"
	"testing"

	"github.com/cxascode/cxascode/internal/kinds"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
)

// rowTable is the table the row tests write into.
const rowTable = `
resource "genesyscloud_architect_datatable" "regions" {
  name = "Postcode regions"
  properties {
    name = "key"
    type = "string"
  }
  properties {
    name = "region"
    type = "string"
  }
  properties {
    name = "agents"
    type = "integer"
  }
}
`

// rowConfig is the table and one row.
func rowConfig(key, properties string) string {
	return rowTable + fmt.Sprintf(`
resource "genesyscloud_architect_datatable_row" "it" {
  datatable_id    = genesyscloud_architect_datatable.regions.id
  key_value       = %q
  properties_json = %s
}
`, key, properties)
}

// TestAccDataTableRow: a row is created in its table, changed in place, imported by
// "<table id>/<key>", put back after a console edit, replaced when its key changes, and
// removed on destroy; a value the table's schema refuses fails the apply naming it.
func TestAccDataTableRow(t *testing.T) {
	o := newAccOrg(t)
	rows := kinds.Genesys().Named(kinds.DataTableRow)
	addr := "genesyscloud_architect_datatable_row.it"
	rowPath := func(s *terraform.State) string { return rows.API.Item(idOf(s, addr)) }
	var firstID string
	o.test(o.checkKindDestroyed(rows),
		resource.TestStep{
			Config: o.config(rowConfig("46278 north", `jsonencode({ region = "North" })`)),
			Check: resource.ComposeAggregateTestCheckFunc(
				resource.TestCheckResourceAttr(addr, "key_value", "46278 north"),
				resource.TestCheckResourceAttr(addr, "properties_json", `{"region":"North"}`),
				resource.TestCheckResourceAttrPair(addr, "datatable_id", "genesyscloud_architect_datatable.regions", "id"),
				func(s *terraform.State) error {
					firstID = idOf(s, addr)
					if isGone, err := o.gone(rowPath(s)); err != nil || isGone {
						return fmt.Errorf("row %s not in the org (%v)", idOf(s, addr), err)
					}
					return nil
				},
			),
		},
		resource.TestStep{
			Config: o.config(rowConfig("46278 north", `jsonencode({ region = "North", agents = 12 })`)),
			ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
				plancheck.ExpectResourceAction(addr, plancheck.ResourceActionUpdate),
			}},
			Check: resource.TestCheckResourceAttr(addr, "properties_json", `{"agents":12,"region":"North"}`),
		},
		resource.TestStep{ResourceName: addr, ImportState: true, ImportStateVerify: true},
		resource.TestStep{
			// Someone edits the row in the console; the plan shows it and apply puts it back.
			PreConfig: func() {
				o.do(http.MethodPut, rows.API.Item(firstID), map[string]any{"region": "South", "agents": 3}, nil)
			},
			Config: o.config(rowConfig("46278 north", `jsonencode({ region = "North", agents = 12 })`)),
			ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
				plancheck.ExpectResourceAction(addr, plancheck.ResourceActionUpdate),
			}},
			Check: func(s *terraform.State) error {
				var row map[string]any
				o.do(http.MethodGet, rows.API.Item(idOf(s, addr))+"?showbrief=false", nil, &row)
				if row["region"] != "North" || row["agents"] != float64(12) {
					return fmt.Errorf("row after apply = %v, want the configured values back", row)
				}
				return nil
			},
		},
		resource.TestStep{
			Config:      o.config(rowConfig("46278 north", `jsonencode({ region = "North", colour = "red" })`)),
			ExpectError: regexp.MustCompile(`(?s)Could not update data table row.*colour.*is not a column`),
		},
		resource.TestStep{
			Config: o.config(rowConfig("10001", `jsonencode({ region = "East" })`)),
			ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
				plancheck.ExpectResourceAction(addr, plancheck.ResourceActionReplace),
			}},
			Check: func(s *terraform.State) error {
				if idOf(s, addr) == firstID {
					return fmt.Errorf("the key changed but the id did not")
				}
				return o.expectGone(rows.API.Item(firstID))
			},
		},
	)
}
