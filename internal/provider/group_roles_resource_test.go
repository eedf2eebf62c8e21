package provider

import (
	"fmt"
	"net/http"
	"regexp"
	"testing"

	"github.com/cxascode/cxascode/internal/platform"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
)

// The group's grants are what the configuration lists (in the home division when no
// division is named), follow updates and import, lose a grant added in the org, and go with
// the resource; a grant on a group that does not exist is the API's error.
func TestAccGroupRoles(t *testing.T) {
	o := newAccOrg(t)
	const addr = "genesyscloud_group_roles.supervisors"
	deps := `
resource "genesyscloud_group" "supervisors" {
  name = "Supervisors"
}
resource "genesyscloud_auth_division" "support" {
  name = "Support"
}
` + queueViewerRole + queueEditorRole + `data "genesyscloud_auth_division_home" "home" {}
`
	updated := o.config(deps + `
resource "genesyscloud_group_roles" "supervisors" {
  group_id = genesyscloud_group.supervisors.id
  roles {
    role_id      = genesyscloud_auth_role.viewer.id
    division_ids = ["*"]
  }
}
`)
	var st lastState
	groupID := func() string { return st.id("genesyscloud_group.supervisors") }
	o.test(func(s *terraform.State) error {
		if err := o.checkDestroyed("genesyscloud_auth_role", rolesPath)(s); err != nil {
			return err
		}
		return o.checkDestroyed("genesyscloud_group", groupsPath)(s)
	},
		resource.TestStep{
			Config: o.config(deps + `
resource "genesyscloud_group_roles" "supervisors" {
  group_id = genesyscloud_group.supervisors.id
  roles {
    role_id = genesyscloud_auth_role.viewer.id
  }
  roles {
    role_id      = genesyscloud_auth_role.editor.id
    division_ids = [genesyscloud_auth_division.support.id]
  }
}
`),
			Check: resource.ComposeAggregateTestCheckFunc(
				resource.TestCheckResourceAttrPair(addr, "id", "genesyscloud_group.supervisors", "id"),
				resource.TestCheckResourceAttr(addr, "roles.#", "2"),
				func(s *terraform.State) error {
					rs := s.RootModule().Resources
					want := map[string]bool{
						rs["genesyscloud_auth_role.viewer"].Primary.ID + "/" + rs["data.genesyscloud_auth_division_home.home"].Primary.ID: true,
						rs["genesyscloud_auth_role.editor"].Primary.ID + "/" + rs["genesyscloud_auth_division.support"].Primary.ID:        true,
					}
					if got := o.subjectGrants(rs["genesyscloud_group.supervisors"].Primary.ID); fmt.Sprint(got) != fmt.Sprint(want) {
						return fmt.Errorf("grants in the org = %v, want %v", got, want)
					}
					return nil
				},
			),
		},
		resource.TestStep{
			Config:           updated,
			ConfigPlanChecks: expectAction(addr, plancheck.ResourceActionUpdate),
			Check: resource.ComposeAggregateTestCheckFunc(
				resource.TestCheckResourceAttr(addr, "roles.#", "1"),
				resource.TestCheckResourceAttr(addr, "roles.0.division_ids.0", "*"),
				st.capture,
			),
		},
		importStep(addr),
		resource.TestStep{
			// Drift: a grant added in the org is removed again.
			PreConfig: func() {
				editor := st.id("genesyscloud_auth_role.editor")
				o.do(http.MethodPost, subjectsPath+"/"+groupID()+"/bulkadd", platform.RoleDivisionGrants{Grants: []platform.RoleDivisionPair{{RoleID: &editor, DivisionID: ptr("*")}}}, nil)
			},
			Config:           updated,
			ConfigPlanChecks: expectDrift(addr, plancheck.ResourceActionUpdate),
			Check: func(s *terraform.State) error {
				if got := o.subjectGrants(groupID()); len(got) != 1 {
					return fmt.Errorf("grants in the org after apply = %v, want one", got)
				}
				return nil
			},
		},
		resource.TestStep{
			// Destroying the grants alone leaves the group without them.
			Config: o.config(deps),
			Check: func(*terraform.State) error {
				if got := o.subjectGrants(groupID()); len(got) != 0 {
					return fmt.Errorf("the group still holds grants after the resource is gone: %v", got)
				}
				return nil
			},
		},
		resource.TestStep{
			Config: o.config(deps + `
resource "genesyscloud_group_roles" "nobody" {
  group_id = "00000000-0000-0000-0000-000000000000"
  roles {
    role_id = genesyscloud_auth_role.viewer.id
  }
}
`),
			ExpectError: regexp.MustCompile(`(?s)Could not set the roles of group 00000000-0000-0000-0000-000000000000.*correlation`),
		},
	)
}
