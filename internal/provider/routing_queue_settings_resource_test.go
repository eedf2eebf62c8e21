package provider

import (
	"encoding/json"
	"fmt"
	"net/http"
	"regexp"
	"testing"

	"github.com/cxascode/cxascode/internal/platform"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
)

// queueSettingDeps are the queues, group and email route the queue setting tests use. The
// queue resource manages its conditional group routing rules whole (no block: none), so a
// queue whose rules a resource of their own holds ignores them.
const queueSettingDeps = `
resource "genesyscloud_routing_queue" "sales" {
  name = "Sales"
  lifecycle {
    ignore_changes = [conditional_group_routing_rules]
  }
}
resource "genesyscloud_routing_queue" "overflow" {
  name = "Overflow"
}
resource "genesyscloud_group" "backup" {
  name = "Backup agents"
}
resource "genesyscloud_routing_email_domain" "sales" {
  domain_id = "sales.example.com"
}
resource "genesyscloud_routing_email_route" "orders" {
  domain_id = genesyscloud_routing_email_domain.sales.id
  pattern   = "orders"
  from_name = "Sales"
}
resource "genesyscloud_routing_email_route" "quotes" {
  domain_id = genesyscloud_routing_email_domain.sales.id
  pattern   = "quotes"
  from_name = "Sales"
}
`

// queueOf reads a queue as the org holds it.
func (o *accOrg) queueOf(s *terraform.State, addr string) platform.Queue {
	var q platform.Queue
	o.do(http.MethodGet, queuesPath+"/"+idOf(s, addr), nil, &q)
	return q
}

