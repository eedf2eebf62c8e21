package provider

import (
	"fmt"
	"testing"

	"github.com/cxascode/cxascode/internal/kinds"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
)

// divisionAccCases are kinds whose objects live in a division, by resource type: each row is
// the object's attributes besides division_id (HCL). The rest of each kind's life is its row
// in kindAccCases; this adds what the division does.
var divisionAccCases = map[string]string{
	"genesyscloud_routing_wrapupcode": `name = "Resolved"`,
	"genesyscloud_architect_schedules": `name  = "Weekday hours"
  start = "2021-08-04T08:00:00.000000"
  end   = "2021-08-04T17:00:00.000000"
  rrule = "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR"`,
}

// TestAccKindDivisions checks, for each kind of divisionAccCases, that an object created
// without a division reports the one the org put it in (the home division), that setting
// division_id moves it there in place, and that the import reads the division back.
func TestAccKindDivisions(t *testing.T) {
	for typ, body := range divisionAccCases {
		t.Run(typ, func(t *testing.T) {
			o := newAccOrg(t)
			addr := typ + ".it"
			object := func(division string) string {
				return fmt.Sprintf("resource %q \"it\" {\n  %s\n%s}\n", typ, body, division)
			}
			var st lastState
			o.test(o.checkDestroyed(typ, kinds.Genesys().ByResource(typ).API.Collection),
				resource.TestStep{
					Config: o.config(object("") + `data "genesyscloud_auth_division_home" "home" {}`),
					Check:  resource.ComposeAggregateTestCheckFunc(inHomeDivision(addr), st.capture),
				},
				resource.TestStep{
					Config:           o.config(supportDivision + object("  division_id = genesyscloud_auth_division.d.id\n")),
					ConfigPlanChecks: expectAction(addr, plancheck.ResourceActionUpdate),
					Check: resource.ComposeAggregateTestCheckFunc(
						resource.TestCheckResourceAttrPair(addr, "division_id", "genesyscloud_auth_division.d", "id"),
						st.updatedInPlace(typ, addr)),
				},
				importStep(addr),
			)
		})
	}
}
