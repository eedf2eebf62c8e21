package provider

import (
	"regexp"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
)

// Bad input fails at plan where it can be known then, at apply otherwise, and always
// names the attribute; API failures carry status, code and correlation id. After a
// failed apply the state still matches the org (checked by the empty plan that follows).
func TestAccBadInput(t *testing.T) {
	o := newAccOrg(t)
	o.test(func(s *terraform.State) error { return nil },
		resource.TestStep{ // unknown attribute: OpenTofu names it
			Config: o.config(`
resource "genesyscloud_routing_queue" "q" {
  name          = "Bad input"
  alerting_time = 10
}`),
			ExpectError: regexp.MustCompile(`(?s)Unsupported argument.*alerting_time`),
		},
		resource.TestStep{ // wrong enum: plan-time, with the attribute path
			Config: o.config(`
resource "genesyscloud_routing_queue" "q" {
  name                    = "Bad input"
  skill_evaluation_method = "SOME"
}`),
			ExpectError: regexp.MustCompile(`(?s)skill_evaluation_method.*(NONE|BEST|ALL)`),
		},
		resource.TestStep{ // bad E.164: plan-time, with the attribute path
			Config: o.config(`
resource "genesyscloud_routing_queue" "q" {
  name                 = "Bad input"
  calling_party_number = "555-0100"
}`),
			ExpectError: regexp.MustCompile(`(?s)calling_party_number.*E\.164`),
		},
		resource.TestStep{ // a good queue first, so the failing step below has state to keep consistent
			Config: o.config(`
resource "genesyscloud_routing_queue" "q" {
  name = "Bad input"
}`),
		},
		resource.TestStep{ // unknown referenced id: only the API knows; the error carries status, code and correlation id
			Config: o.config(`
resource "genesyscloud_routing_queue" "q" {
  name         = "Bad input"
  wrapup_codes = ["00000000-0000-0000-0000-00000000beef"]
}`),
			ExpectError: regexp.MustCompile(`(?s)400.*bad\.request.*00000000-0000-0000-0000-00000000beef.*[Cc]orrelation`),
		},
		resource.TestStep{ // state stayed consistent: the original config plans empty against the org
			Config: o.config(`
resource "genesyscloud_routing_queue" "q" {
  name = "Bad input"
}`),
			PlanOnly: true,
		},
	)
}
