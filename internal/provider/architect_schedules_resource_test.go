package provider

import (
	"fmt"
	"regexp"
	"testing"

	"github.com/cxascode/cxascode/internal/platform"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
)

const schedulesPath = "/api/v2/architect/schedules"

func TestAccArchitectSchedules(t *testing.T) {
	o := newAccOrg(t)
	const typ, addr = "genesyscloud_architect_schedules", "genesyscloud_architect_schedules.s"
	updated := o.config(supportDivision + `resource "genesyscloud_architect_schedules" "s" {
  name        = "Weekday hours (summer)"
  description = "Mon-Fri"
  division_id = genesyscloud_auth_division.d.id
  start       = "2021-08-04T08:00:00.000000"
  end         = "2021-08-04T18:30:00.000000"
  rrule       = "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR"
}
` + byNameData(typ, addr))
	var st lastState
	o.test(o.checkDestroyed(typ, schedulesPath), steps(
		[]resource.TestStep{{
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
		}, {
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
		}},
		o.lifecycleSteps(&st, lifecycle{
			addr: addr, apiPath: schedulesPath,
			create: o.config(`
resource "genesyscloud_architect_schedules" "s" {
  name  = "Weekday hours"
  start = "2021-08-04T08:00:00.000000"
  end   = "2021-08-04T17:00:00.000000"
  rrule = "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR"
}
data "genesyscloud_auth_division_home" "home" {}
`),
			createChecks: attrChecks(addr, map[string]string{"name": "Weekday hours", "start": "2021-08-04T08:00:00.000000", "description": absent},
				inHomeDivision(addr)),
			update: updated,
			updateChecks: attrChecks(addr, map[string]string{"name": "Weekday hours (summer)", "end": "2021-08-04T18:30:00.000000"},
				resource.TestCheckResourceAttrPair(addr, "division_id", "genesyscloud_auth_division.d", "id"),
				foundByName(typ, addr),
				st.updatedInPlace("schedule", addr)),
			// Drift: the schedule is edited in the org; the plan shows it and apply undoes it.
			editInOrg: func(id string) {
				editInOrg(o, schedulesPath, id, func(s *platform.Schedule) {
					s.Description, s.Rrule, s.End = ptr("edited in the UI"), ptr("FREQ=DAILY"), ptr("2021-08-04T20:00:00.000")
				})
			},
			restored: inOrg(o, schedulesPath, addr, func(sc platform.Schedule) error {
				if deref(sc.Description) != "Mon-Fri" || deref(sc.Rrule) != "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR" || deref(sc.End) != "2021-08-04T18:30:00.000" {
					return fmt.Errorf("org after apply: description %q, rrule %q, end %q", deref(sc.Description), deref(sc.Rrule), deref(sc.End))
				}
				return nil
			}),
		}),
	)...)
}
