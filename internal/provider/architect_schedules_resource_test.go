package provider

import (
	"fmt"
	"regexp"
	"testing"

	"github.com/cxascode/cxascode/internal/platform"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
)

const schedulesPath = "/api/v2/architect/schedules"

func TestAccArchitectSchedules(t *testing.T) {
	o := newAccOrg(t)
	const addr = "genesyscloud_architect_schedules.s"
	updated := o.config(supportDivision + `resource "genesyscloud_architect_schedules" "s" {
  name        = "Weekday hours (summer)"
  description = "Mon-Fri"
  division_id = genesyscloud_auth_division.d.id
  start       = "2021-08-04T08:00:00.000000"
  end         = "2021-08-04T18:30:00.000000"
  rrule       = "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR"
}
` + byNameData("genesyscloud_architect_schedules", "genesyscloud_architect_schedules.s"))
	var st lastState
	o.test(o.checkDestroyed("genesyscloud_architect_schedules", schedulesPath),
		resource.TestStep{
			// Plan-time validation: nothing reaches the org.
			Config: o.config(`
resource "genesyscloud_architect_schedules" "s" {
  name  = "Bad"
  start = "2021-08-04 08:00"
  end   = "2021-08-04T17:00:00.000000"
}
`),
			PlanOnly:    true,
			ExpectError: regexp.MustCompile(`Invalid local date-time`),
		},
		resource.TestStep{
			Config: o.config(`
resource "genesyscloud_architect_schedules" "s" {
  name  = "Bad"
  start = "2021-08-04T08:00:00.000000"
  end   = "2021-08-04T17:00:00.000000"
  rrule = "FREQ=SOMETIMES"
}
`),
			PlanOnly:    true,
			ExpectError: regexp.MustCompile(`Invalid RRULE`),
		},
		resource.TestStep{
			Config: o.config(`
resource "genesyscloud_architect_schedules" "s" {
  name  = "Weekday hours"
  start = "2021-08-04T08:00:00.000000"
  end   = "2021-08-04T17:00:00.000000"
  rrule = "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR"
}
data "genesyscloud_auth_division_home" "home" {}
`),
			Check: resource.ComposeAggregateTestCheckFunc(
				resource.TestCheckResourceAttr(addr, "name", "Weekday hours"),
				resource.TestCheckResourceAttr(addr, "start", "2021-08-04T08:00:00.000000"),
				resource.TestCheckNoResourceAttr(addr, "description"),
				resource.TestCheckResourceAttrPair(addr, "division_id", "data.genesyscloud_auth_division_home.home", "id"),
				o.checkExists(addr, schedulesPath),
				st.capture,
			),
		},
		resource.TestStep{
			Config:           updated,
			ConfigPlanChecks: expectAction(addr, plancheck.ResourceActionUpdate),
			Check: resource.ComposeAggregateTestCheckFunc(
				resource.TestCheckResourceAttr(addr, "name", "Weekday hours (summer)"),
				resource.TestCheckResourceAttr(addr, "end", "2021-08-04T18:30:00.000000"),
				resource.TestCheckResourceAttrPair(addr, "division_id", "genesyscloud_auth_division.d", "id"),
				resource.TestCheckResourceAttrPair("data.genesyscloud_architect_schedules.by_name", "id", addr, "id"),
				st.updatedInPlace("schedule", addr),
				st.capture,
			),
		},
		importStep(addr),
		resource.TestStep{
			// Drift: the schedule is edited in the org; the plan shows it and apply undoes it.
			PreConfig: func() {
				editInOrg(o, schedulesPath, st.id(addr), func(s *platform.Schedule) {
					s.Description, s.Rrule, s.End = ptr("edited in the UI"), ptr("FREQ=DAILY"), ptr("2021-08-04T20:00:00.000")
				})
			},
			Config:           updated,
			ConfigPlanChecks: expectDrift(addr, plancheck.ResourceActionUpdate),
			Check: inOrg(o, schedulesPath, addr, func(sc platform.Schedule) error {
				if deref(sc.Description) != "Mon-Fri" || deref(sc.Rrule) != "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR" || deref(sc.End) != "2021-08-04T18:30:00.000" {
					return fmt.Errorf("org after apply: description %q, rrule %q, end %q", deref(sc.Description), deref(sc.Rrule), deref(sc.End))
				}
				return nil
			}),
		},
	)
}
