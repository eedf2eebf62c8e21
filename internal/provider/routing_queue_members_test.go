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

// TestAccRoutingQueueMembersCleared walks the three states of members the official schema
// allows: blocks manage them, `members = []` removes every member, and no members at all
// leaves them to others.
func TestAccRoutingQueueMembersCleared(t *testing.T) {
	o := newAccOrg(t)
	const addr = "genesyscloud_routing_queue.q"
	users := o.agents(3)
	queue := func(members string) string {
		return o.config(`
resource "genesyscloud_routing_queue" "q" {
  name = "Members"
` + members + `
}
`)
	}
	orgMembers := func(want map[string]int) resource.TestCheckFunc {
		return func(s *terraform.State) error {
			got, err := queueMembers(t.Context(), o.api, idOf(s, addr))
			if err != nil {
				return err
			}
			if fmt.Sprint(got) != fmt.Sprint(want) {
				return fmt.Errorf("members in the org = %v, want %v", got, want)
			}
			return nil
		}
	}
	var st lastState
	o.test(o.checkDestroyed("genesyscloud_routing_queue", queuesPath),
		resource.TestStep{
			Config: queue(fmt.Sprintf(`
  members {
    user_id = %q
  }
  members {
    user_id  = %q
    ring_num = 2
  }`, users[0], users[1])),
			Check: resource.ComposeAggregateTestCheckFunc(
				resource.TestCheckResourceAttr(addr, "members.#", "2"),
				orgMembers(map[string]int{users[0]: 1, users[1]: 2}),
				st.capture,
			),
		},
		resource.TestStep{
			// An import reads ring 1 unset, the way configurations write it, and every media
			// block the org has (this configuration manages none).
			ResourceName: addr, ImportState: true, ImportStateVerify: true,
			ImportStateVerifyIgnore: []string{"media_settings_call", "media_settings_callback",
				"media_settings_chat", "media_settings_email", "media_settings_message"},
		},
		resource.TestStep{
			// The re-plan after this step must be empty: the org answers no members, as written.
			Config:           queue(`  members = []`),
			ConfigPlanChecks: expectAction(addr, plancheck.ResourceActionUpdate),
			Check: resource.ComposeAggregateTestCheckFunc(
				st.updatedInPlace("queue", addr),
				resource.TestCheckResourceAttr(addr, "members.#", "0"),
				orgMembers(map[string]int{}),
			),
		},
		resource.TestStep{
			// Unset: someone else adds a member, and the plan leaves it alone.
			PreConfig: func() {
				o.do(http.MethodPost, queuesPath+"/"+st.id(addr)+"/members", []platform.WritableEntity{{ID: ptr(users[2])}}, nil)
			},
			Config:           queue(""),
			ConfigPlanChecks: expectPlan(plancheck.ExpectEmptyPlan()),
			Check:            orgMembers(map[string]int{users[2]: 1}),
		},
		resource.TestStep{
			// Attribute syntax manages them again; ring 1 written out stays written out.
			Config: queue(fmt.Sprintf(`  members = [{ user_id = %q, ring_num = 1 }, { user_id = %q, ring_num = 4 }]`,
				users[0], users[1])),
			Check: resource.ComposeAggregateTestCheckFunc(
				resource.TestCheckTypeSetElemNestedAttrs(addr, "members.*", map[string]string{"user_id": users[0], "ring_num": "1"}),
				orgMembers(map[string]int{users[0]: 1, users[1]: 4}),
			),
		},
	)
}

// agents creates n users through the API (users are not a resource of this provider yet)
// and returns their ids.
func (o *accOrg) agents(n int) []string {
	ids := make([]string, n)
	for i := range ids {
		var u platform.User
		o.do(http.MethodPost, "/api/v2/users", platform.CreateUser{
			Name: ptr(fmt.Sprintf("Agent %d", i)), Email: ptr(fmt.Sprintf("agent%d@example.com", i)),
		}, &u)
		ids[i] = deref(u.ID)
	}
	return ids
}
