package provider

import (
	"fmt"
	"net/http"
	"regexp"
	"testing"

	"github.com/cxascode/cxascode/internal/kinds"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
)

// emailRouteDeps are the domain, queue, skill and language the route tests route with.
const emailRouteDeps = `
resource "genesyscloud_routing_email_domain" "support" {
  domain_id = "support.example.com"
}
resource "genesyscloud_routing_queue" "email" {
  name = "Email support"
}
resource "genesyscloud_routing_skill" "billing" {
  name = "Billing"
}
resource "genesyscloud_routing_language" "german" {
  name = "German"
}
`

// emailRouteConfig is the dependencies and one route with the given body.
func emailRouteConfig(body string) string {
	return emailRouteDeps + fmt.Sprintf(`
resource "genesyscloud_routing_email_route" "it" {
  domain_id = genesyscloud_routing_email_domain.support.id
  pattern   = "help"
%s
}
`, body)
}

// TestAccEmailRoute: a route is created under its domain with its queue, skills and blind
// copies, changed in place to reply from itself, imported by "<domain id>/<route id>", put
// back after a console edit and after a deletion in the org, and removed on destroy; a
// reference to a queue that does not exist fails the apply naming the field.
func TestAccEmailRoute(t *testing.T) {
	o := newAccOrg(t)
	routes := kinds.Genesys().Named(kinds.EmailRoute)
	addr := "genesyscloud_routing_email_route.it"
	routePath := func(s *terraform.State) string { return routes.API.Item(idOf(s, addr)) }
	created := emailRouteConfig(`
  from_name = "Support"
  queue_id  = genesyscloud_routing_queue.email.id
  priority  = 3
  skill_ids = [genesyscloud_routing_skill.billing.id]
  auto_bcc {
    email = "audit@example.com"
    name  = "Audit"
  }`)
	updated := emailRouteConfig(`
  from_name         = "Support desk"
  from_email        = "help@support.example.com"
  queue_id          = genesyscloud_routing_queue.email.id
  priority          = 5
  language_id       = genesyscloud_routing_language.german.id
  history_inclusion = "Include"
  reply_email_address {
    domain_id            = genesyscloud_routing_email_domain.support.id
    self_reference_route = true
  }`)
	var firstID string
	o.test(o.checkKindDestroyed(routes),
		resource.TestStep{
			Config: o.config(created),
			Check: resource.ComposeAggregateTestCheckFunc(append(attrChecks(addr, map[string]string{
				"domain_id": "support.example.com", "from_name": "Support", "priority": "3", "skill_ids.#": "1",
				"auto_bcc.#": "1", "auto_bcc.0.email": "audit@example.com", "history_inclusion": "Optional",
				"reply_email_address.#": "0", "from_email": absent, "flow_id": absent}),
				resource.TestCheckResourceAttrPair(addr, "queue_id", "genesyscloud_routing_queue.email", "id"),
				func(s *terraform.State) error {
					firstID = idOf(s, addr)
					if isGone, err := o.gone(routePath(s)); err != nil || isGone {
						return fmt.Errorf("route %s not in the org (%v)", firstID, err)
					}
					return nil
				})...),
		},
		resource.TestStep{
			Config:           o.config(updated),
			ConfigPlanChecks: expectAction(addr, plancheck.ResourceActionUpdate),
			Check: resource.ComposeAggregateTestCheckFunc(append(attrChecks(addr, map[string]string{
				"from_name": "Support desk", "priority": "5", "history_inclusion": "Include", "skill_ids.#": absent,
				"auto_bcc.#": "0", "reply_email_address.#": "1", "reply_email_address.0.self_reference_route": "true",
				"reply_email_address.0.route_id": absent, "reply_email_address.0.domain_id": "support.example.com"}),
				func(s *terraform.State) error {
					if idOf(s, addr) != firstID {
						return fmt.Errorf("route replaced (%s → %s), want an update in place", firstID, idOf(s, addr))
					}
					var got emailRoute
					o.do(http.MethodGet, routePath(s), nil, &got)
					if got.ReplyEmailAddress == nil || got.ReplyEmailAddress.Route == nil || deref(got.ReplyEmailAddress.Route.ID) != got.ID {
						return fmt.Errorf("reply address in the org = %+v, want the route itself", got.ReplyEmailAddress)
					}
					return nil
				})...),
		},
		resource.TestStep{
			// The route found by its domain and pattern is the resource's.
			Config: o.config(updated + `
data "genesyscloud_routing_email_route" "by_pattern" {
  domain_id = genesyscloud_routing_email_domain.support.id
  pattern   = genesyscloud_routing_email_route.it.pattern
}`),
			Check: resource.TestCheckResourceAttrPair("data.genesyscloud_routing_email_route.by_pattern", "id", addr, "id"),
		},
		resource.TestStep{ResourceName: addr, ImportState: true, ImportStateVerify: true},
		resource.TestStep{
			// Someone renames the sender in the UI: the plan shows it, apply puts it back.
			PreConfig: func() {
				path := routes.API.Item(firstID)
				var got map[string]any
				o.do(http.MethodGet, path, nil, &got)
				got["fromName"] = "Edited in the UI"
				o.do(http.MethodPut, path, got, nil)
			},
			Config:           o.config(updated),
			ConfigPlanChecks: expectDrift(addr, plancheck.ResourceActionUpdate),
			Check:            resource.TestCheckResourceAttr(addr, "from_name", "Support desk"),
		},
		resource.TestStep{
			// Deleted in the org: apply makes it again.
			PreConfig:        func() { o.do(http.MethodDelete, routes.API.Item(firstID), nil, nil) },
			Config:           o.config(updated),
			ConfigPlanChecks: expectDrift(addr, plancheck.ResourceActionCreate),
		},
		resource.TestStep{
			Config:      o.config(emailRouteConfig(`  from_name = "Support"` + "\n" + `  queue_id = "no-such-queue"`)),
			ExpectError: regexp.MustCompile(`(?s)Could not update email route "help".*\[queue\.id\] refers to \[no-such-queue\]`),
		},
	)
}
