package provider

import (
	"fmt"
	"net/http"
	"testing"

	"github.com/cxascode/cxascode/internal/platform"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
)

// subjectGrants lists a subject's grants as "role/division" through the API.
func (o *accOrg) subjectGrants(id string) map[string]bool {
	o.t.Helper()
	s := orgObject[platform.AuthzSubject](o, subjectsPath, id)
	out := map[string]bool{}
	for _, g := range s.Grants {
		out[deref(g.Role.ID)+"/"+deref(g.Division.ID)] = true
	}
	return out
}

// queueViewerRole and queueEditorRole are roles on queues that the grant tests give.
const (
	queueViewerRole = `resource "genesyscloud_auth_role" "viewer" {
  name = "Queue viewer"
  permission_policies {
    domain      = "routing"
    entity_name = "queue"
    action_set  = ["view"]
  }
}
`
	queueEditorRole = `resource "genesyscloud_auth_role" "editor" {
  name = "Queue editor"
  permission_policies {
    domain      = "routing"
    entity_name = "queue"
    action_set  = ["edit"]
  }
}
`
)

func TestAccUserRoles(t *testing.T) {
	o := newAccOrg(t)
	const addr = "genesyscloud_user_roles.ann"
	ann := o.apiUser("Ann Agent", "ann@example.com")
	deps := `
resource "genesyscloud_auth_division" "support" {
  name = "Support"
}
` + queueViewerRole + queueEditorRole
	updated := o.config(deps + fmt.Sprintf(`
resource "genesyscloud_user_roles" "ann" {
  user_id = %q
  roles {
    role_id      = genesyscloud_auth_role.viewer.id
    division_ids = ["*"]
  }
}
`, ann))
	var st lastState
	o.test(func(s *terraform.State) error {
		if g := o.subjectGrants(ann); len(g) != 0 {
			return fmt.Errorf("user still holds grants after destroy: %v", g)
		}
		return o.checkDestroyed("genesyscloud_auth_role", rolesPath)(s)
	}, o.lifecycleSteps(&st, lifecycle{
		addr: addr, apiPath: subjectsPath,
		create: o.config(deps + fmt.Sprintf(`
resource "genesyscloud_user_roles" "ann" {
  user_id = %q
  roles {
    role_id = genesyscloud_auth_role.viewer.id
  }
  roles {
    role_id      = genesyscloud_auth_role.editor.id
    division_ids = [genesyscloud_auth_division.support.id]
  }
}
data "genesyscloud_auth_division_home" "home" {}
`, ann)),
		createChecks: attrChecks(addr, map[string]string{"id": ann, "roles.#": "2"},
			func(s *terraform.State) error {
				rs := s.RootModule().Resources
				want := map[string]bool{
					rs["genesyscloud_auth_role.viewer"].Primary.ID + "/" + rs["data.genesyscloud_auth_division_home.home"].Primary.ID: true,
					rs["genesyscloud_auth_role.editor"].Primary.ID + "/" + rs["genesyscloud_auth_division.support"].Primary.ID:        true,
				}
				if got := o.subjectGrants(ann); fmt.Sprint(got) != fmt.Sprint(want) {
					return fmt.Errorf("grants in the org = %v, want %v", got, want)
				}
				return nil
			}),
		update:       updated,
		updateChecks: attrChecks(addr, map[string]string{"roles.#": "1", "roles.0.division_ids.0": "*"}),
		// Drift: a grant added in the org is removed again.
		editInOrg: func(string) {
			editor := st.s.RootModule().Resources["genesyscloud_auth_role.editor"].Primary.ID
			o.do(http.MethodPost, subjectsPath+"/"+ann+"/bulkadd", platform.RoleDivisionGrants{Grants: []platform.RoleDivisionPair{{RoleID: &editor, DivisionID: ptr("*")}}}, nil)
		},
		restored: func(s *terraform.State) error {
			if got := o.subjectGrants(ann); len(got) != 1 {
				return fmt.Errorf("grants in the org after apply = %v, want one", got)
			}
			return nil
		},
	})...)
}