// TestAccQueueSettings: a queue's outbound email address, conditional group routing and
// conditional group activation are set by resources of their own (id = the queue's), changed
// in place, imported by the queue's id, put back after a console edit, and cleared on destroy
// while the queue stays; a group that does not exist fails the apply naming it.
func TestAccQueueSettings(t *testing.T) {
	o := newAccOrg(t)
	const (
		email      = "genesyscloud_routing_queue_outbound_email_address.it"
		routing    = "genesyscloud_routing_queue_conditional_group_routing.it"
		activation = "genesyscloud_routing_queue_conditional_group_activation.it"
	)
	config := func(route string, limit int, expression string) string {
		return o.config(queueSettingDeps + fmt.Sprintf(`
resource "genesyscloud_routing_queue_outbound_email_address" "it" {
  queue_id  = genesyscloud_routing_queue.sales.id
  domain_id = genesyscloud_routing_email_domain.sales.id
  route_id  = genesyscloud_routing_email_route.%s.id
}
resource "genesyscloud_routing_queue_conditional_group_routing" "it" {
  queue_id = genesyscloud_routing_queue.sales.id
  rules {
    operator        = "GreaterThan"
    condition_value = %d
    groups {
      member_group_id   = genesyscloud_group.backup.id
      member_group_type = "GROUP"
    }
  }
  rules {
    evaluated_queue_id = genesyscloud_routing_queue.overflow.id
    metric             = "ServiceLevel"
    operator           = "LessThan"
    condition_value    = 0.5
    wait_seconds       = 10
    groups {
      member_group_id   = genesyscloud_group.backup.id
      member_group_type = "GROUP"
    }
  }
}
resource "genesyscloud_routing_queue_conditional_group_activation" "it" {
  queue_id = genesyscloud_routing_queue.sales.id
  pilot_rule {
    condition_expression = "C1"
    conditions {
      simple_metric {
        metric = "IdleAgentCount"
      }
      operator = "LessThan"
      value    = 1
    }
  }
  rules {
    condition_expression = %q
    conditions {
      simple_metric {
        metric = "EstimatedWaitTime"
      }
      operator = "GreaterThan"
      value    = 60
    }
    groups {
      member_group_id   = genesyscloud_group.backup.id
      member_group_type = "GROUP"
    }
  }
}
`, route, limit, expression))
	}
	var st lastState
	// The queues go with the configuration, and the settings with them.
	o.test(func(*terraform.State) error { return nil },
		resource.TestStep{
			Config: config("orders", 30, "C1"),
			Check: resource.ComposeAggregateTestCheckFunc(
				resource.TestCheckResourceAttrPair(email, "id", "genesyscloud_routing_queue.sales", "id"),
				resource.TestCheckResourceAttrPair(email, "route_id", "genesyscloud_routing_email_route.orders", "id"),
				resource.TestCheckResourceAttr(routing, "rules.#", "2"),
				resource.TestCheckNoResourceAttr(routing, "rules.0.evaluated_queue_id"),
				resource.TestCheckResourceAttr(routing, "rules.0.metric", "EstimatedWaitTime"),
				resource.TestCheckResourceAttr(routing, "rules.0.wait_seconds", "2"),
				resource.TestCheckResourceAttrPair(routing, "rules.1.evaluated_queue_id", "genesyscloud_routing_queue.overflow", "id"),
				resource.TestCheckResourceAttr(activation, "rules.0.condition_expression", "C1"),
				func(s *terraform.State) error {
					q := o.queueOf(s, "genesyscloud_routing_queue.sales")
					a := queueEmailAddressOf(&q)
					if a.Route == nil || deref(a.Route.ID) == "" || q.ConditionalGroupRouting == nil || len(q.ConditionalGroupRouting.Rules) != 2 ||
						q.ConditionalGroupActivation == nil || q.ConditionalGroupActivation.PilotRule == nil {
						raw, _ := json.Marshal(q)
						return fmt.Errorf("queue in the org lacks a setting: %s", raw)
					}
					return nil
				},
			),
		},
		resource.TestStep{
			Config: config("quotes", 45, "C1 or C1"),
			ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
				plancheck.ExpectResourceAction(email, plancheck.ResourceActionUpdate),
				plancheck.ExpectResourceAction(routing, plancheck.ResourceActionUpdate),
				plancheck.ExpectResourceAction(activation, plancheck.ResourceActionUpdate),
			}},
			Check: resource.ComposeAggregateTestCheckFunc(
				resource.TestCheckResourceAttrPair(email, "route_id", "genesyscloud_routing_email_route.quotes", "id"),
				resource.TestCheckResourceAttr(routing, "rules.0.condition_value", "45"),
				resource.TestCheckResourceAttr(activation, "rules.0.condition_expression", "C1 or C1"),
				st.capture,
			),
		},
		resource.TestStep{ResourceName: email, ImportState: true, ImportStateVerify: true,
			// The import reads the route's own id, which names the same route as the resource's id.
			ImportStateVerifyIgnore: []string{"route_id"}},
		resource.TestStep{ResourceName: routing, ImportState: true, ImportStateVerify: true},
		resource.TestStep{ResourceName: activation, ImportState: true, ImportStateVerify: true},
		resource.TestStep{
			// Someone clears the rules in the UI: the plan shows it, apply puts them back.
			PreConfig: func() {
				var q platform.QueueRequest
				o.do(http.MethodGet, queuesPath+"/"+st.id(routing), nil, &q)
				q.ConditionalGroupRouting = nil
				o.do(http.MethodPut, queuesPath+"/"+st.id(routing), q, nil)
			},
			Config:           config("quotes", 45, "C1 or C1"),
			ConfigPlanChecks: expectDrift(routing, plancheck.ResourceActionCreate),
			Check:            resource.TestCheckResourceAttr(routing, "rules.#", "2"),
		},
		resource.TestStep{
			// The settings go, the queue stays.
			Config: o.config(queueSettingDeps),
			Check: func(s *terraform.State) error {
				q := o.queueOf(s, "genesyscloud_routing_queue.sales")
				if len(q.OutboundEmailAddress) > 0 && string(q.OutboundEmailAddress) != "null" || q.ConditionalGroupRouting != nil || q.ConditionalGroupActivation != nil {
					raw, _ := json.Marshal(q)
					return fmt.Errorf("settings left on the queue after their resources were destroyed: %s", raw)
				}
				return nil
			},
		},
		resource.TestStep{
			Config: o.config(queueSettingDeps + `
resource "genesyscloud_routing_queue_conditional_group_routing" "it" {
  queue_id = genesyscloud_routing_queue.sales.id
  rules {
    operator        = "GreaterThan"
    condition_value = 30
    groups {
      member_group_id   = "no-such-group"
      member_group_type = "GROUP"
    }
  }
}`),
			ExpectError: regexp.MustCompile(`(?s)Could not create conditional group routing.*no-such-group`),
		},
	)
}
