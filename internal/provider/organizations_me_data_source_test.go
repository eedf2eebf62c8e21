package provider

import (
	"regexp"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
)

// genesyscloud_organizations_me takes the attributes the official schema marks optional: a
// value the org has reads as configured, one it does not have fails the read naming it.
func TestAccOrganizationsMeOptionalAttributes(t *testing.T) {
	o := newAccOrg(t)
	const addr = "data.genesyscloud_organizations_me.me"
	o.test(nil,
		resource.TestStep{
			Config: o.config(`
data "genesyscloud_organizations_me" "me" {
  name                 = "dev"
  default_country_code = "US"
}
`),
			Check: resource.ComposeAggregateTestCheckFunc(
				resource.TestCheckResourceAttr(addr, "name", "dev"),
				resource.TestCheckResourceAttr(addr, "id", o.cred.OrgID),
				resource.TestCheckResourceAttr(addr, "default_language", "en")),
		},
		resource.TestStep{
			Config: o.config(`
data "genesyscloud_organizations_me" "me" {
  name = "prod"
}
`),
			ExpectError: regexp.MustCompile(`(?s)Unexpected name.*expects name to be "prod"`),
		},
	)
}
