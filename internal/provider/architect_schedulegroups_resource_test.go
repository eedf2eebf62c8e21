package provider

import (
	"fmt"
	"testing"

	"github.com/cxascode/cxascode/internal/platform"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
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

// trioScheduleGroup declares a schedule group, labelled label, of scheduleTrio's open, closed
// and holiday schedules; attrs are its further attributes (HCL lines).
func trioScheduleGroup(label, name, attrs string) string {
	return fmt.Sprintf(`
resource "genesyscloud_architect_schedulegroups" %q {
  name                 = %q
%s  open_schedules_id    = [genesyscloud_architect_schedules.open.id]
  closed_schedules_id  = [genesyscloud_architect_schedules.closed.id]
  holiday_schedules_id = [genesyscloud_architect_schedules.holiday.id]
}
`, label, name, attrs)
}

func TestAccArchitectSchedulegroups(t *testing.T) {
	o := newAccOrg(t)
	const typ, addr = "genesyscloud_architect_schedulegroups", "genesyscloud_architect_schedulegroups.g"
	updated := o.config(scheduleTrio + trioScheduleGroup("g", "Support hours", `  description          = "Support line"
  time_zone            = "America/Indianapolis"
`) + byNameData(typ, addr))
	var st lastState
	o.test(resource.ComposeAggregateTestCheckFunc(
		o.checkDestroyed(typ, scheduleGroupsPath),
		o.checkDestroyed("genesyscloud_architect_schedules", schedulesPath),
	), o.lifecycleSteps(&st, lifecycle{
		addr: addr, apiPath: scheduleGroupsPath,
		create: o.config(scheduleTrio + `
resource "genesyscloud_architect_schedulegroups" "g" {
  name              = "Support"
  open_schedules_id = [genesyscloud_architect_schedules.open.id]
}
`),
		createChecks: attrChecks(addr, map[string]string{"name": "Support", "open_schedules_id.#": "1", "closed_schedules_id.#": absent, "time_zone": absent}),
		update:       updated,
		updateChecks: attrChecks(addr, map[string]string{"time_zone": "America/Indianapolis"},
			resource.TestCheckTypeSetElemAttrPair(addr, "closed_schedules_id.*", "genesyscloud_architect_schedules.closed", "id"),
			resource.TestCheckTypeSetElemAttrPair(addr, "holiday_schedules_id.*", "genesyscloud_architect_schedules.holiday", "id"),
			foundByName(typ, addr)),
		// Drift: the closed and holiday schedules are taken out in the org.
		editInOrg: func(id string) {
			editInOrg(o, scheduleGroupsPath, id, func(g *platform.ScheduleGroup) {
				g.ClosedSchedules, g.HolidaySchedules, g.TimeZone = []platform.DomainEntityRef{}, []platform.DomainEntityRef{}, ptr("Europe/Berlin")
			})
		},
		restored: inOrg(o, scheduleGroupsPath, addr, func(g platform.ScheduleGroup) error {
			if len(g.ClosedSchedules) != 1 || len(g.HolidaySchedules) != 1 || deref(g.TimeZone) != "America/Indianapolis" {
				return fmt.Errorf("org after apply: closed %v, holiday %v, zone %q", g.ClosedSchedules, g.HolidaySchedules, deref(g.TimeZone))
			}
			return nil
		}),
	})...)
}
