package provider

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
)

// TestAccSimpleIVR is the "simple IVR" of the issue without its flows: two queues, a DID
// pool, open/closed/holiday schedules, a schedule group and an IVR answering numbers of the
// pool. It must apply, re-plan empty and destroy without leftovers.
func TestAccSimpleIVR(t *testing.T) {
	o := newAccOrg(t)
	config := o.config(`
resource "genesyscloud_routing_queue" "general" {
  name = "General Help"
}
resource "genesyscloud_routing_queue" "billing" {
  name = "Billing"
}
resource "genesyscloud_telephony_providers_edges_did_pool" "pool" {
  start_phone_number = "+13175550000"
  end_phone_number   = "+13175550099"
  description        = "Simple IVR numbers"
}
resource "genesyscloud_architect_schedules" "open" {
  name  = "Simple IVR open"
  start = "2021-08-04T08:00:00.000000"
  end   = "2021-08-04T17:00:00.000000"
  rrule = "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR"
}
resource "genesyscloud_architect_schedules" "closed" {
  name  = "Simple IVR closed"
  start = "2021-08-04T17:00:00.000000"
  end   = "2021-08-05T08:00:00.000000"
  rrule = "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR"
}
resource "genesyscloud_architect_schedules" "holiday" {
  name  = "Simple IVR holiday"
  start = "2021-12-25T00:00:00.000000"
  end   = "2021-12-25T23:59:59.000000"
  rrule = "FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=25"
}
resource "genesyscloud_architect_schedulegroups" "hours" {
  name                 = "Simple IVR hours"
  time_zone            = "America/New_York"
  open_schedules_id    = [genesyscloud_architect_schedules.open.id]
  closed_schedules_id  = [genesyscloud_architect_schedules.closed.id]
  holiday_schedules_id = [genesyscloud_architect_schedules.holiday.id]
}
resource "genesyscloud_architect_ivr" "ivr" {
  name              = "Simple IVR"
  description       = "Routes to General Help and Billing"
  dnis              = ["+13175550001", "+13175550002"]
  schedule_group_id = genesyscloud_architect_schedulegroups.hours.id
  depends_on        = [genesyscloud_telephony_providers_edges_did_pool.pool]
}
`)
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: o.factories(),
		CheckDestroy: resource.ComposeAggregateTestCheckFunc(
			o.checkDestroyed("genesyscloud_architect_ivr", ivrsPath),
			o.checkDestroyed("genesyscloud_architect_schedulegroups", scheduleGroupsPath),
			o.checkDestroyed("genesyscloud_architect_schedules", schedulesPath),
			o.checkDestroyed("genesyscloud_telephony_providers_edges_did_pool", didPoolsPath),
			o.checkDestroyed("genesyscloud_routing_queue", "/api/v2/routing/queues"),
		),
		Steps: []resource.TestStep{
			{
				Config: config,
				Check: resource.ComposeAggregateTestCheckFunc(
					o.checkExists("genesyscloud_architect_ivr.ivr", ivrsPath),
					o.checkExists("genesyscloud_routing_queue.billing", "/api/v2/routing/queues"),
					resource.TestCheckResourceAttr("genesyscloud_architect_ivr.ivr", "dnis.#", "2"),
					resource.TestCheckResourceAttrPair("genesyscloud_architect_ivr.ivr", "schedule_group_id", "genesyscloud_architect_schedulegroups.hours", "id"),
				),
			},
			// The test framework already re-plans after apply; a second, explicit plan-only
			// step proves a fresh provider process also sees nothing to do.
			{Config: config, PlanOnly: true},
		},
	})
}
