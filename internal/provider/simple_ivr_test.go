package provider

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
)

// simpleIVRFlow is the inbound call flow of the simple IVR: a schedule check, then a menu
// whose keys transfer to the two queues, all by name.
var simpleIVRFlow = inboundCallFlow("Simple IVR flow", "Check hours_1", "Thank you for calling.", `  menus:
    - menu:
        name: Main menu
        refId: Main menu_2
        audio:
          tts: Press 1 for general help, 2 for billing.
        choices:
          - menuTransferToAcd:
              name: General help
              dtmf: digit_1
              targetQueue:
                lit:
                  name: General Help
          - menuTransferToAcd:
              name: Billing
              dtmf: digit_2
              targetQueue:
                lit:
                  name: Billing
  tasks:
    - task:
        name: Check hours
        refId: Check hours_1
        actions:
          - evaluateScheduleGroup:
              name: Open?
              evaluate:
                now: true
              scheduleGroup:
                lit:
                  name: Simple IVR hours
              outputs:
                open:
                  actions:
                    - jumpToMenu:
                        name: To the menu
                        targetMenuRef: "/inboundCall/menus/menu[Main menu_2]"
                closed:
                  actions:
                    - playAudio:
                        name: Closed
                        audio:
                          tts: We are closed.
                    - disconnect:
                        name: Goodbye
`)

// TestAccSimpleIVR is the "simple IVR" of the issue: two queues, a DID pool,
// open/closed/holiday schedules, a schedule group, an inbound call flow with a menu and a
// schedule check (referring to all of them by name), and an IVR answering numbers of the
// pool with that flow. It must apply, re-plan empty and destroy without leftovers.
func TestAccSimpleIVR(t *testing.T) {
	o := newAccOrg(t)
	d := newFlowDir(t, o)
	hcl := `
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
` + scheduleTrio + trioScheduleGroup("hours", "Simple IVR hours", `  time_zone            = "America/New_York"
`) + `
resource "genesyscloud_flow" "main" {
  filepath = "` + d.file() + `"
  depends_on = [
    genesyscloud_routing_queue.general,
    genesyscloud_routing_queue.billing,
    genesyscloud_architect_schedulegroups.hours,
  ]
}
resource "genesyscloud_architect_ivr" "ivr" {
  name                  = "Simple IVR"
  description           = "Routes to General Help and Billing"
  dnis                  = ["+13175550001", "+13175550002"]
  schedule_group_id     = genesyscloud_architect_schedulegroups.hours.id
  open_hours_flow_id    = genesyscloud_flow.main.id
  closed_hours_flow_id  = genesyscloud_flow.main.id
  holiday_hours_flow_id = genesyscloud_flow.main.id
  depends_on            = [genesyscloud_telephony_providers_edges_did_pool.pool]
}
`
	config := o.config(hcl)
	first := d.step(simpleIVRFlow, hcl)
	o.test(resource.ComposeAggregateTestCheckFunc(
		o.checkDestroyed("genesyscloud_architect_ivr", ivrsPath),
		o.checkDestroyed("genesyscloud_flow", "/api/v2/flows"),
		o.checkDestroyed("genesyscloud_architect_schedulegroups", scheduleGroupsPath),
		o.checkDestroyed("genesyscloud_architect_schedules", schedulesPath),
		o.checkDestroyed("genesyscloud_telephony_providers_edges_did_pool", didPoolsPath),
		o.checkDestroyed("genesyscloud_routing_queue", "/api/v2/routing/queues"),
	),
		resource.TestStep{
			PreConfig: first.PreConfig,
			Config:    config,
			Check: resource.ComposeAggregateTestCheckFunc(
				o.checkExists("genesyscloud_flow.main", "/api/v2/flows"),
				resource.TestCheckResourceAttr("genesyscloud_flow.main", "type", "INBOUNDCALL"),
				resource.TestCheckResourceAttrPair("genesyscloud_architect_ivr.ivr", "open_hours_flow_id", "genesyscloud_flow.main", "id"),
				o.checkExists("genesyscloud_architect_ivr.ivr", ivrsPath),
				o.checkExists("genesyscloud_routing_queue.billing", "/api/v2/routing/queues"),
				resource.TestCheckResourceAttr("genesyscloud_architect_ivr.ivr", "dnis.#", "2"),
				resource.TestCheckResourceAttrPair("genesyscloud_architect_ivr.ivr", "schedule_group_id", "genesyscloud_architect_schedulegroups.hours", "id"),
			),
		},
		// The test framework already re-plans after apply; a second, explicit plan-only
		// step proves a fresh provider process also sees nothing to do.
		resource.TestStep{Config: config, PlanOnly: true},
	)
}
