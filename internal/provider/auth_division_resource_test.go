package provider

import (
	"fmt"
	"net/http"
	"testing"

	"github.com/cxascode/cxascode/internal/platform"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
)

func TestAccAuthDivision(t *testing.T) {
	o := newAccOrg(t)
	const addr = "genesyscloud_auth_division.d"
	division := func(name, description string) string {
		desc := ""
		if description != "" {
			desc = fmt.Sprintf("description = %q", description)
		}
		return o.config(fmt.Sprintf(`
resource "genesyscloud_auth_division" "d" {
  name = %q
  %s
}
`+byNameData("genesyscloud_auth_division", "genesyscloud_auth_division.d"), name, desc))
	}
	var st lastState
	o.test(o.checkDestroyed("genesyscloud_auth_division", divisionsPath), append(o.lifecycleSteps(&st, lifecycle{
		addr: addr, apiPath: divisionsPath,
		create: division("Sales", ""),
		createChecks: attrChecks(addr, map[string]string{"name": "Sales", "description": absent, "home": "false"},
			foundByName("genesyscloud_auth_division", addr)),
		update:       division("Sales EMEA", "Sales in Europe"),
		updateChecks: attrChecks(addr, map[string]string{"name": "Sales EMEA", "description": "Sales in Europe"}),
		// Drift: renamed in the org.
		editInOrg: func(id string) {
			o.do(http.MethodPut, divisionsPath+"/"+id, platform.AuthzDivision{Name: ptr("Renamed"), Description: ptr("Sales in Europe")}, nil)
		},
		restored: inOrg(o, divisionsPath, addr, func(d platform.AuthzDivision) error {
			if deref(d.Name) != "Sales EMEA" {
				return fmt.Errorf("name in the org after apply = %q", deref(d.Name))
			}
			return nil
		}),
	}),
		resource.TestStep{
			// Removing the description clears it.
			Config: division("Sales EMEA", ""),
			Check:  resource.TestCheckNoResourceAttr(addr, "description"),
		},
	)...)
}

// TestAccAuthDivisionHome adopts the home division: it is renamed on apply, read by the
// home data source, and left in place by destroy.
func TestAccAuthDivisionHome(t *testing.T) {
	o := newAccOrg(t)
	var home platform.AuthzDivision
	o.do(http.MethodGet, divisionsPath+"/home", nil, &home)
	adopted := `
resource "genesyscloud_auth_division" "home" {
  name        = "Headquarters"
  description = "Everything not in a business unit"
  home        = true
}
`
	o.test(func(*terraform.State) error {
		var after platform.AuthzDivision
		o.do(http.MethodGet, divisionsPath+"/home", nil, &after)
		if deref(after.ID) != deref(home.ID) {
			return fmt.Errorf("home division changed from %s to %s", deref(home.ID), deref(after.ID))
		}
		return nil
	},
		resource.TestStep{
			Config: o.config(adopted),
			Check: resource.ComposeAggregateTestCheckFunc(
				resource.TestCheckResourceAttr("genesyscloud_auth_division.home", "id", deref(home.ID)),
				resource.TestCheckResourceAttr("genesyscloud_auth_division.home", "home", "true"),
			),
		},
		resource.TestStep{
			Config: o.config(adopted + `
data "genesyscloud_auth_division_home" "home" {}
data "genesyscloud_organizations_me" "me" {}
`),
			Check: resource.ComposeAggregateTestCheckFunc(
				resource.TestCheckResourceAttrPair("data.genesyscloud_auth_division_home.home", "id", "genesyscloud_auth_division.home", "id"),
				resource.TestCheckResourceAttr("data.genesyscloud_auth_division_home.home", "name", "Headquarters"),
				resource.TestCheckResourceAttr("data.genesyscloud_auth_division_home.home", "description", "Everything not in a business unit"),
				resource.TestCheckResourceAttr("data.genesyscloud_organizations_me.me", "id", o.cred.OrgID),
				resource.TestCheckResourceAttr("data.genesyscloud_organizations_me.me", "name", "dev"),
				resource.TestCheckResourceAttr("data.genesyscloud_organizations_me.me", "default_country_code", "US"),
				resource.TestCheckResourceAttr("data.genesyscloud_organizations_me.me", "state", "active"),
			),
		},
	)
}
