package provider

import (
	"fmt"
	"testing"

	"github.com/cxascode/cxascode/internal/platform"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
)

const scheduleGroupsPath = "/api/v2/architect/schedulegroups"

// scheduleTrio declares an open, a closed and a holiday schedule.
const scheduleTrio = `
resource "genesyscloud_architect_schedules" "open" {
  name  = "Open"
  start = "2021-08-04T08:00:00.000000"
  end   = "2021-08-04T17:00:00.000000"
  rrule = "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR"
}
resource "genesyscloud_architect_schedules" "closed" {
  name  = "Closed"
  start = "2021-08-04T17:00:00.000000"
  end   = "2021-08-05T08:00:00.000000"
  rrule = "FREQ=DAILY"
}
resource "genesyscloud_architect_schedules" "holiday" {
  name  = "New Year"
  start = "2022-01-01T00:00:00.000000"
  end   = "2022-01-01T23:59:59.000000"
  rrule = "FREQ=YEARLY;BYMONTH=1;BYMONTHDAY=1"
}
`

func TestAccArchitectSchedulegroups(t *testing.T) {
	o := newAccOrg(t)
	const addr = "genesyscloud_architect_schedulegroups.g"
	updated := o.config(scheduleTrio + `
resource "genesyscloud_architect_schedulegroups" "g" {
  name                 = "Support hours"
  description          = "Support line"
  time_zone            = "America/Indianapolis"
  open_schedules_id    = [genesyscloud_architect_schedules.open.id]
  closed_schedules_id  = [genesyscloud_architect_schedules.closed.id]
  holiday_schedules_id = [genesyscloud_architect_schedules.holiday.id]
}
` + byNameData("genesyscloud_architect_schedulegroups", "genesyscloud_architect_schedulegroups.g"))
	var st lastState
	o.test(resource.ComposeAggregateTestCheckFunc(
		o.checkDestroyed("genesyscloud_architect_schedulegroups", scheduleGroupsPath),
		o.checkDestroyed("genesyscloud_architect_schedules", schedulesPath),
	),
		resource.TestStep{
			Config: o.config(scheduleTrio + `
resource "genesyscloud_architect_schedulegroups" "g" {
  name              = "Support"
  open_schedules_id = [genesyscloud_architect_schedules.open.id]
}
`),
			Check: resource.ComposeAggregateTestCheckFunc(
				resource.TestCheckResourceAttr(addr, "name", "Support"),
				resource.TestCheckResourceAttr(addr, "open_schedules_id.#", "1"),
				resource.TestCheckNoResourceAttr(addr, "closed_schedules_id.#"),
				resource.TestCheckNoResourceAttr(addr, "time_zone"),
				o.checkExists(addr, scheduleGroupsPath),
				st.capture,
			),
		},
		resource.TestStep{
			Config:           updated,
			ConfigPlanChecks: expectAction(addr, plancheck.ResourceActionUpdate),
			Check: resource.ComposeAggregateTestCheckFunc(
				resource.TestCheckResourceAttr(addr, "time_zone", "America/Indianapolis"),
				resource.TestCheckTypeSetElemAttrPair(addr, "closed_schedules_id.*", "genesyscloud_architect_schedules.closed", "id"),
				resource.TestCheckTypeSetElemAttrPair(addr, "holiday_schedules_id.*", "genesyscloud_architect_schedules.holiday", "id"),
				resource.TestCheckResourceAttrPair("data.genesyscloud_architect_schedulegroups.by_name", "id", addr, "id"),
				st.capture,
			),
		},
		importStep(addr),
		resource.TestStep{
			// Drift: the closed and holiday schedules are taken out in the org.
			PreConfig: func() {
				editInOrg(o, scheduleGroupsPath, st.id(addr), func(g *platform.ScheduleGroup) {
					g.ClosedSchedules, g.HolidaySchedules, g.TimeZone = []platform.DomainEntityRef{}, []platform.DomainEntityRef{}, ptr("Europe/Berlin")
				})
			},
			Config:           updated,
			ConfigPlanChecks: expectDrift(addr, plancheck.ResourceActionUpdate),
			Check: inOrg(o, scheduleGroupsPath, addr, func(g platform.ScheduleGroup) error {
				if len(g.ClosedSchedules) != 1 || len(g.HolidaySchedules) != 1 || deref(g.TimeZone) != "America/Indianapolis" {
					return fmt.Errorf("org after apply: closed %v, holiday %v, zone %q", g.ClosedSchedules, g.HolidaySchedules, deref(g.TimeZone))
				}
				return nil
			}),
		},
	)
}
