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

// TestAccArchitectSchedules checks what schedules have beyond every kind's life (their row in
// kindAccCases and divisionAccCases): the local date-times and the RRULE are validated at plan
// time, and a drift of all three, which the org answers in its own spelling (milliseconds),
// is seen and undone.
func TestAccArchitectSchedules(t *testing.T) {
	o := newAccOrg(t)
	const typ, addr = "genesyscloud_architect_schedules", "genesyscloud_architect_schedules.s"
	summer := o.config(`
resource "genesyscloud_architect_schedules" "s" {
  name        = "Weekday hours (summer)"
  description = "Mon-Fri"
  start       = "2021-08-04T08:00:00.000000"
  end         = "2021-08-04T18:30:00.000000"
  rrule       = "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR"
}
`)
	var st lastState
	o.test(o.checkDestroyed(typ, schedulesPath),
		// Plan-time validation: nothing reaches the org.
		planFails(o.config(`
resource "genesyscloud_architect_schedules" "s" {
  name  = "Bad"
  start = "2021-08-04 08:00"
  end   = "2021-08-04T17:00:00.000000"
}
`), regexp.MustCompile(`Invalid local date-time`)),
		planFails(o.config(`
resource "genesyscloud_architect_schedules" "s" {
  name  = "Bad"
  start = "2021-08-04T08:00:00.000000"
  end   = "2021-08-04T17:00:00.000000"
  rrule = "FREQ=SOMETIMES"
}
`), regexp.MustCompile(`Invalid RRULE`)),
		resource.TestStep{Config: summer, Check: st.capture},
		resource.TestStep{
			// Drift: the schedule is edited in the org; the plan shows it and apply undoes it.
			PreConfig: func() {
				editInOrg(o, schedulesPath, st.id(addr), func(s *platform.Schedule) {
					s.Description, s.Rrule, s.End = ptr("edited in the UI"), ptr("FREQ=DAILY"), ptr("2021-08-04T20:00:00.000")
				})
			},
			Config:           summer,
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
