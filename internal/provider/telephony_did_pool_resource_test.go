package provider

import (
	"fmt"
	"regexp"
	"testing"

	"github.com/cxascode/cxascode/internal/platform"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
)

func TestAccTelephonyDidPool(t *testing.T) {
	o := newAccOrg(t)
	const addr = "genesyscloud_telephony_providers_edges_did_pool.p"
	updated := o.config(`
resource "genesyscloud_telephony_providers_edges_did_pool" "p" {
  start_phone_number = "+13175550000"
  end_phone_number   = "+13175550199"
  description        = "Support numbers"
  comments           = "Ported"
  pool_provider      = "PURE_CLOUD_VOICE"
}
data "genesyscloud_telephony_providers_edges_did_pool" "by_range" {
  start_phone_number = genesyscloud_telephony_providers_edges_did_pool.p.start_phone_number
  end_phone_number   = genesyscloud_telephony_providers_edges_did_pool.p.end_phone_number
}
`)
	var st lastState
	o.test(o.checkDestroyed("genesyscloud_telephony_providers_edges_did_pool", didPoolsPath),
		resource.TestStep{
			Config: o.config(`
resource "genesyscloud_telephony_providers_edges_did_pool" "p" {
  start_phone_number = "13175550000"
  end_phone_number   = "+13175550099"
}
`),
			PlanOnly:    true,
			ExpectError: regexp.MustCompile(`E\.164`),
		},
		resource.TestStep{
			Config: o.config(`
resource "genesyscloud_telephony_providers_edges_did_pool" "p" {
  start_phone_number = "+13175550000"
  end_phone_number   = "+13175550099"
}
`),
			Check: resource.ComposeAggregateTestCheckFunc(
				resource.TestCheckResourceAttr(addr, "end_phone_number", "+13175550099"),
				resource.TestCheckNoResourceAttr(addr, "description"),
				resource.TestCheckNoResourceAttr(addr, "pool_provider"),
				o.checkExists(addr, didPoolsPath),
				st.capture,
			),
		},
		resource.TestStep{
			Config:           updated,
			ConfigPlanChecks: expectAction(addr, plancheck.ResourceActionUpdate),
			Check: resource.ComposeAggregateTestCheckFunc(
				resource.TestCheckResourceAttr(addr, "end_phone_number", "+13175550199"),
				resource.TestCheckResourceAttr(addr, "pool_provider", "PURE_CLOUD_VOICE"),
				resource.TestCheckResourceAttr(addr, "comments", "Ported"),
				resource.TestCheckResourceAttrPair("data.genesyscloud_telephony_providers_edges_did_pool.by_range", "id", addr, "id"),
				st.capture,
			),
		},
		importStep(addr),
		resource.TestStep{
			PreConfig: func() {
				editInOrg(o, didPoolsPath, st.id(addr), func(p *platform.DIDPool) {
					p.Comments, p.EndPhoneNumber = ptr("edited in the UI"), ptr("+13175550149")
				})
			},
			Config:           updated,
			ConfigPlanChecks: expectDrift(addr, plancheck.ResourceActionUpdate),
			Check: func(s *terraform.State) error {
				p := orgObject[platform.DIDPool](o, didPoolsPath, idOf(s, addr))
				if deref(p.Comments) != "Ported" || deref(p.EndPhoneNumber) != "+13175550199" {
					return fmt.Errorf("org after apply: comments %q, end %q", deref(p.Comments), deref(p.EndPhoneNumber))
				}
				return nil
			},
		},
	)
}
