package provider

import (
	"fmt"
	"testing"

	"github.com/cxascode/cxascode/internal/platform"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
)

// TestAccSiteDefault moves the organization's default site (set_as_default_site, the org's
// defaultSiteId) from one site to another in one apply: whichever site is written first,
// the org ends naming the second, and the re-plan is empty.
func TestAccSiteDefault(t *testing.T) {
	o := newAccOrg(t)
	sites := func(firstDefault bool) string {
		return o.config(siteLocation + fmt.Sprintf(`
resource "genesyscloud_telephony_providers_edges_site" "first" {
  name                = "First site"
  location_id         = genesyscloud_location.branch.id
  media_model         = "Cloud"
  set_as_default_site = %t
}
resource "genesyscloud_telephony_providers_edges_site" "second" {
  name                = "Second site"
  location_id         = genesyscloud_location.branch.id
  media_model         = "Cloud"
  set_as_default_site = %t
}
`, firstDefault, !firstDefault))
	}
	orgDefault := func(addr string) resource.TestCheckFunc {
		return func(s *terraform.State) error {
			var org platform.Organization
			if err := o.api.Do(t.Context(), "GET", "/api/v2/organizations/me", nil, nil, &org); err != nil {
				return err
			}
			if got, want := deref(org.DefaultSiteID), idOf(s, addr); got != want {
				return fmt.Errorf("the org's default site is %q, want %s's %q", got, addr, want)
			}
			return nil
		}
	}
	o.test(o.checkDestroyed("genesyscloud_telephony_providers_edges_site", "/api/v2/telephony/providers/edges/sites"),
		resource.TestStep{
			Config: sites(true),
			Check: resource.ComposeAggregateTestCheckFunc(orgDefault("genesyscloud_telephony_providers_edges_site.first"),
				resource.TestCheckResourceAttr("genesyscloud_telephony_providers_edges_site.second", "set_as_default_site", "false")),
		},
		resource.TestStep{
			Config: sites(false),
			Check: resource.ComposeAggregateTestCheckFunc(orgDefault("genesyscloud_telephony_providers_edges_site.second"),
				resource.TestCheckResourceAttr("genesyscloud_telephony_providers_edges_site.first", "set_as_default_site", "false")),
		},
	)
}
