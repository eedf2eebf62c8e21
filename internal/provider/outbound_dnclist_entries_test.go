package provider

import (
	"regexp"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
)

// A DNC list's entries reach the org as additions of their own after the list is written
// (POST …/phonenumbers): the org's refusal of one (an expiration it cannot read) fails the
// apply with the API call's status, code and correlation id, and a good one applies.
func TestAccDNCListEntriesAreAdded(t *testing.T) {
	o := newAccOrg(t)
	list := func(expiration string) string {
		return o.config(`
resource "genesyscloud_outbound_dnclist" "it" {
  name            = "Opted out"
  dnc_source_type = "rds"
  entries {
    expiration_date = "` + expiration + `"
    phone_numbers   = ["+13175550100"]
  }
}`)
	}
	o.test(func(s *terraform.State) error { return nil },
		resource.TestStep{
			Config:      list("tomorrow"),
			ExpectError: regexp.MustCompile(`(?s)400.*bad\.request.*expirationDateTime.*[Cc]orrelation`),
		},
		resource.TestStep{
			Config: list("2030-01-01T00:00Z"),
			Check:  resource.TestCheckResourceAttr("genesyscloud_outbound_dnclist.it", "entries.0.expiration_date", "2030-01-01T00:00Z"),
		},
	)
}
