package provider

import (
	"regexp"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
)

// The org's refusals of telephony objects reach the user with the API call's status, code,
// the field and the correlation id: an extension pool overlapping another, a site at a
// location that does not exist, trunk base settings whose inbound site does not exist.
func TestAccTelephonyRefusals(t *testing.T) {
	o := newAccOrg(t)
	o.test(func(s *terraform.State) error { return nil },
		resource.TestStep{
			Config: o.config(`
resource "genesyscloud_telephony_providers_edges_extension_pool" "a" {
  start_number = "6000"
  end_number   = "6099"
}
resource "genesyscloud_telephony_providers_edges_extension_pool" "b" {
  start_number = "6050"
  end_number   = "6149"
  depends_on   = [genesyscloud_telephony_providers_edges_extension_pool.a]
}`),
			ExpectError: regexp.MustCompile(`(?s)POST /api/v2/telephony/providers/edges/extensionpools.*409.*overlaps.*[Cc]orrelation`),
		},
		resource.TestStep{
			Config: o.config(`
resource "genesyscloud_telephony_providers_edges_site" "s" {
  name        = "Nowhere"
  location_id = "00000000-0000-0000-0000-00000000abcd"
  media_model = "Cloud"
}`),
			ExpectError: regexp.MustCompile(`(?s)400.*bad\.request.*location\.id.*[Cc]orrelation`),
		},
		resource.TestStep{
			Config: o.config(`
resource "genesyscloud_telephony_providers_edges_trunkbasesettings" "t" {
  name               = "Lost trunk"
  trunk_meta_base_id = "external_sip_pcv_byoc_carrier.json"
  trunk_type         = "EXTERNAL"
  inbound_site_id    = "00000000-0000-0000-0000-00000000abcd"
}`),
			ExpectError: regexp.MustCompile(`(?s)400.*bad\.request.*inboundSite\.id.*[Cc]orrelation`),
		},
	)
}
