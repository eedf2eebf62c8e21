package provider

import (
	"fmt"
	"net/http"
	"testing"

	"github.com/cxascode/cxascode/internal/platform"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
)

// queueDeps are the objects the queue refers to, declared in every step that manages them.
const queueDeps = `
resource "genesyscloud_auth_division" "d" {
  name = "Support"
}
resource "genesyscloud_routing_wrapupcode" "resolved" {
  name = "Resolved"
}
resource "genesyscloud_routing_wrapupcode" "escalated" {
  name = "Escalated"
}
`

func TestAccRoutingQueue(t *testing.T) {
	o := newAccOrg(t)
	const addr = "genesyscloud_routing_queue.q"
	// Users are not a resource of this provider yet: create them through the API.
	users := o.agents(3)
	basic := o.config(`
resource "genesyscloud_routing_queue" "q" {
  name = "Support"
}
`)
	full := func(description string, ring int, second string) string {
		return o.config(fmt.Sprintf(queueDeps+`
resource "genesyscloud_routing_queue" "q" {
  name                    = "Support"
  description             = %q
  division_id             = genesyscloud_auth_division.d.id
  skill_evaluation_method = "BEST"
  acw_wrapup_prompt       = "OPTIONAL"
  acw_timeout_ms          = 60000
  auto_answer_only        = false
  media_settings_call {
    alerting_timeout_sec      = 20
    service_level_percentage  = 0.9
    service_level_duration_ms = 15000
  }
  wrapup_codes = [genesyscloud_routing_wrapupcode.resolved.id, genesyscloud_routing_wrapupcode.escalated.id]
  members {
    user_id = %q
  }
  members {
    user_id  = %q
    ring_num = %d
  }
}
`+byNameData("genesyscloud_routing_queue", "genesyscloud_routing_queue.q"), description, users[0], second, ring))
	}
	var st lastState
	o.test(o.checkDestroyed("genesyscloud_routing_queue", queuesPath),
		resource.TestStep{
			// Defaults of the official provider.
			Config: basic,
			Check: resource.ComposeAggregateTestCheckFunc(attrChecks(addr, map[string]string{
				"skill_evaluation_method": "ALL",
				"acw_wrapup_prompt":       "MANDATORY_TIMEOUT",
				"auto_answer_only":        "true",
				"members.#":               "0",
				"media_settings_call.#":   "0",
			},
				resource.TestCheckResourceAttrSet(addr, "division_id"),
				o.checkExists(addr, queuesPath),
				st.capture,
			)...),
		},
		resource.TestStep{
			// Everything changes in place: same queue id.
			Config:           full("Tier 1", 2, users[1]),
			ConfigPlanChecks: expectAction(addr, plancheck.ResourceActionUpdate),
			Check: resource.ComposeAggregateTestCheckFunc(attrChecks(addr, map[string]string{
				"skill_evaluation_method":                        "BEST",
				"acw_timeout_ms":                                 "60000",
				"media_settings_call.0.alerting_timeout_sec":     "20",
				"media_settings_call.0.service_level_percentage": "0.9",
				"media_settings_call.0.enable_auto_answer":       "false",
				"wrapup_codes.#":                                 "2",
				"members.#":                                      "2",
			},
				st.updatedInPlace("queue", addr),
				resource.TestCheckResourceAttrPair(addr, "division_id", "genesyscloud_auth_division.d", "id"),
				resource.TestCheckTypeSetElemAttrPair(addr, "wrapup_codes.*", "genesyscloud_routing_wrapupcode.resolved", "id"),
				// Written without ring_num: the official schema's attribute-mode set keeps it unset in
				// state (OpenTofu holds the plan to the configuration); the org has the default ring 1.
				resource.TestCheckTypeSetElemNestedAttrs(addr, "members.*", map[string]string{"user_id": users[0]}),
				resource.TestCheckTypeSetElemNestedAttrs(addr, "members.*", map[string]string{"user_id": users[1], "ring_num": "2"}),
				resource.TestCheckResourceAttrPair("data.genesyscloud_routing_queue.by_name", "id", addr, "id"),
				func(s *terraform.State) error {
					members, err := queueMembers(t.Context(), o.api, idOf(s, addr))
					if err != nil {
						return err
					}
					if len(members) != 2 || members[users[0]] != 1 || members[users[1]] != 2 {
						return fmt.Errorf("members in the org: %v", members)
					}
					return nil
				},
			)...),
		},
		resource.TestStep{
			// A member is swapped and a ring changed.
			Config: full("Tier 1", 3, users[2]),
			Check: resource.ComposeAggregateTestCheckFunc(
				resource.TestCheckResourceAttr(addr, "members.#", "2"),
				resource.TestCheckTypeSetElemNestedAttrs(addr, "members.*", map[string]string{"user_id": users[2], "ring_num": "3"}),
			),
		},
		resource.TestStep{
			// An import reads every media block the org has; this configuration manages only calls.
			ResourceName:      addr,
			ImportState:       true,
			ImportStateVerify: true,
			ImportStateVerifyIgnore: []string{"media_settings_callback", "media_settings_chat",
				"media_settings_email", "media_settings_message"},
		},
		resource.TestStep{
			// Drift: a member is removed, a wrap-up code unassigned and the description edited in the org.
			PreConfig: func() {
				id := st.id(addr)
				o.do(http.MethodPost, queuesPath+"/"+id+"/members?delete=true", []platform.WritableEntity{{ID: ptr(users[0])}}, nil)
				codes, err := queueWrapupCodes(t.Context(), o.api, id)
				if err != nil || len(codes) == 0 {
					t.Fatalf("queue wrap-up codes: %v %v", codes, err)
				}
				o.do(http.MethodDelete, queuesPath+"/"+id+"/wrapupcodes/"+codes[0], nil, nil)
				q, err := queueRequest(t.Context(), o.api, id)
				if err != nil {
					t.Fatal(err)
				}
				q.Description = ptr("edited in the UI")
				o.do(http.MethodPut, queuesPath+"/"+id, q, nil)
			},
			Config:           full("Tier 1", 3, users[2]),
			ConfigPlanChecks: expectDrift(addr, plancheck.ResourceActionUpdate),
			Check: func(s *terraform.State) error {
				id := idOf(s, addr)
				members, err := queueMembers(t.Context(), o.api, id)
				if err != nil {
					return err
				}
				codes, err := queueWrapupCodes(t.Context(), o.api, id)
				if err != nil {
					return err
				}
				q := orgObject[platform.Queue](o, queuesPath, id)
				if len(members) != 2 || len(codes) != 2 || deref(q.Description) != "Tier 1" {
					return fmt.Errorf("after apply: members %v, codes %v, description %q", members, codes, deref(q.Description))
				}
				return nil
			},
		},
		resource.TestStep{
			// Dropping the blocks and the code list stops managing them; nothing is removed.
			Config: o.config(queueDeps + `
resource "genesyscloud_routing_queue" "q" {
  name                    = "Support"
  description             = "Tier 1"
  division_id             = genesyscloud_auth_division.d.id
  skill_evaluation_method = "BEST"
  acw_wrapup_prompt       = "OPTIONAL"
  acw_timeout_ms          = 60000
  auto_answer_only        = false
}
`),
			Check: func(s *terraform.State) error {
				members, err := queueMembers(t.Context(), o.api, idOf(s, addr))
				if err != nil {
					return err
				}
				if len(members) != 2 {
					return fmt.Errorf("unmanaged members changed: %v", members)
				}
				return nil
			},
		},
	)
}
