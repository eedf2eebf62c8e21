package provider

import (
	"fmt"
	"regexp"
	"testing"

	"github.com/cxascode/cxascode/internal/platform"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
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
	o.test(o.checkDestroyed("genesyscloud_telephony_providers_edges_did_pool", didPoolsPath), steps(
		[]resource.TestStep{planFails(o.config(`
resource "genesyscloud_telephony_providers_edges_did_pool" "p" {
  start_phone_number = "13175550000"
  end_phone_number   = "+13175550099"
}
`), regexp.MustCompile(`E\.164`))},
		o.lifecycleSteps(&st, lifecycle{
			addr: addr, apiPath: didPoolsPath,
			create: o.config(`
resource "genesyscloud_telephony_providers_edges_did_pool" "p" {
  start_phone_number = "+13175550000"
  end_phone_number   = "+13175550099"
}
`),
			createChecks: attrChecks(addr, map[string]string{"end_phone_number": "+13175550099", "description": absent, "pool_provider": absent}),
			update:       updated,
			updateChecks: attrChecks(addr, map[string]string{"end_phone_number": "+13175550199", "pool_provider": "PURE_CLOUD_VOICE", "comments": "Ported"},
				resource.TestCheckResourceAttrPair("data.genesyscloud_telephony_providers_edges_did_pool.by_range", "id", addr, "id")),
			editInOrg: func(id string) {
				editInOrg(o, didPoolsPath, id, func(p *platform.DIDPool) {
					p.Comments, p.EndPhoneNumber = ptr("edited in the UI"), ptr("+13175550149")
				})
			},
			restored: inOrg(o, didPoolsPath, addr, func(p platform.DIDPool) error {
				if deref(p.Comments) != "Ported" || deref(p.EndPhoneNumber) != "+13175550199" {
					return fmt.Errorf("org after apply: comments %q, end %q", deref(p.Comments), deref(p.EndPhoneNumber))
				}
				return nil
			}),
		}),
	)...)
}
